import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.ts';

export interface AuditFilter {
  /** Start of the action code ("grants." finds grants.create and grants.revoke). */
  action?: string;
  /** The actor's username as recorded (or "system", "cli:…"). */
  actor?: string;
  subjectType?: string;
  subjectId?: string;
  /** Local calendar dates (Asia/Ho_Chi_Minh), inclusive. */
  from?: string;
  to?: string;
}

export interface AuditItem {
  seq: number; id: string; at: string; actorId: string | null; actorName: string | null; unitId: string | null;
  action: string; subjectType: string; subjectId: string | null; changes: unknown; ip: string | null; requestId: string | null; visibility: string;
}

/** The UTC instant a Vietnamese calendar day starts (Vietnam keeps UTC+7 all year, no daylight saving). */
export function localDayStart(date: string, addDays = 0): string {
  const d = new Date(`${date}T00:00:00+07:00`);
  d.setUTCDate(d.getUTCDate() + addDays);
  return d.toISOString();
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

function parseChanges(s: string | null): unknown {
  if (s === null) return null;
  try { return JSON.parse(s); } catch { return s; }
}

/** Events matching the filter, newest first. */
export async function findEvents(db: Db, f: AuditFilter, page: { limit: number; offset?: number }): Promise<AuditItem[]> {
  let q = db.selectFrom('audit_events').selectAll();
  if (f.action) q = q.where(sql<boolean>`action like ${`${escapeLike(f.action)}%`} escape '\\'`);
  if (f.actor) q = q.where('actor_name', '=', f.actor);
  if (f.subjectType) q = q.where('subject_type', '=', f.subjectType);
  if (f.subjectId) q = q.where('subject_id', '=', f.subjectId);
  if (f.from) q = q.where('at', '>=', localDayStart(f.from));
  if (f.to) q = q.where('at', '<', localDayStart(f.to, 1));
  const rows = await q.orderBy('seq', 'desc').limit(page.limit).offset(page.offset ?? 0).execute();
  return rows.map((r) => ({
    seq: Number(r.seq), id: r.id, at: r.at, actorId: r.actor_id, actorName: r.actor_name, unitId: r.unit_id, action: r.action,
    subjectType: r.subject_type, subjectId: r.subject_id, changes: parseChanges(r.changes), ip: r.ip, requestId: r.request_id, visibility: r.visibility,
  }));
}
