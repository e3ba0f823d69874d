import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDateTime } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, useT } from '../../../platform/views/components.tsx';
import type { ListenSubject } from '../listen.subjects.ts';
import type { AudioBulletinsTable } from '../listen.tables.ts';

/** The form that assembles a loudspeaker bulletin from ticked items, with a title and an introduction. */
export function BulletinForm({ items, values, errors }: { items: ListenSubject[]; values: Record<string, string | string[]>; errors?: FieldErrors }) {
  const t = useT();
  const ticked = ([] as string[]).concat(values.items ?? []);
  const v = { title: String(values.title ?? ''), intro: String(values.intro ?? '') };
  return (
    <>
      <ErrorSummary errors={errors} />
      <p><a href="/listen">← {t('listen.staff.title')}</a></p>
      <h1>{t('listen.bulletin.new')}</h1>
      <p>{t('listen.bulletin.intro')}</p>
      <form method="post" action="/listen/bulletins/new" novalidate>
        <Csrf />
        <Field name="title" label={t('listen.bulletin.title')} errors={errors} values={v} />
        <div class={`field${errors?.intro ? ' field-error' : ''}`}>
          <label for="f-intro">{t('listen.bulletin.introField')}</label>
          <div class="hint">{t('listen.bulletin.introHint')}</div>
          {errors?.intro && <p class="error-message">{errors.intro}</p>}
          <textarea id="f-intro" name="intro" rows={3}>{v.intro}</textarea>
        </div>
        <fieldset class={`field${errors?.items ? ' field-error' : ''}`} id="f-items">
          <legend>{t('listen.bulletin.items')}</legend>
          {errors?.items && <p class="error-message">{errors.items}</p>}
          {items.length === 0 && <p>{t('listen.staff.none')}</p>}
          {items.map((s) => (
            <div class="checkbox"><input type="checkbox" id={`i-${s.id}`} name="items" value={s.id} checked={ticked.includes(s.id)} /> <label for={`i-${s.id}`}>{s.title}</label></div>
          ))}
        </fieldset>
        <button type="submit">{t('listen.bulletin.make')}</button>
      </form>
    </>
  );
}

/** An assembled bulletin: player, download, the items it reads. */
export function BulletinPage({ b, unitName }: { b: AudioBulletinsTable; unitName: string }) {
  const t = useT();
  const items = JSON.parse(b.items) as { id: string; title: string }[];
  const src = `/listen/bulletins/${b.id}/audio.ogg`;
  return (
    <>
      <p><a href="/listen">← {t('listen.staff.title')}</a></p>
      <p class="caption">{unitName}</p>
      <h1>{b.title}</h1>
      <p class="muted">{formatDateTime(b.created_at)} · {Math.round(b.duration_ms / 1000)} s</p>
      <audio controls preload="none" src={src}><a href={`${src}?download=1`}>{t('listen.download')}</a></audio>
      <p><a class="button" href={`${src}?download=1`} download>{t('listen.bulletin.download')}</a></p>
      <h2>{t('listen.bulletin.items')}</h2>
      <p>{b.intro}</p>
      <ol>{items.map((i) => <li><a href={`/board/d/${i.id}`}>{i.title}</a></li>)}</ol>
    </>
  );
}
