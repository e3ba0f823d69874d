import type { ClipRow } from '../../../platform/audio/clips.ts';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDateTime } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice, Table, useT } from '../../../platform/views/components.tsx';
import type { ListenSubject } from '../listen.subjects.ts';

type ClipBrief = Pick<ClipRow, 'subject_id' | 'lang' | 'source' | 'status'>;
const secs = (ms: number | null) => `${Math.round((ms ?? 0) / 1000)} s`;

/** Staff overview: items of the user's units with their audio, links to record and to assemble a bulletin. */
export function ListenIndex({ subjects, unitNames, clips }: { subjects: ListenSubject[]; unitNames: Map<string, { fullName: string }>; clips: ClipBrief[] }) {
  const t = useT();
  const audioOf = (id: string) => clips.filter((k) => k.subject_id === id && k.status === 'ready').map((k) => (k.source === 'speech' ? t('listen.speechShort') : k.lang)).join(', ') || '—';
  return (
    <>
      <h1>{t('listen.staff.title')}</h1>
      <p>{t('listen.staff.intro')}</p>
      <p><a class="button" href="/listen/bulletins/new">{t('listen.bulletin.new')}</a></p>
      <Table caption={t('listen.staff.items')} empty={t('listen.staff.none')}
        head={[t('listen.col.item'), t('listen.col.kind'), t('listen.col.unit'), t('listen.col.audio'), '']}
        rows={subjects.map((s) => [<a href={s.publicUrl}>{s.title}</a>, t(`listen.kind.${s.type}`), unitNames.get(s.unitId)?.fullName ?? '', audioOf(s.id),
          <a href={`/listen/recordings/${s.type}/${s.id}`}>{t('listen.record')}</a>])} />
    </>
  );
}

/** One item's audio and the form to upload a recording in another language. */
export function RecordingPage({ s, clips, values, errors, done }: { s: ListenSubject; clips: ClipRow[]; values: Record<string, string>; errors?: FieldErrors; done: boolean }) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} />
      <p><a href="/listen">← {t('listen.staff.title')}</a></p>
      {done && <Notice>{t('listen.saved')}</Notice>}
      <h1>{s.title}</h1>
      <p><a href={s.publicUrl}>{t('listen.publicPage')}</a></p>
      <Table caption={t('listen.staff.clips')} empty={t('listen.staff.noClips')} head={[t('listen.col.lang'), t('listen.col.source'), t('listen.col.status'), t('listen.col.duration'), t('listen.col.updated')]}
        rows={clips.map((k) => [k.lang, t(k.source === 'speech' ? 'listen.speech' : 'listen.recording'), t(`listen.status.${k.status}`), k.status === 'ready' ? secs(k.duration_ms) : '—', formatDateTime(k.updated_at)])} />
      <h2>{t('listen.upload')}</h2>
      <p class="hint">{t('listen.uploadHint')}</p>
      <form method="post" action={`/listen/recordings/${s.type}/${s.id}`} enctype="multipart/form-data" novalidate>
        <Csrf />
        <Field name="lang" label={t('listen.lang')} hint={t('listen.langHint')} errors={errors} values={values} width="short" />
        <div class={`field${errors?.file ? ' field-error' : ''}`}>
          <label for="f-file">{t('listen.file')}</label>
          <div class="hint">{t('listen.fileHint')}</div>
          {errors?.file && <p class="error-message" id="e-file">{errors.file}</p>}
          <input id="f-file" name="file" type="file" accept="audio/ogg,audio/mpeg,audio/wav,.ogg,.oga,.opus,.mp3,.wav" aria-invalid={errors?.file ? 'true' : undefined} />
        </div>
        <button type="submit">{t('listen.send')}</button>
      </form>
    </>
  );
}
