import { raw } from 'hono/html';
import { Csrf, ErrorSummary, Field, Select, useT } from '../../../platform/views/components.tsx';
import { formatDate, formatDateTime } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { PETITION_KINDS } from '../../../domain/petitions/index.ts';

type V = Record<string, string>;
const FIELDS = ['senderName', 'senderIdNumber', 'senderPhone', 'senderEmail', 'senderAddress', 'anonymous', 'addressedUnitId', 'title', 'content', 'kindHint'];

/** The public form: plain questions, one page, works without JavaScript. */
export function PublicForm({ values, errors, units }: { values: V; errors?: FieldErrors; units: [string, string][] }) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('petitions.public.title')}</h1>
      <p>{t('petitions.public.intro')}</p>
      <form method="post" action="/public/petitions/check" novalidate>
        <Csrf />
        <Field name="senderName" label={t('petitions.senderName')} values={values} errors={errors} autocomplete="name" />
        <div class="field"><label><input type="checkbox" name="anonymous" value="1" checked={values.anonymous === '1'} /> {t('petitions.anonymous')}</label><div class="hint">{t('petitions.anonymousHint')}</div></div>
        <Field name="senderAddress" label={t('petitions.senderAddress')} values={values} errors={errors} autocomplete="street-address" />
        <Field name="senderIdNumber" label={t('petitions.senderIdNumber')} values={values} errors={errors} width="short" />
        <Field name="senderPhone" label={t('petitions.senderPhone')} values={values} errors={errors} type="tel" autocomplete="tel" width="short" />
        <Field name="senderEmail" label={t('petitions.senderEmail')} values={values} errors={errors} type="email" autocomplete="email" />
        <Select name="addressedUnitId" label={t('petitions.addressedUnitId')} values={values} errors={errors} options={[['', '—'], ...units]} />
        <Select name="kindHint" label={t('petitions.kindHint')} values={values} errors={errors} options={[['', '—'], ...PETITION_KINDS.map((k): [string, string] => [k, t(`petitions.kind.${k}`)])]} />
        <Field name="title" label={t('petitions.titleField')} values={values} errors={errors} />
        <div class={`field${errors?.content ? ' field-error' : ''}`}>
          <label for="f-content">{t('petitions.content')}</label>
          {errors?.content && <p class="error-message">{errors.content}</p>}
          <textarea id="f-content" name="content" rows={8}>{values.content ?? ''}</textarea>
        </div>
        <button type="submit">{t('petitions.continue')}</button>
      </form>
    </>
  );
}

/** Check your answers: the values shown, carried in hidden fields, sent on confirm. */
export function CheckAnswers({ values, unitName }: { values: V; unitName: string }) {
  const t = useT();
  const rows: [string, string][] = [
    [t('petitions.senderName'), values.anonymous === '1' ? t('petitions.anonymous') : values.senderName ?? ''], [t('petitions.senderAddress'), values.senderAddress ?? ''],
    [t('petitions.senderIdNumber'), values.senderIdNumber ?? ''], [t('petitions.senderPhone'), values.senderPhone ?? ''], [t('petitions.senderEmail'), values.senderEmail ?? ''],
    [t('petitions.addressedUnitId'), unitName], [t('petitions.kindHint'), values.kindHint ? t(`petitions.kind.${values.kindHint}`) : '—'],
    [t('petitions.titleField'), values.title ?? ''], [t('petitions.content'), values.content ?? ''],
  ];
  return (
    <>
      <h1>{t('petitions.check')}</h1>
      <dl class="summary">{rows.map(([k, v]) => <><dt>{k}</dt><dd>{v || '—'}</dd></>)}</dl>
      <form method="post" action="/public/petitions/new"><Csrf />{FIELDS.map((f) => <input type="hidden" name={f} value={values[f] ?? ''} />)}<button type="submit" class="secondary">{t('petitions.change')}</button></form>
      <form method="post" action="/public/petitions"><Csrf />{FIELDS.map((f) => <input type="hidden" name={f} value={values[f] ?? ''} />)}<button type="submit">{t('petitions.submit')}</button></form>
    </>
  );
}

/** Confirmation and printable receipt: code, key, QR code of the tracking link. */
export function Receipt({ code, accessKey, link, qrSvg, receivedAt, unitName }: { code: string; accessKey: string; link: string; qrSvg: string; receivedAt: string; unitName: string }) {
  const t = useT();
  return (
    <>
      <div class="notice" role="status"><h1>{t('petitions.confirm.title')}</h1>
        <p>{t('petitions.confirm.code')}: <strong id="tracking-code">{code}</strong></p>
        <p>{t('petitions.confirm.key')}: <strong id="access-key">{accessKey}</strong></p></div>
      <p>{t('petitions.confirm.keep')}</p>
      <h2>{t('petitions.receipt.title')}</h2>
      <dl class="summary"><dt>{t('petitions.receivedOn')}</dt><dd>{formatDateTime(receivedAt)}</dd><dt>{t('petitions.handlingUnit')}</dt><dd>{unitName}</dd></dl>
      <figure class="qr" style="max-width:12rem">{raw(qrSvg)}<figcaption>{t('petitions.receipt.qr')}</figcaption></figure>
      <p><a href={link}>{t('petitions.track.title')}</a></p>
    </>
  );
}

export interface PublicStatus { trackingCode: string; status: string; handlingUnit: { name: string }; dueOn: string | null; history: { at: string; event: string }[]; answer: string | null }

/** The tracking form and, when found, the status. */
export function Track({ values, found, notFound }: { values: V; found?: PublicStatus; notFound?: boolean }) {
  const t = useT();
  return (
    <>
      <h1>{t('petitions.track.title')}</h1>
      {notFound && <div class="error-summary" role="alert"><p>{t('petitions.track.notFound')}</p></div>}
      <form method="get" action="/public/petitions/track">
        <Field name="code" label={t('petitions.track.code')} values={values} width="short" />
        <Field name="key" label={t('petitions.track.key')} values={values} width="short" />
        <button type="submit">{t('petitions.track.submit')}</button>
      </form>
      {found && <StatusBlock s={found} />}
    </>
  );
}

function StatusBlock({ s }: { s: PublicStatus }) {
  const t = useT();
  return (
    <section>
      <h2>{s.trackingCode}</h2>
      <dl class="summary">
        <dt>{t('petitions.status')}</dt><dd id="status">{t(`petitions.st.${s.status}`)}</dd>
        <dt>{t('petitions.handlingUnit')}</dt><dd>{s.handlingUnit.name}</dd>
        <dt>{t('petitions.dueOn')}</dt><dd>{formatDate(s.dueOn) || '—'}</dd>
        {s.answer && <><dt>{t('petitions.answer')}</dt><dd>{answerText(t, s.answer)}</dd></>}
      </dl>
      <h3>{t('petitions.history')}</h3>
      <ol>{s.history.map((h) => <li>{formatDateTime(h.at)} · {t(`petitions.ev.${h.event}`)}</li>)}</ol>
    </section>
  );
}

/** Guidance answers are stored as `guidance:<code>`. */
export const answerText = (t: (k: string) => string, a: string) => (a.startsWith('guidance:') ? t(`petitions.guidance.${a.slice(9)}`) : a);
