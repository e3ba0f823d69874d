import type { Ctx } from '../http/context.ts';
import { useT } from '../views/components.tsx';
import { hasEspeak } from './speech.ts';
import { speechFor, type ClipRow, type Subject } from './clips.ts';

export interface ListenData { clips: (ClipRow & { langName: string })[]; pending: boolean; espeak: boolean }

const BUILT_IN: Record<string, string> = { vi: 'Tiếng Việt', en: 'English' };

/** Loads the audio of an item for its public page (queueing Vietnamese speech of `text` when needed). */
export async function listenData(c: Ctx, s: Subject, text: string): Promise<ListenData> {
  const { db } = c.get('deps');
  const { clips, pending } = await speechFor(db, s, text);
  const names = new Map((await c.get('locales').all(db)).map((l) => [l.code, l.name]));
  const current = c.get('locale');
  const named = clips.map((r) => ({ ...r, langName: BUILT_IN[r.lang] ?? names.get(r.lang) ?? r.lang }));
  named.sort((a, b) => Number(b.lang === current) - Number(a.lang === current));
  return { clips: named, pending, espeak: hasEspeak() };
}

const minutes = (ms: number | null) => { const s = Math.round((ms ?? 0) / 1000); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`; };

/** "Nghe": a plain `<audio controls>` per language with a download link (works without JavaScript). */
export function Listen({ data }: { data: ListenData }) {
  const t = useT();
  return (
    <section class="listen" id="listen" aria-labelledby="listen-title">
      <h2 id="listen-title">{t('listen.title')}</h2>
      {data.clips.map((r) => (
        <figure class="listen-clip" lang={r.lang}>
          <figcaption>{r.langName} · {t(r.source === 'speech' ? 'listen.speech' : 'listen.recording')} · {minutes(r.duration_ms)}</figcaption>
          <audio controls preload="none" src={`/listen/clips/${r.id}`}>
            <a href={`/listen/clips/${r.id}?download=1`}>{t('listen.download')}</a>
          </audio>
          <p><a href={`/listen/clips/${r.id}?download=1`} download>{t('listen.download')}</a></p>
        </figure>
      ))}
      {data.pending && data.espeak && <p class="hint" id="listen-pending">{t('listen.pending')}</p>}
      {!data.espeak && data.clips.length === 0 && <p class="hint">{t('listen.unavailable')}</p>}
    </section>
  );
}
