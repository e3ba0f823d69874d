import { formatDate } from '../../../platform/i18n/index.ts';
import { useT } from '../../../platform/views/components.tsx';
import { bulletinText, hasEspeak } from '../bulletin.ts';
import type { DisclosureRow } from '../disclosures.repository.ts';

/** The loudspeaker bulletin of a radio item: its text, the audio download, or a plain note when espeak-ng is missing. */
export function Bulletin({ d, unitName = '' }: { d: DisclosureRow; unitName?: string }) {
  const t = useT();
  return (
    <section>
      <h2>{t('bulletin.title')}</h2>
      <p class="hint">{t('bulletin.hint')}</p>
      <blockquote lang="vi">{bulletinText(unitName || t('bulletin.commune'), d.title, formatDate(d.posted_on), d.posted_until ? formatDate(d.posted_until) : null)}</blockquote>
      {hasEspeak()
        ? <p><a class="button secondary" id="bulletin-ogg" href={`/disclosures/${d.id}/bulletin.ogg`} download>{t('bulletin.download')}</a> <a href={`/disclosures/${d.id}/bulletin.wav`} download>{t('bulletin.downloadWav')}</a></p>
        : <p class="notice" id="no-espeak">{t('bulletin.unavailable')}</p>}
    </section>
  );
}
