import { formatDate } from '../../../platform/i18n/index.ts';
import { useT } from '../../../platform/views/components.tsx';
import { RULES } from '../../../domain/democracy/index.ts';
import type { CommunityDecisionsTable } from '../community.tables.ts';

type P = { d: CommunityDecisionsTable; villageName: string; communeName: string; total: number };

const Signatures = ({ labels }: { labels: string[] }) => (
  <div class="signatures">{labels.map((l) => <div><strong>{l}</strong><br /><br /><br />&nbsp;</div>)}</div>
);

/** The community decision record with the content of Art. 20(2) (NĐ 59 Mẫu 03 layout as far as known). */
export function Minutes({ d, villageName, communeName, total }: P) {
  const t = useT();
  const rule = d.rule ? RULES.get(d.rule) : undefined;
  const present = d.households_present;
  return (
    <article class="print-doc">
      <div class="doc-head"><p><strong>{communeName.toUpperCase()}</strong><br />{villageName.toUpperCase()}</p><p class="right"><strong>{t('print.motto1')}</strong><br /><u>{t('print.motto2')}</u></p></div>
      <h1 class="center">{t('print.minutesTitle')}</h1>
      <p class="center"><em>{t('print.about', { question: d.question })}</em></p>
      <ol class="lettered">{/* Art. 20(2) points a, b, c, d, đ, e */}
        <li>{t('print.time', { date: formatDate(d.vote_on) || '……/……/……' })}</li>
        <li>{t('print.households', { total: d.total_households ?? total, present: present ?? '……', absent: present !== null ? (d.total_households ?? total) - present : '……' })}</li>
        <li>{t('print.content', { question: d.question, matter: t(`community.matter.${d.matter}`) })}</li>
        <li>{t('print.form', { form: t(`community.form.${d.form}`) })}</li>
        <li>{t('print.results', { yes: d.yes ?? '……', no: d.no ?? '……', other: d.other ?? '……' })}</li>
        <li>{d.rule ? t(Number(d.passed) ? 'print.decisionPassed' : 'print.decisionFailed', { article: rule?.article ?? '' }) : t('print.decisionPending')}</li>
      </ol>
      {d.record_due && <p class="no-print muted">{t('community.recordDue', { date: formatDate(d.record_due) })}</p>}
      <Signatures labels={[t('print.sign.rep1'), t('print.sign.rep2'), t('print.sign.front'), t('print.sign.head')]} />
    </article>
  );
}

/** A household ballot sheet (NĐ 59 Art. 4(5)): title, question, options, other opinion, return deadline, village head bottom-right. */
export function BallotSheet({ d, villageName, communeName }: P) {
  const t = useT();
  return (
    <article class="print-doc">
      <p class="doc-head"><strong>{communeName.toUpperCase()}</strong><br />{villageName.toUpperCase()}</p>
      <h1 class="center">{t('print.ballotTitle')}</h1>
      <p><strong>{t('print.ballotQuestion')}</strong> {d.question}</p>
      <p>{t('print.ballotInstructions')}</p>
      <ul class="ballot-options">
        <li>☐ {t('community.yes')}</li>
        <li>☐ {t('community.no')}</li>
        <li>☐ {t('print.otherOpinion')} ………………………………………………</li>
      </ul>
      <p>{t('print.household')} ………………………………………………</p>
      <p><strong>{t('print.returnBy', { date: formatDate(d.vote_on) || '……/……/……' })}</strong></p>
      <div class="signatures"><div /><div><strong>{t('print.sign.head')}</strong><br /><br /><br />&nbsp;</div></div>
    </article>
  );
}
