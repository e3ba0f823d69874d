import { formatDate, formatDateTime } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, useT } from '../../../platform/views/components.tsx';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { PROVINCIAL_SYMBOL, type Compilation } from '../reports.compilation.ts';
import type { Period } from '../reports.repository.ts';
import { outlineIn } from './outline.ts';

export interface ProvincialProps { period: Period; k: Compilation; canEdit: boolean; values?: Record<string, string>; errors?: FieldErrors; notice?: string }

const numberText = (n: number | null) => (n == null ? '' : `${String(n).padStart(2, '0')}/${PROVINCIAL_SYMBOL}`);

/** The provincial report of a period: the coordinator edits the compiled draft and issues it; others read it. */
export function ProvincialPage({ period, k, canEdit, values, errors, notice }: ProvincialProps) {
  const t = useT();
  const base = `/report-periods/${period.id}/provincial`;
  const editable = canEdit && k.status !== 'issued';
  const v = values ?? {
    intro: k.intro, number: k.number == null ? '' : String(k.number), signedOn: k.signedOn ? formatDate(k.signedOn) : '', signerName: k.signerName,
    ...Object.fromEntries(k.sections.map((s) => [`s.${s.key}`, s.text])),
  };
  let part = '';
  return (
    <>
      <ErrorSummary errors={errors} />
      {notice && <div class="notice" role="status">{notice}</div>}
      <p class="caption"><a href={`/report-periods/${period.id}`}>{period.title}</a> · <a href={`/report-periods/${period.id}/aggregate`}>{t('reports.aggregateTitle')}</a></p>
      <h1>{t('reports.provincial.title')}</h1>
      <p>
        <span class={`tag ${k.status === 'issued' ? 'green' : 'grey'}`}>{t(`reports.provincial.status.${k.status}`)}</span>
        {k.status === 'issued' && <> · {t('reports.provincial.issuedAs', { number: numberText(k.number), date: formatDate(k.signedOn) })}</>}
        {k.updatedAt && <> · {t('reports.provincial.updated', { at: formatDateTime(k.updatedAt), version: k.version })}</>}
      </p>
      <p class="hint">{t(k.status === 'none' ? 'reports.provincial.hintCompiled' : 'reports.provincial.hintSaved')}</p>
      <p><a href={`/report-periods/${period.id}/aggregate.docx`}>{t('reports.download.docx')}</a></p>
      {editable && (
        <form method="post" action={`${base}/recompile`} class="inline">
          <Csrf />
          <button type="submit" class="secondary">{t('reports.provincial.recompile')}</button>
          <span class="hint"> {t('reports.provincial.recompileHint')}</span>
        </form>
      )}
      {editable ? (
        <form method="post" action={base} novalidate>
          <Csrf />
          <div class={`field${errors?.intro ? ' field-error' : ''}`}>
            <label for="f-intro"><strong>{t('reports.provincial.intro')}</strong></label>
            <textarea id="f-intro" name="intro" rows={4}>{v.intro ?? ''}</textarea>
          </div>
          {k.sections.map((x) => outlineIn(x, t)).map((s) => {
            const head = s.part !== part ? (part = s.part) : null;
            const same = s.title === s.part.replace(/^[IVX]+\.\s*/, '');
            const err = errors?.[`s.${s.key}`];
            return (
              <>
                {head && !same && <h2>{head}</h2>}
                <div class={`field${err ? ' field-error' : ''}`}>
                  {same ? <h2><label for={`f-s.${s.key}`}>{s.part}</label></h2> : <label for={`f-s.${s.key}`}><strong>{s.title}</strong></label>}
                  {err && <p class="error-message">{err}</p>}
                  <textarea id={`f-s.${s.key}`} name={`s.${s.key}`} rows={Math.min(24, Math.max(4, (v[`s.${s.key}`] ?? '').split('\n').length * 2))}>{v[`s.${s.key}`] ?? ''}</textarea>
                </div>
              </>
            );
          })}
          <h2>{t('reports.provincial.issueHeading')}</h2>
          <Field name="number" label={t('reports.provincial.number')} hint={t('reports.provincial.numberHint', { symbol: PROVINCIAL_SYMBOL })} values={v} errors={errors} width="short" />
          <Field name="signedOn" label={t('reports.provincial.signedOn')} hint="dd/mm/yyyy" values={v} errors={errors} width="short" />
          <Field name="signerName" label={t('reports.provincial.signer')} values={v} errors={errors} />
          <p>
            <button type="submit" class="secondary">{t('reports.provincial.save')}</button>{' '}
            <button type="submit" formaction={`${base}/issue`}>{t('reports.provincial.issue')}</button>
          </p>
          <p class="hint">{t('reports.provincial.issueHint')}</p>
        </form>
      ) : (
        <article>
          {k.intro.split(/\n+/).filter(Boolean).map((x) => <p>{x}</p>)}
          {k.sections.map((x) => outlineIn(x, t)).map((s) => {
            const head = s.part !== part ? (part = s.part) : null;
            const same = s.title === s.part.replace(/^[IVX]+\.\s*/, '');
            return (
              <section>
                {head && <h2>{head}</h2>}
                {!same && <h3>{s.title}</h3>}
                {s.text.trim() ? s.text.split(/\n+/).filter(Boolean).map((x) => <p>{x}</p>) : <p class="muted">{t('reports.empty')}</p>}
              </section>
            );
          })}
          {k.status === 'issued' && <p><strong>{t('reports.provincial.signer')}:</strong> {k.signerName}</p>}
        </article>
      )}
    </>
  );
}
