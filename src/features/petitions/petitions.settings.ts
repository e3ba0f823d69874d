import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import type { T } from '../../platform/i18n/index.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import { fillTemplate, TEMPLATE_STATUSES, type TemplateStatus } from '../../domain/petitions/index.ts';
import type { PetitionRow } from './petitions.repository.ts';
import type { Clocks } from './petitions.clock.ts';
import './petitions.tables.ts';

export const templateInput = z.object({ unitId: z.string().trim().min(1).max(64), status: z.enum(TEMPLATE_STATUSES), body: z.string().trim().min(1).max(5000) });
export const remoteUnitInput = z.object({ unitId: z.string().trim().min(1).max(64), note: z.string().trim().max(300).optional().transform((s) => (s ? s : null)) });

/** The unit's templates by state: its own text, else the default (from the message bundle). */
export async function templatesOf(db: Db | Trx, unitId: string, t: T): Promise<Record<TemplateStatus, { body: string; custom: boolean; updatedAt: string | null }>> {
  const rows = await db.selectFrom('petition_templates').selectAll().where('unit_id', '=', unitId).execute();
  return Object.fromEntries(TEMPLATE_STATUSES.map((s) => {
    const r = rows.find((x) => x.status === s);
    return [s, r ? { body: r.body, custom: true, updatedAt: r.updated_at } : { body: t(`petitions.template.${s}`), custom: false, updatedAt: null }];
  })) as Record<TemplateStatus, { body: string; custom: boolean; updatedAt: string | null }>;
}

/** Saves (creates or replaces) a unit's template for a state, audited. */
export async function saveTemplate(db: Db, actor: Actor, i: z.infer<typeof templateInput>): Promise<void> {
  await inTransaction(db, async (trx) => {
    const old = await trx.selectFrom('petition_templates').select(['id', 'body']).where('unit_id', '=', i.unitId).where('status', '=', i.status).executeTakeFirst();
    const id = old?.id ?? randomUUID();
    if (old) await trx.updateTable('petition_templates').set({ body: i.body, updated_by: actor.userId, updated_at: nowIso() }).where('id', '=', id).execute();
    else await trx.insertInto('petition_templates').values({ id, unit_id: i.unitId, status: i.status, body: i.body, updated_by: actor.userId, updated_at: nowIso() }).execute();
    await record(trx, actor, { action: 'petitions.template', subjectType: 'petition_template', subjectId: id, unitId: i.unitId, changes: { status: i.status, before: old?.body ?? null, after: i.body } });
  });
}

/** The template of the case's current state, filled with its values (the text the handler sends). */
export async function filledTemplate(db: Db | Trx, p: PetitionRow, status: TemplateStatus, t: T, unitName: string): Promise<string> {
  const tpl = (await templatesOf(db, p.handling_unit_id, t))[status];
  const clocks = JSON.parse(p.deadlines) as Clocks;
  const main = clocks.resolve ?? clocks.accept ?? clocks.triage ?? clocks.process;
  return fillTemplate(tpl.body, {
    code: p.tracking_code, unit: unitName, kind: p.kind ? t(`petitions.kind.${p.kind}`) : null, receivedOn: formatDate(p.received_on), acceptedOn: formatDate(p.accepted_on),
    due: formatDate(p.due_on), basis: main?.basis ?? null, documentNumber: p.document_number,
  });
}

/** Communes on the remote-area list (vùng sâu, vùng xa). */
export function remoteUnits(db: Db | Trx) {
  return db.selectFrom('petition_remote_units').innerJoin('units', 'units.id', 'petition_remote_units.unit_id')
    .select(['petition_remote_units.unit_id', 'petition_remote_units.note', 'petition_remote_units.added_at', 'units.full_name']).orderBy('units.full_name').execute();
}
/** Is any of the units on the remote-area list? */
export async function isRemoteUnit(db: Db | Trx, unitIds: (string | null)[]): Promise<boolean> {
  const ids = unitIds.filter((u): u is string => !!u);
  if (!ids.length) return false;
  return !!(await db.selectFrom('petition_remote_units').select('unit_id').where('unit_id', 'in', ids).executeTakeFirst());
}
/** Adds a commune to the list (audited); idempotent. */
export async function addRemoteUnit(db: Db, actor: Actor, i: z.infer<typeof remoteUnitInput>): Promise<void> {
  await inTransaction(db, async (trx) => {
    const had = await trx.selectFrom('petition_remote_units').select('unit_id').where('unit_id', '=', i.unitId).executeTakeFirst();
    if (had) await trx.updateTable('petition_remote_units').set({ note: i.note }).where('unit_id', '=', i.unitId).execute();
    else await trx.insertInto('petition_remote_units').values({ unit_id: i.unitId, note: i.note, added_by: actor.userId, added_at: nowIso() }).execute();
    await record(trx, actor, { action: 'petitions.remote.add', subjectType: 'unit', subjectId: i.unitId, unitId: i.unitId, changes: { note: i.note } });
  });
}
/** Removes a commune from the list (audited). */
export async function removeRemoteUnit(db: Db, actor: Actor, unitId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('petition_remote_units').where('unit_id', '=', unitId).execute();
    await record(trx, actor, { action: 'petitions.remote.remove', subjectType: 'unit', subjectId: unitId, unitId, changes: {} });
  });
}
