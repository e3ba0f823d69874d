/**
 * Crash durability (issue 17 item 3), shared by test/durability/crash.heavy.test.ts (short form) and
 * bench/crash.bench.ts (longer): a real server process under concurrent public petition submissions
 * and staff task comments is killed with SIGKILL mid-load and started again on the same database;
 * every request that got a 2xx must then be there, complete with its audit event, and no record may
 * be half-written. The same after SIGKILL during background exports and during a bulk task import.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openDb, type Db, type DbHandle } from '../../src/platform/db/index.ts';
import { verifyChain } from '../../src/platform/audit/index.ts';
import { apiToken, startProc, WebClient, type ServerProc, type Store } from '../helpers/proc.ts';
import { EXPORT_STALE_MS } from '../../src/features/reports/reports.exports.ts';

/** The server environment for load: a generous intake limit (the test measures durability, not throttling). */
export const LOAD_ENV = { PETITIONS_INTAKE_LIMIT: '1000000/60', PETITIONS_TRACK_LIMIT: '1000000/60' };

/** Opens the store's database directly (after the server died: SQLite recovers its WAL here). */
export function openStore(store: Store): DbHandle {
  return openDb({ databaseUrl: store.databaseUrl, dataDir: store.dataDir });
}

export interface LoadFigures { attempted: number; acknowledged: number; found: number; lost: number; committedUnacknowledged: number; halfWritten: number; trackedAfterRestart: number }
interface Acked { petitions: { code: string; key: string; title: string }[]; comments: { taskId: string; note: string }[] }

/** Task ids the user may comment on (first page of the API list). */
async function tasksOf(base: string, token: string): Promise<string[]> {
  const r = await fetch(`${base}/api/v1/tasks?limit=50`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await r.json()) as { items: { id: string }[] };
  if (!body.items?.length) throw new Error(`no tasks visible: ${r.status}`);
  return body.items.map((t) => t.id);
}

/**
 * Runs `workers` concurrent clients (half citizens submitting petitions, half staff commenting on
 * tasks) and kills the server with SIGKILL after `killAfterMs`; returns what was acknowledged.
 */
async function loadAndKill(proc: ServerProc, tag: string, opts: { workers: number; killAfterMs: number }): Promise<{ acked: Acked; attempted: number }> {
  let token: string;
  let tasks: string[];
  try {
    token = await apiToken(proc.url, 'demo.admin');
    tasks = await tasksOf(proc.url, token);
  } catch (e) {
    await proc.kill9();
    throw e;
  }
  const acked: Acked = { petitions: [], comments: [] };
  let attempted = 0;
  let dead = false;
  const worker = async (w: number) => {
    for (let i = 0; !dead; i++) {
      attempted++;
      try {
        if (w % 2 === 0) {
          const title = `${tag} đơn ${w}-${i}`;
          const r = await fetch(`${proc.url}/api/v1/public/petitions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ senderName: `Người gửi ${w}-${i}`, senderAddress: 'Tổ 3, Phường Pleiku', title, content: `Kiến nghị ${tag} số ${w}-${i}: sửa đèn đường ở ngõ ${i}.` }) });
          if (r.status === 201) { const b = (await r.json()) as { trackingCode: string; accessKey: string }; acked.petitions.push({ code: b.trackingCode, key: b.accessKey, title }); } else await r.arrayBuffer();
        } else {
          const note = `${tag} ý kiến ${w}-${i}`;
          const taskId = tasks[(w * 7 + i) % tasks.length];
          const r = await fetch(`${proc.url}/api/v1/tasks/${taskId}/comments`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ note }) });
          if (r.status === 201) { await r.arrayBuffer(); acked.comments.push({ taskId, note }); } else await r.arrayBuffer();
        }
      } catch {
        if (dead) return; // the connection died with the server: not acknowledged
        throw new Error('a request failed while the server was up');
      }
    }
  };
  const running = Array.from({ length: opts.workers }, (_, w) => worker(w));
  await new Promise((r) => setTimeout(r, opts.killAfterMs));
  dead = true;
  await proc.kill9();
  await Promise.all(running);
  return { acked, attempted };
}

/** Half-written records of the run: petitions without their audit event or history, comments without their audit event. */
async function halfWritten(db: Db, tag: string): Promise<number> {
  const pets = await db.selectFrom('petitions').select(['id']).where('title', 'like', `${tag}%`)
    .where((e) => e.or([
      e.not(e.exists(e.selectFrom('audit_events').select('audit_events.id').whereRef('audit_events.subject_id', '=', 'petitions.id').where('audit_events.action', '=', 'petitions.create'))),
      e.not(e.exists(e.selectFrom('petition_events').select('petition_events.id').whereRef('petition_events.petition_id', '=', 'petitions.id').where('petition_events.event', '=', 'received'))),
    ])).execute();
  const notes = await db.selectFrom('task_updates').select(['task_id', 'note']).where('note', 'like', `${tag}%`).execute();
  const audited = new Set((await db.selectFrom('audit_events').select('changes').where('action', '=', 'tasks.comment').where('changes', 'like', `%${tag}%`).execute()).map((r) => (JSON.parse(r.changes!) as { note: string }).note));
  return pets.length + notes.filter((n) => !audited.has(n.note)).length;
}

/** Load, SIGKILL, restart; counts what was acknowledged and what is found afterwards. */
export async function crashUnderLoad(store: Store, opts: { workers?: number; killAfterMs?: number } = {}): Promise<LoadFigures & { chainOk: boolean; integrity: string }> {
  const tag = `Tải-${randomBytes(3).toString('hex')}`;
  const proc = await startProc(store, { env: LOAD_ENV });
  const { acked, attempted } = await loadAndKill(proc, tag, { workers: opts.workers ?? 8, killAfterMs: opts.killAfterMs ?? 1500 });
  const again = await startProc(store, { env: LOAD_ENV });
  const h = openStore(store);
  try {
    const { db } = h;
    const codes = acked.petitions.map((p) => p.code);
    const foundPets = codes.length ? await db.selectFrom('petitions').select(['tracking_code', 'title']).where('tracking_code', 'in', codes).execute() : [];
    const petOk = foundPets.filter((f) => acked.petitions.some((p) => p.code === f.tracking_code && p.title === f.title)).length;
    const rows = await db.selectFrom('task_updates').select(['task_id', 'note']).where('note', 'like', `${tag}%`).execute();
    const have = new Set(rows.map((r) => `${r.task_id}|${r.note}`));
    const comOk = acked.comments.filter((c) => have.has(`${c.taskId}|${c.note}`)).length;
    const allPets = Number((await db.selectFrom('petitions').select((e) => e.fn.countAll().as('n')).where('title', 'like', `${tag}%`).executeTakeFirstOrThrow()).n);
    const acknowledged = acked.petitions.length + acked.comments.length;
    const found = petOk + comOk;
    let tracked = 0;
    for (const p of acked.petitions.slice(0, 5)) if ((await fetch(`${again.url}/api/v1/public/petitions/${p.code}?key=${encodeURIComponent(p.key)}`)).status === 200) tracked++;
    return {
      attempted, acknowledged, found, lost: acknowledged - found, committedUnacknowledged: allPets + rows.length - found,
      halfWritten: await halfWritten(db, tag), trackedAfterRestart: tracked, chainOk: (await verifyChain(db)).ok, integrity: await integrity(h),
    };
  } finally {
    await h.close();
    await again.stop();
  }
}

/** `PRAGMA integrity_check` on SQLite ("ok"), or "n/a" on PostgreSQL (the server process, not the database, was killed). */
async function integrity(h: DbHandle): Promise<string> {
  if (h.dialect !== 'sqlite') return 'n/a';
  const r = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(h.db);
  return r.rows.map((x) => x.integrity_check).join(',');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Queues `n` DOCX exports, SIGKILLs the server as soon as one is being built, restarts it later
 * than the staleness window and waits for every export to be built and downloadable.
 */
export async function crashDuringExport(store: Store, n = 3): Promise<{ requested: number; killedWhileRunning: boolean; done: number; downloaded: number; audited: number; stuck: number }> {
  const proc = await startProc(store);
  const web = await new WebClient(proc.url).login('demo.coordinator');
  const h = openStore(store);
  try {
    const period = await h.db.selectFrom('report_periods').select('id').orderBy('to_date', 'desc').executeTakeFirstOrThrow();
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await web.post(`/report-periods/${period.id}/exports`, { format: 'docx' });
      if (r.status !== 303) throw new Error(`export request: ${r.status}`);
      ids.push(r.headers.get('location')!.split('/').pop()!);
    }
    let running = false;
    for (let i = 0; i < 400 && !running; i++) {
      running = !!(await h.db.selectFrom('report_exports').select('id').where('id', 'in', ids).where('status', '=', 'running').executeTakeFirst());
      if (!running) await sleep(25);
    }
    await proc.kill9();
    const again = await startProc(store, { shiftMs: EXPORT_STALE_MS + 60_000 });
    try {
      const web2 = await new WebClient(again.url).login('demo.coordinator');
      let done = 0;
      for (let i = 0; i < 120 && done < n; i++) {
        done = Number((await h.db.selectFrom('report_exports').select((e) => e.fn.countAll().as('n')).where('id', 'in', ids).where('status', '=', 'done').executeTakeFirstOrThrow()).n);
        if (done < n) await sleep(250);
      }
      let downloaded = 0;
      for (const id of ids) {
        const r = await web2.fetch(`/report-periods/${period.id}/exports/${id}/file`);
        const buf = Buffer.from(await r.arrayBuffer());
        if (r.status === 200 && buf.subarray(0, 2).toString() === 'PK') downloaded++;
      }
      const audited = Number((await h.db.selectFrom('audit_events').select((e) => e.fn.countAll().as('n')).where('action', '=', 'reports.export.request').where('subject_id', 'in', ids).executeTakeFirstOrThrow()).n);
      const stuck = Number((await h.db.selectFrom('report_exports').select((e) => e.fn.countAll().as('n')).where('id', 'in', ids).where('status', '=', 'running').executeTakeFirstOrThrow()).n);
      return { requested: n, killedWhileRunning: running, done, downloaded, audited, stuck };
    } finally {
      await again.stop();
    }
  } finally {
    await h.close();
  }
}

/**
 * Sends a bulk progress import (every task the admin's first list page shows, one note) and
 * SIGKILLs the server `killAfterMs` later; after a restart the import is all there or not at all.
 */
export async function crashDuringImport(store: Store, killAfterMs: number): Promise<{ rows: number; acknowledged: boolean; applied: number; importAudited: boolean; allOrNothing: boolean }> {
  const proc = await startProc(store);
  const token = await apiToken(proc.url, 'demo.admin');
  const r0 = await fetch(`${proc.url}/api/v1/tasks?limit=200`, { headers: { authorization: `Bearer ${token}` } });
  const ids = ((await r0.json()) as { items: { id: string }[] }).items.map((t) => t.id);
  const note = `Nhập-${randomBytes(3).toString('hex')}`;
  const csv = `id,note\n${ids.map((id) => `${id},${note}`).join('\n')}\n`;
  const form = new FormData();
  form.set('file', new File([csv], `${note}.csv`, { type: 'text/csv' }));
  form.set('apply', 'true');
  const pending = fetch(`${proc.url}/api/v1/tasks/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } }).then((r) => r.status).catch(() => 0);
  await sleep(killAfterMs);
  await proc.kill9();
  const status = await pending;
  const h = openStore(store);
  try {
    const applied = Number((await h.db.selectFrom('task_updates').select((e) => e.fn.countAll().as('n')).where('note', '=', note).executeTakeFirstOrThrow()).n);
    const audits = await h.db.selectFrom('audit_events').select('changes').where('action', '=', 'tasks.update').where('changes', 'like', `%${note}%`).execute();
    const importAudited = !!(await h.db.selectFrom('audit_events').select('id').where('action', '=', 'tasks.import').where('changes', 'like', `%${note}.csv%`).executeTakeFirst());
    const allOrNothing = (applied === 0 && audits.length === 0 && !importAudited) || (applied === ids.length && audits.length === ids.length && importAudited);
    return { rows: ids.length, acknowledged: status === 200, applied, importAudited, allOrNothing };
  } finally {
    await h.close();
  }
}
