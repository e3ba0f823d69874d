import type { Child, PropsWithChildren } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../http/context.ts';
import type { FieldErrors } from '../http/validate.ts';
import { csrfToken } from '../http/session.ts';

/** The translator of the current request, for components. */
export function useT() {
  return useRequestContext<AppEnv>().get('t');
}

/** The language of the current request, for components. */
export function useLang() {
  return useRequestContext<AppEnv>().get('lang');
}

/** Hidden CSRF field: put inside every form that changes state. */
export function Csrf() {
  const c = useRequestContext<AppEnv>();
  return <input type="hidden" name="_csrf" value={csrfToken(c)} />;
}

/** GOV.UK error summary: lists each problem with a link to its field. */
export function ErrorSummary({ errors }: { errors?: FieldErrors }) {
  const t = useT();
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('form.errorSummary')}</h2>
      <ul>
        {Object.entries(errors).map(([field, msg]) => (
          <li><a href={`#f-${field}`}>{msg}</a></li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  type?: string;
  autocomplete?: string;
  width?: 'short' | 'full';
  required?: boolean;
};

/** The GOV.UK frame of a form field: its label, hint and inline error around the control. */
function FieldFrame(p: PropsWithChildren<{ name: string; label: string; hint?: string; err?: string }>) {
  return (
    <div class={`field${p.err ? ' field-error' : ''}`}>
      <label for={`f-${p.name}`}>{p.label}</label>
      {p.hint && <div class="hint" id={`h-${p.name}`}>{p.hint}</div>}
      {p.err && <p class="error-message" id={`e-${p.name}`}>{p.err}</p>}
      {p.children}
    </div>
  );
}

/** The ids a control is described by: its hint and its error, when there are. */
const describedBy = (name: string, hint?: string, err?: string) => [hint && `h-${name}`, err && `e-${name}`].filter(Boolean).join(' ') || undefined;

/** A labelled input with hint and inline error, keeping the value the user typed. */
export function Field(p: FieldProps) {
  const err = p.errors?.[p.name];
  return (
    <FieldFrame name={p.name} label={p.label} hint={p.hint} err={err}>
      <input
        id={`f-${p.name}`} name={p.name} type={p.type ?? 'text'} value={p.type === 'password' ? '' : (p.values?.[p.name] ?? '')}
        autocomplete={p.autocomplete} class={p.width === 'short' ? 'input-short' : undefined}
        aria-describedby={describedBy(p.name, p.hint, err)}
        aria-invalid={err ? 'true' : undefined}
      />
    </FieldFrame>
  );
}

/** A labelled text area with hint and inline error, keeping the text the user typed. */
export function TextArea(p: Pick<FieldProps, 'name' | 'label' | 'hint' | 'errors' | 'values'>) {
  const err = p.errors?.[p.name];
  return (
    <FieldFrame name={p.name} label={p.label} hint={p.hint} err={err}>
      <textarea id={`f-${p.name}`} name={p.name} aria-invalid={err ? 'true' : undefined} aria-describedby={describedBy(p.name, p.hint, err)}>{p.values?.[p.name] ?? ''}</textarea>
    </FieldFrame>
  );
}

/** A labelled select with its options, keeping the chosen value. */
export function Select(p: Omit<FieldProps, 'type'> & { options: [string, string][] }) {
  const err = p.errors?.[p.name];
  const v = p.values?.[p.name] ?? '';
  return (
    <div class={`field${err ? ' field-error' : ''}`}>
      <label for={`f-${p.name}`}>{p.label}</label>
      {p.hint && <div class="hint">{p.hint}</div>}
      {err && <p class="error-message" id={`e-${p.name}`}>{err}</p>}
      <select id={`f-${p.name}`} name={p.name} aria-invalid={err ? 'true' : undefined}>
        {p.options.map(([val, label]) => <option value={val} selected={val === v}>{label}</option>)}
      </select>
    </div>
  );
}

/** A table with a caption and headers; rows are arrays of cells. */
export function Table({ caption, head, rows, empty }: { caption?: string; head: Child[]; rows: Child[][]; empty?: string }) {
  return (
    <div class="table-wrap">
      <table>
        {caption && <caption>{caption}</caption>}
        <thead><tr>{head.map((h) => <th scope="col">{h}</th>)}</tr></thead>
        <tbody>
          {rows.length === 0 && <tr><td colspan={head.length}>{empty ?? ''}</td></tr>}
          {rows.map((r) => <tr>{r.map((cell) => <td>{cell}</td>)}</tr>)}
        </tbody>
      </table>
    </div>
  );
}

/** Previous / next links that keep the other query parameters. */
export function Pagination({ page, hasNext, baseQuery }: { page: number; hasNext: boolean; baseQuery: Record<string, string> }) {
  const t = useT();
  const link = (p: number) => '?' + new URLSearchParams({ ...baseQuery, page: String(p) }).toString();
  return (
    <nav class="pagination" aria-label={t('nav.pagination')}>
      {page > 1 && <a href={link(page - 1)} rel="prev">← {t('nav.prev')}</a>}
      <span>{t('nav.page', { page })}</span>
      {hasNext && <a href={link(page + 1)} rel="next">{t('nav.next')} →</a>}
    </nav>
  );
}

/** A flash-style notice box (success or information). */
export function Notice({ children }: PropsWithChildren) {
  return <div class="notice" role="status">{children}</div>;
}
