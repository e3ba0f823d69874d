import type { Child } from 'hono/jsx';
import { formatDateTime } from '../i18n/index.ts';
import { LOCK_FIELD } from '../http/concurrency.ts';
import { useT } from './components.tsx';

/** The hidden field carrying the version the form was loaded at (optimistic concurrency). */
export function VersionField({ value }: { value: number }) {
  return <input type="hidden" name={LOCK_FIELD} value={String(value)} />;
}

/** What a 409 page shows above the form: the values another person saved (the form below keeps the user's own input). */
export interface Conflict { rows: [string, Child][]; by: { name: string; at: string } | null }

/**
 * The conflict panel of a 409 page (GOV.UK pattern, like a 400): who saved in between, the values as
 * they now are, and that the user's input is kept below; saving again overwrites deliberately.
 */
export function ConflictPanel({ conflict }: { conflict?: Conflict }) {
  const t = useT();
  if (!conflict) return null;
  return (
    <div class="notice conflict" id={`f-${LOCK_FIELD}`} role="region" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('concurrency.currentTitle')}</h2>
      <p>{conflict.by ? t('concurrency.savedBy', { name: conflict.by.name, at: formatDateTime(conflict.by.at) }) : t('concurrency.savedBySomeone')}</p>
      {conflict.rows.length > 0 && <dl class="summary">{conflict.rows.map(([k, v]) => <><dt>{k}</dt><dd>{v === '' || v === null ? '—' : v}</dd></>)}</dl>}
      <p>{t('concurrency.keptBelow')}</p>
    </div>
  );
}
