import { formatDate, formatDateTime, formatNumber } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Table, useLang, useT } from '../../../platform/views/components.tsx';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { getIndicator, indicatorText } from '../../../platform/indicators/index.ts';
import { outlineIn } from './outline.ts';
import type { Period, ReportView } from '../reports.repository.ts';
import { StatusTag } from './period.tsx';
import { autosaveJs } from './assets.ts';
import { ConflictPanel, VersionField, type Conflict } from '../../../platform/views/conflict.tsx';

export interface ReportPageProps {
  period: Period; unitName: string; unitId: string; report: ReportView; versions: { version: number; event: string; at: string; display_name: string | null }[];
  canEdit: boolean; canSubmit: boolean; canReview: boolean; values?: Record<string, string>; errors?: FieldErrors; notice?: string;
  /** The version the draft form carries; `conflict`: what another person saved meanwhile (409). */
  lockVersion: number; conflict?: Conflict;
}

const numText = (n: number | null) => (n == null ? '' : formatNumber(n));

export function ReportPage(p: ReportPageProps) {
  const t = useT();
  const lang = useLang();
  const r = p.report;
  const base = `/reports/${p.period.id}/${p.unitId}`;
  const editable = p.canEdit && ['missing', 'draft', 'returned'].includes(r.status);
  const val = (k: string, fallback: string) => p.values?.[k] ?? fallback;
  let part = '';
  return (
    <>
      <ErrorSummary errors={p.errors} />
      {p.notice && <div class="notice" role="status">{p.notice}</div>}
      <p class="caption"><a href={`/report-periods/${p.period.id}`}>{p.period.title}</a> · {t('reports.col.due')} {formatDate(p.period.due)}</p>
      <h1>{p.unitName}</h1>
      <p><StatusTag status={r.status} late={r.late} />{r.submittedAt && <> · {t('reports.col.submittedAt')} {formatDateTime(r.submittedAt)}</>}{r.version > 0 && <> · {t('reports.col.version')} {r.version}</>}</p>
      {r.reviewComment && <div class={r.status === 'returned' ? 'error-summary' : 'notice'}><strong>{t('reports.reviewComment')}:</strong> {r.reviewComment}</div>}
      {r.status !== 'missing' && <p><a href={`${base}/report.docx`}>{t('reports.download.docx')}</a></p>}
      {!editable && ['submitted', 'accepted'].includes(r.status) && p.canEdit && <p class="hint">{t('reports.readOnly')}</p>}
      <form method="post" action={base} novalidate {...(editable ? { 'data-autosave': '1', 'data-msg-saving': t('reports.autosaving'), 'data-msg-offline': t('reports.autosaveOffline') } : {})}>
        <Csrf />
        {editable && <><ConflictPanel conflict={p.conflict} /><VersionField value={p.lockVersion} /></>}
        {editable && <p class="hint">{t('reports.autosaveHint')}</p>}
        <h2>{t('reports.narrative')}</h2>
        {r.sections.map((x) => outlineIn(x, t)).map((s) => {
          const head = s.part !== part ? (part = s.part) : null;
          const same = s.title === s.part.replace(/^[IVX]+\.\s*/, '');
          const err = p.errors?.[`s.${s.key}`];
          return (
            <>
              {head && !same && <h3>{head}</h3>}
              <div class={`field${err ? ' field-error' : ''}`}>
                {same ? <h3><label for={`f-s.${s.key}`}>{s.part}</label></h3> : <label for={`f-s.${s.key}`}><strong>{s.title}</strong></label>}
                {s.comment && <p class="error-message">{t('reports.sectionComment')}: {s.comment}</p>}
                {editable ? <textarea id={`f-s.${s.key}`} name={`s.${s.key}`} rows={4}>{val(`s.${s.key}`, s.text)}</textarea> : <p>{s.text || <span class="muted">{t('reports.empty')}</span>}</p>}
              </div>
            </>
          );
        })}
        <h2>{t('reports.indicators')}</h2>
        {editable ? r.indicators.map((i) => {
          const def = getIndicator(i.code);
          const d = def && indicatorText(def, lang);
          const err = p.errors?.[`v.${i.code}`];
          const rerr = p.errors?.[`r.${i.code}`];
          return (
            <fieldset class={`field${err || rerr ? ' field-error' : ''}`}>
              <label for={`f-v.${i.code}`}><strong>{d?.label ?? i.code}</strong> ({d?.unit})</label>
              <div class="hint">{d?.definition}{i.computed != null && <> {t('reports.computedHint', { value: numText(i.computed) })}</>}</div>
              {err && <p class="error-message">{err}</p>}
              <input type="text" inputmode="decimal" class="input-short" id={`f-v.${i.code}`} name={`v.${i.code}`} value={val(`v.${i.code}`, numText(i.value))} />
              {i.computed != null && <>
                <label for={`f-r.${i.code}`}>{t('reports.override')}</label>
                {rerr && <p class="error-message">{rerr}</p>}
                <input type="text" id={`f-r.${i.code}`} name={`r.${i.code}`} value={val(`r.${i.code}`, i.overrideReason ?? '')} />
              </>}
            </fieldset>
          );
        }) : <Table head={[t('reports.col.indicator'), t('reports.col.value'), t('reports.col.computed')]}
          rows={r.indicators.map((i) => { const def = getIndicator(i.code); const d = def && indicatorText(def, lang); return [d?.label ?? i.code, <>{i.value == null ? '—' : `${numText(i.value)} ${d?.unit ?? ''}`}{i.overrideReason && <><br /><span class="hint">{t('reports.override')}: {i.overrideReason}</span></>}</>, i.computed == null ? '' : numText(i.computed)]; })} />}
        {editable && <p><button type="submit" class="secondary">{t('reports.saveDraft')}</button> <span data-autosave-status role="status" aria-live="polite" hidden></span></p>}
      </form>
      {editable && <script src={autosaveJs.href} defer></script>}
      {p.canSubmit && ['draft', 'returned'].includes(r.status) && (
        <form method="post" action={`${base}/submit`}>
          <Csrf />
          <p class="hint">{t('reports.submitHint')}</p>
          <button type="submit">{t('reports.submit')}</button>
        </form>
      )}
      {p.canReview && r.status === 'submitted' && (
        <section>
          <h2>{t('reports.review')}</h2>
          <form method="post" action={`${base}/accept`} class="inline"><Csrf /><button type="submit">{t('reports.accept')}</button></form>
          <form method="post" action={`${base}/return`} novalidate>
            <Csrf />
            <div class={`field${p.errors?.comment ? ' field-error' : ''}`}>
              <label for="f-comment">{t('reports.comment')}</label>
              {p.errors?.comment && <p class="error-message">{p.errors.comment}</p>}
              <textarea id="f-comment" name="comment">{p.values?.comment ?? ''}</textarea>
            </div>
            <details>
              <summary>{t('reports.sectionComment')}</summary>
              {r.sections.map((x) => outlineIn(x, t)).map((s) => <div class="field"><label for={`f-c.${s.key}`}>{s.title}</label><input type="text" id={`f-c.${s.key}`} name={`c.${s.key}`} value={p.values?.[`c.${s.key}`] ?? ''} /></div>)}
            </details>
            <button type="submit" class="warning">{t('reports.return')}</button>
          </form>
        </section>
      )}
      {p.versions.length > 0 && <Table caption={t('reports.versions')} head={[t('reports.col.version'), t('reports.col.event'), t('reports.col.at'), t('reports.col.by')]}
        rows={p.versions.map((v) => [String(v.version), t(`reports.event.${v.event}`), formatDateTime(v.at), v.display_name ?? ''])} />}
    </>
  );
}
