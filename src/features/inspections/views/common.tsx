import { Csrf, ErrorSummary, Field, Select, useT } from '../../../platform/views/components.tsx';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate } from '../../../platform/i18n/index.ts';

export type Form = { errors?: FieldErrors; values?: Record<string, string> };

/** A labelled textarea keeping the entered text, with its inline error. */
export function Area({ name, label, hint, errors, values, rows = 4 }: { name: string; label: string; hint?: string; rows?: number } & Form) {
  const err = errors?.[name];
  return (
    <div class={`field${err ? ' field-error' : ''}`}>
      <label for={`f-${name}`}>{label}</label>
      {hint && <div class="hint">{hint}</div>}
      {err && <p class="error-message" id={`e-${name}`}>{err}</p>}
      <textarea id={`f-${name}`} name={name} rows={rows} aria-invalid={err ? 'true' : undefined}>{values?.[name] ?? ''}</textarea>
    </div>
  );
}

/** A small POST form with one submit button (and optional fields). */
export function ActionForm({ action, label, children, warning }: { action: string; label: string; warning?: boolean; children?: unknown }) {
  return <form method="post" action={action} class="inline" novalidate><Csrf />{children as never}<button type="submit" class={warning ? 'button warning' : undefined}>{label}</button></form>;
}

/** A due date with its state: done (on time or late), days left, or overdue. */
export function Due({ due, doneOn, today }: { due: string; doneOn?: string | null; today: string }) {
  const t = useT();
  if (doneOn) return <span class={`tag ${doneOn <= due ? 'green' : 'red'}`}>{t(doneOn <= due ? 'inspections.doneOnTime' : 'inspections.doneLate', { date: formatDate(doneOn), due: formatDate(due) })}</span>;
  return <span class={`tag ${today > due ? 'red' : ''}`} data-testid="due">{t(today > due ? 'inspections.overdue' : 'inspections.dueOn', { date: formatDate(due) })}</span>;
}

export { Csrf, ErrorSummary, Field, Select };

/** Text typed with line breaks, as paragraphs (inline styles are refused by the CSP). */
export function Paras({ text }: { text: string | null | undefined }) {
  return <>{(text ?? '').split(/\r?\n+/).filter((l) => l.trim()).map((l) => <p>{l}</p>)}</>;
}
