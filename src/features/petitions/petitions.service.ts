import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { PostgresAdapter, sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { sealer } from '../../platform/crypto/index.ts';
import { storeUpload, UPLOAD_ERROR_KEYS } from '../../platform/files/index.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { notifyUsers, usersWithRole } from '../../platform/notify/index.ts';
import { foldVietnamese } from '../../domain/text/normalize.ts';
import { jaccard, NEAR_DUPLICATE, shingles, trackingCode } from '../../domain/petitions/index.ts';
import { getByCode, duplicateCandidates } from './petitions.repository.ts';
import { historyEntry, clock, legalTime, today, type LegalTime } from './petitions.clock.ts';
import type { PublicPetitionInput, StaffPetitionInput } from './petitions.schema.ts';
import { nowMs } from '../../platform/clock.ts';

/** Public submissions allowed per IP and window; `PETITIONS_INTAKE_LIMIT="count/seconds"` overrides (benchmarks). */
export function intakeLimit(env: NodeJS.ProcessEnv = process.env): { count: number; seconds: number } {
  const m = /^(\d+)\/(\d+)$/.exec(env.PETITIONS_INTAKE_LIMIT ?? '');
  return m ? { count: Number(m[1]), seconds: Number(m[2]) } : { count: 10, seconds: 600 };
}

/** Throws 429 when the IP has used its submissions in the window; otherwise counts this one. */
export async function throttleIntake(db: Db | Trx, ip: string): Promise<void> {
  const { count, seconds } = intakeLimit();
  // Several app processes on one PostgreSQL: one submission per IP at a time counts and inserts.
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(hashtext(${`intake:${ip}`}))`.execute(db);
  const since = new Date(nowMs() - seconds * 1000).toISOString();
  // Counts at most `count` rows (the index on ip, at): cheap however many the window holds.
  const n = await db.selectFrom((q) => q.selectFrom('petition_intake_attempts').select('id').where('ip', '=', ip).where('at', '>=', since).limit(count).as('w')).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
  if (Number(n?.n ?? 0) >= count) throw new HttpError(429, 'too_many_submissions', 'petitions.error.tooMany');
  await db.insertInto('petition_intake_attempts').values({ id: randomUUID(), ip, at: nowIso() }).execute();
}

/** Failed tracking lookups allowed per IP and window (wrong key or unknown code); `PETITIONS_TRACK_LIMIT="count/seconds"` overrides. */
export function trackLimit(env: NodeJS.ProcessEnv = process.env): { count: number; seconds: number } {
  const m = /^(\d+)\/(\d+)$/.exec(env.PETITIONS_TRACK_LIMIT ?? '');
  return m ? { count: Number(m[1]), seconds: Number(m[2]) } : { count: 20, seconds: 600 };
}
/**
 * Counts a tracking lookup of the IP as failed before it is checked (so concurrent guesses, on any
 * number of app processes, cannot all slip under the limit) and throws 429 when the IP has used up
 * its failed lookups; returns the attempt's id, which `lookupSucceeded` withdraws for a correct lookup.
 */
export async function checkTrackThrottle(db: Db, ip: string): Promise<string> {
  const { count, seconds } = trackLimit();
  const since = new Date(nowMs() - seconds * 1000).toISOString();
  const id = randomUUID();
  await db.insertInto('petition_intake_attempts').values({ id, ip: `track:${ip}`, at: nowIso() }).execute();
  const n = await db.selectFrom('petition_intake_attempts').select((e) => e.fn.countAll<number>().as('n')).where('ip', '=', `track:${ip}`).where('at', '>=', since).executeTakeFirst();
  if (Number(n?.n ?? 0) > count) {
    await lookupSucceeded(db, id);
    throw new HttpError(429, 'too_many_lookups', 'petitions.error.tooManyLookups');
  }
  return id;
}
/** Withdraws the provisional failure of a lookup that found its petition (correct lookups are not limited). */
export async function lookupSucceeded(db: Db, attemptId: string): Promise<void> {
  await db.deleteFrom('petition_intake_attempts').where('id', '=', attemptId).execute();
}

export interface Sender { name: string | null; idNumber: string | null; phone: string | null; email: string | null; address: string | null }
const senderOf = (i: PublicPetitionInput): Sender => ({ name: i.senderName, idNumber: i.senderIdNumber, phone: i.senderPhone, email: i.senderEmail, address: i.senderAddress });
/** A keyed fingerprint of the sender for duplicate detection (never the identity itself). */
export function senderHash(s: Sender): string | null {
  const basis = s.idNumber ?? (s.name && s.address ? `${foldVietnamese(s.name)}|${foldVietnamese(s.address)}` : null);
  return basis ? createHash('sha256').update(sealer().current.key).update(`sender:${basis}`).digest('hex') : null;
}
export const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');
export function keyMatches(key: string, hash: string): boolean {
  const a = Buffer.from(keyHash(key), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Appends a history entry (public ones are shown to the citizen). */
export async function addEvent(trx: Trx, petitionId: string, e: { event: string; public: boolean; actorId: string | null; unitId: string | null; note?: string | null }) {
  const last = await trx.selectFrom('petition_events').select((x) => x.fn.max('seq').as('m')).where('petition_id', '=', petitionId).executeTakeFirst();
  await trx.insertInto('petition_events').values({ id: randomUUID(), petition_id: petitionId, seq: Number(last?.m ?? 0) + 1, at: nowIso(), actor_id: e.actorId, unit_id: e.unitId, event: e.event, public: e.public ? 1 : 0, note: e.note ?? null }).execute();
}

/** Word pairs of stored petitions (their content never changes), so each intake folds only its own text. */
const shingleCache = new Map<string, Set<string>>();
function shinglesOf(id: string, content: string): Set<string> {
  let s = shingleCache.get(id);
  if (!s) {
    s = shingles(content);
    if (shingleCache.size >= 20_000) shingleCache.delete(shingleCache.keys().next().value!);
    shingleCache.set(id, s);
  }
  return s;
}

export interface Created { id: string; trackingCode: string; accessKey: string; receivedAt: string }

/**
 * Records a petition from any channel: identity sealed at rest, a tracking code and access key
 * (only its hash kept), the 10-working-day processing clock, duplicate linking, a notice to the
 * handling unit (no identity in it) and the audit event (no identity in `changes`).
 */
export async function createPetition(db: Db, actor: Actor, input: PublicPetitionInput & { channel: string; sourceBody?: string | null; handlingUnitId: string; receivedOn?: string; uploads?: File[]; dataDir?: string; trx?: Trx; lt?: LegalTime }): Promise<Created> {
  const lt = input.lt ?? await legalTime(db);
  const receivedOn = input.receivedOn ?? today();
  const sender = senderOf(input);
  const hash = senderHash(sender);
  const sealed = input.anonymous || input.kindHint === 'denunciation';
  const accessKey = randomBytes(9).toString('base64url');
  const receivedAt = nowIso();
  const id = randomUUID();
  const clocks = { process: clock(lt, 'petition.process', receivedOn) };
  // Duplicate detection is a heuristic: read before the write transaction so the lock is held briefly.
  const mine = shingles(input.content);
  const dup = (await duplicateCandidates(input.trx ?? db, hash, input.handlingUnitId)).find((c) => jaccard(shinglesOf(c.id, c.content), mine) >= NEAR_DUPLICATE);
  const staff = await usersWithRole(input.trx ?? db, input.handlingUnitId, ['reception-officer', 'unit-officer', 'unit-head']);
  const run = async (trx: Trx) => {
    let code = trackingCode(randomBytes(8));
    while (await getByCode(trx, code)) code = trackingCode(randomBytes(8));
    const hasIdentity = Object.values(sender).some(Boolean);
    const files: string[] = [];
    for (const file of input.uploads ?? []) {
      const f = await storeUpload(trx, { dataDir: input.dataDir ?? '.', userId: actor.userId, file });
      if (!f.ok) throw new HttpError(400, 'validation_failed', 'error.validation', { scans: UPLOAD_ERROR_KEYS[f.error] });
      files.push(f.value.id);
    }
    await trx.insertInto('petitions').values({
      id, tracking_code: code, access_key_hash: keyHash(accessKey), channel: input.channel, status: 'received', kind: null, kind_hint: input.kindHint, field: null, areas: '[]',
      title: input.title, content: input.content, search_text: ` ${foldVietnamese(`${code} ${input.title} ${input.content}`)} `,
      anonymous: input.anonymous ? 1 : 0, sealed: sealed ? 1 : 0, sender_sealed: hasIdentity ? sealer().seal(JSON.stringify(sender)) : null, sender_hash: hash,
      source_body: input.sourceBody ?? null, addressed_unit_id: input.addressedUnitId, handling_unit_id: input.handlingUnitId, accused_unit_id: null, assigned_user_id: null,
      competence: null, eligibility: null, remote: 0, complex: 0, instance: 'first', received_on: receivedOn, received_at: receivedAt, accepted_on: null,
      due_on: clocks.process.due, deadlines: JSON.stringify(clocks), extensions: 0, complexity_criteria: '[]', outcome: null, document_number: null, answer: null, resolved_on: null,
      duplicate_of: dup?.id ?? null, files: JSON.stringify(files), created_by: actor.userId, updated_at: receivedAt,
      clock_history: JSON.stringify([historyEntry(receivedOn, 'start', 'process', clocks.process)]), last_step_on: receivedOn, suspended_on: null, suspended_days: 0, awaiting_receipt: 0,
      time_bar: null, decision_unit_id: null, resolver: null, notices: '{}',
    }).execute();
    await addEvent(trx, id, { event: 'received', public: true, actorId: actor.userId, unitId: input.handlingUnitId, note: input.channel });
    if (dup) await addEvent(trx, id, { event: 'duplicate-linked', public: false, actorId: null, unitId: input.handlingUnitId, note: dup.tracking_code });
    await notifyUsers(trx, staff, { title: `Đơn mới ${code}`, body: `Đơn "${input.title.slice(0, 120)}" đã được tiếp nhận (${input.channel}).`, link: `/petitions/${id}` });
    await record(trx, actor, { action: 'petitions.create', subjectType: 'petition', subjectId: id, unitId: input.handlingUnitId, changes: { trackingCode: code, channel: input.channel, title: input.title, sealed, anonymous: input.anonymous, duplicateOf: dup?.id ?? null } });
    return { id, trackingCode: code, accessKey, receivedAt };
  };
  return input.trx ? run(input.trx) : inTransaction(db, run);
}

/** The unit a public petition goes to: the unit named, else the province committee. */
export async function intakeUnit(db: Db | Trx, addressedUnitId: string | null, provinceCode: string): Promise<string | null> {
  if (addressedUnitId) {
    const u = await db.selectFrom('units').select('id').where('id', '=', addressedUnitId).where('valid_to', 'is', null).executeTakeFirst();
    return u?.id ?? null;
  }
  const p = await db.selectFrom('units').select('id').where('key', '=', `province:${provinceCode}:2025-07-01`).executeTakeFirst()
    ?? await db.selectFrom('units').select('id').where('kind', '=', 'province-committee').where('valid_to', 'is', null).executeTakeFirst();
  if (!p) throw new HttpError(500, 'no_province', 'error.internal');
  return p.id;
}

export type StaffInput = StaffPetitionInput;

/**
 * A public submission (online form or API) in one transaction: the unit, the per-IP limit and the
 * case. One transaction per submission keeps the intake fair under load (each request queues once).
 * Returns null when the unit named does not exist.
 */
export async function submitPublic(db: Db, actor: Actor, ip: string, provinceCode: string, input: PublicPetitionInput): Promise<Created | null> {
  const lt = await legalTime(db);
  return inTransaction(db, async (trx) => {
    const unitId = await intakeUnit(trx, input.addressedUnitId, provinceCode);
    if (!unitId) return null;
    await throttleIntake(trx, ip);
    return createPetition(db, actor, { ...input, channel: 'online', handlingUnitId: unitId, trx, lt });
  });
}
