import type { VerifyResult } from '../../../platform/audit/index.ts';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDateTime } from '../../../platform/i18n/index.ts';
import { ErrorSummary, Notice, useT } from '../../../platform/views/components.tsx';
import type { AuditItem } from '../audit.repository.ts';

const FILTERS = [
  ['action', 'audit.filter.action', 'audit.filter.actionHint'],
  ['actor', 'audit.filter.actor', 'audit.filter.actorHint'],
  ['subjectType', 'audit.filter.subjectType', undefined],
  ['subjectId', 'audit.filter.subjectId', undefined],
  ['from', 'audit.filter.from', 'audit.filter.dateHint'],
  ['to', 'audit.filter.to', 'audit.filter.dateHint'],
] as const;

/** The filter form (GET): every field keeps its value; bad dates are marked. */
export function AuditFilters({ values, errors }: { values: Record<string, string>; errors?: FieldErrors }) {
  const t = useT();
  return (
    <form method="get" action="/audit" class="filters" role="search">
      <ErrorSummary errors={errors} />
      {FILTERS.map(([name, label, hint]) => (
        <div class={`field${errors?.[name] ? ' field-error' : ''}`}>
          <label for={`f-${name}`}>{t(label)}</label>
          {hint && <div class="hint" id={`h-${name}`}>{t(hint)}</div>}
          {errors?.[name] && <p class="error-message" id={`e-${name}`}>{errors[name]}</p>}
          <input id={`f-${name}`} name={name} type="text" value={values[name] ?? ''} class={name === 'from' || name === 'to' ? 'input-short' : undefined}
            inputmode={name === 'from' || name === 'to' ? 'numeric' : undefined} aria-describedby={hint ? `h-${name}` : undefined} aria-invalid={errors?.[name] ? 'true' : undefined} />
        </div>
      ))}
      <button type="submit">{t('audit.filter.submit')}</button>
      <a href="/audit">{t('audit.filter.clear')}</a>
    </form>
  );
}

/** The result of walking the hash chain, shown only when asked for. */
export function VerifyBanner({ result }: { result: VerifyResult }) {
  const t = useT();
  if (result.ok) return <Notice><strong>OK</strong> · {t('audit.verify.ok', { count: result.count })}</Notice>;
  return (
    <div class="error-summary" role="alert">
      <h2>{t('audit.verify.broken', { n: result.brokenAt })}</h2>
      <p>{t('audit.verify.brokenHint')}</p>
      <p class="muted">{result.reason}</p>
    </div>
  );
}

/** Pages where a subject can be seen; other subjects are shown as their id. */
const SUBJECT_PAGES: Record<string, string> = { user: '/admin/users/', unit: '/units/' };

function SubjectId({ type, id }: { type: string; id: string }) {
  const base = SUBJECT_PAGES[type];
  return base ? <a href={`${base}${encodeURIComponent(id)}`}><code>{id}</code></a> : <code>{id}</code>;
}

/** Events as a list (one block per event reads well at 360 px); the changes fold in a <details>. */
export function EventList({ items, units }: { items: AuditItem[]; units: Map<string, { fullName: string }> }) {
  const t = useT();
  if (items.length === 0) return <p class="muted">{t('audit.none')}</p>;
  return (
    <ol class="lineage" aria-label={t('audit.results')}>
      {items.map((e) => (
        <li id={`e${e.seq}`}>
          <strong>#{e.seq} · <code>{e.action}</code></strong> <span class="muted">{formatDateTime(e.at)}</span>
          <div>
            {t('audit.col.actor')}: <strong>{e.actorName ?? t('audit.system')}</strong>
            {' · '}{t('audit.col.subject')}: {e.subjectType}{e.subjectId && <> <SubjectId type={e.subjectType} id={e.subjectId} /></>}
            {e.unitId && <> · {t('audit.col.unit')}: <a href={`/units/${e.unitId}`}>{units.get(e.unitId)?.fullName ?? e.unitId}</a></>}
          </div>
          <div class="muted">
            {t('audit.col.ip')}: {e.ip ?? '—'} · {t('audit.col.requestId')}: {e.requestId ?? '—'} · {t('audit.col.visibility')}: {e.visibility}
          </div>
          {e.changes !== null && (
            <details>
              <summary>{t('audit.col.changes')}</summary>
              <div class="table-wrap"><pre>{JSON.stringify(e.changes, null, 2)}</pre></div>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
