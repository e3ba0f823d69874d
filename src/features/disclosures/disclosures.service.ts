import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { storeUpload, UPLOAD_ERROR_KEYS } from '../../platform/files/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { findItem, AGENCY_FORMS, COMMUNE_FORMS, CONSULTATION_DISCLOSURE_ITEM } from '../../domain/disclosure/catalogue.ts';
import { postingEnd, publishDue } from '../../domain/disclosure/clock.ts';
import { foldVietnamese } from '../../domain/text/normalize.ts';
import { getUnit } from '../units/index.ts';
import { formsOf, getDisclosure, uploadedBy } from './disclosures.repository.ts';
import { scopeOfKind } from './disclosures.rules.ts';
import type { DisclosureInput } from './disclosures.schema.ts';

export interface Created { id: string; publishDue: string; postedUntil: string | null; late: boolean }
export type DisclosureError = 'unit' | 'item' | 'dates' | 'forms' | 'not_found';

/** Checks a posting against the catalogue of the unit's scope; returns the computed dates. */
async function plan(trx: Trx, input: DisclosureInput): Promise<Result<Omit<Created, 'id'>, DisclosureError>> {
  const unit = await getUnit(trx, input.unitId);
  const scope = unit ? scopeOfKind(unit.kind) : null;
  if (!unit || !scope) return fail('unit', { unitId: 'disclosures.error.unit' });
  const item = findItem(input.itemCode, input.decisionOn);
  if (!item || item.scope !== scope) return fail('item', { itemCode: 'disclosures.error.item' });
  if (input.postedOn < input.decisionOn) return fail('dates', { postedOn: 'disclosures.error.beforeDecision' });
  const allowed: readonly string[] = scope === 'commune' ? COMMUNE_FORMS : AGENCY_FORMS;
  const bad = input.forms.findIndex((f) => !allowed.includes(f.form));
  if (bad >= 0) return fail('forms', { [`forms.${bad}.form`]: 'disclosures.error.form' });
  const due = publishDue(scope, input.decisionOn);
  const until = item.postingDays === null ? null : postingEnd(scope, input.postedOn);
  return ok({ publishDue: due, postedUntil: until, late: input.postedOn > due });
}

/** Records a disclosure (Art. 11–13, 46–48) with its forms and evidence; audited. */
export async function createDisclosure(db: Db, actor: Actor, input: DisclosureInput, upload?: { dataDir: string; file?: File | null; photo?: File | null }): Promise<Result<Created, DisclosureError | 'file'>> {
  return inTransaction(db, async (trx) => {
    const p = await plan(trx, input);
    if (!p.ok) return p;
    // The board serves a posting's files to anyone: a file named by id must be the actor's own upload,
    // never another feature's file (a petition scan, task evidence) that naming it would publish.
    if (input.fileId && !(await uploadedBy(trx, input.fileId, actor.userId))) return fail('file', { fileId: 'disclosures.error.file' });
    const named = input.forms.findIndex((f) => f.photoFileId && !upload?.photo);
    if (named >= 0 && !(await uploadedBy(trx, input.forms[named].photoFileId!, actor.userId))) return fail('file', { [`forms.${named}.photoFileId`]: 'disclosures.error.file' });
    let fileId = input.fileId;
    if (upload?.file) {
      const f = await storeUpload(trx, { dataDir: upload.dataDir, userId: actor.userId, file: upload.file });
      if (!f.ok) return fail('file', { file: UPLOAD_ERROR_KEYS[f.error] });
      fileId = f.value.id;
    }
    const posting = input.forms.find((f) => f.form === 'posting');
    if (upload?.photo && posting) {
      const ph = await storeUpload(trx, { dataDir: upload.dataDir, userId: actor.userId, file: upload.photo, allowed: ['jpg', 'png', 'pdf'] });
      if (!ph.ok) return fail('file', { photo: UPLOAD_ERROR_KEYS[ph.error] });
      posting.photoFileId = ph.value.id;
    }
    const id = await insert(trx, actor, input, p.value, fileId, null);
    return ok({ id, ...p.value });
  });
}

async function insert(trx: Trx, actor: Actor, input: DisclosureInput, p: Omit<Created, 'id'>, fileId: string | null, from: { consultationId: string; stage: 'opened' | 'closed' } | null): Promise<string> {
  const id = randomUUID();
  const now = nowIso();
  const unit = (await getUnit(trx, input.unitId))!;
  await trx.insertInto('disclosures').values({
    id, unit_id: input.unitId, item_code: input.itemCode, title: input.title, document_no: input.documentNo, decision_on: input.decisionOn,
    publish_due: p.publishDue, posted_on: input.postedOn, posted_until: p.postedUntil, removed_on: null, late: p.late ? 1 : 0,
    file_id: fileId, forms: JSON.stringify(input.forms), search_text: ` ${foldVietnamese(`${input.title} ${input.documentNo ?? ''} ${unit.fullName}`)} `,
    consultation_id: from?.consultationId ?? null, consultation_stage: from?.stage ?? null,
    created_by: actor.userId, created_at: now, updated_at: now,
  }).execute();
  await record(trx, actor, { action: 'disclosures.create', subjectType: 'disclosure', subjectId: id, unitId: input.unitId, changes: { ...input, ...p, consultationId: from?.consultationId, stage: from?.stage }, visibility: 'public' });
  return id;
}

/**
 * Art. 11(11) (communes) and Art. 46(10) (agencies), inside the consultation's own transaction: when
 * a commune opens a consultation its plan and content are disclosed; when a consultation closes, the
 * summary of opinions and the explanation are disclosed, on the portal (the public report page).
 * Agencies disclose only the result (Art. 46(10)). Nothing for a unit that discloses nothing (village).
 */
export async function discloseConsultation(trx: Trx, actor: Actor, c: { id: string; unitId: string; title: string }, stage: 'opened' | 'closed', on: string): Promise<string | null> {
  const unit = await getUnit(trx, c.unitId);
  const scope = unit ? scopeOfKind(unit.kind) : null;
  if (!scope || (scope === 'agency' && stage === 'opened')) return null;
  const itemCode = CONSULTATION_DISCLOSURE_ITEM[scope];
  const already = await trx.selectFrom('disclosures').select('id').where('consultation_id', '=', c.id).where('consultation_stage', '=', stage).executeTakeFirst();
  if (already) return already.id;
  const url = stage === 'opened' ? `/consult/${c.id}` : `/consult/${c.id}/report`;
  const title = `${stage === 'opened' ? 'Kế hoạch, nội dung lấy ý kiến' : 'Kết quả tổng hợp, tiếp thu, giải trình ý kiến'}: ${c.title}`.slice(0, 500);
  const input: DisclosureInput = {
    unitId: c.unitId, itemCode, title, documentNo: null, decisionOn: on, postedOn: on, fileId: null,
    forms: [{ form: 'portal', photoFileId: null, url, informedOn: null, broadcastDays: [], note: 'Cổng thông tin điện tử (trang công khai của đợt lấy ý kiến)' }],
  };
  const p = await plan(trx, input);
  if (!p.ok) return null;
  return insert(trx, actor, input, p.value, null, { consultationId: c.id, stage });
}

/** Records that a posting was taken down (early removal is flagged, not refused); audited. */
export async function removeDisclosure(db: Db, actor: Actor, id: string, removedOn: string): Promise<Result<string, DisclosureError>> {
  return inTransaction(db, async (trx) => {
    const d = await getDisclosure(trx, id);
    if (!d) return fail('not_found');
    if (removedOn < d.posted_on) return fail('dates', { removedOn: 'disclosures.error.beforePosting' });
    await trx.updateTable('disclosures').set({ removed_on: removedOn, updated_at: nowIso() }).where('id', '=', id).execute();
    await record(trx, actor, { action: 'disclosures.remove', subjectType: 'disclosure', subjectId: id, unitId: d.unit_id, changes: { removedOn }, visibility: 'public' });
    return ok(id);
  });
}

/** Adds a day to the radio broadcast log of a posting (Art. 13(3)); audited. */
export async function logBroadcast(db: Db, actor: Actor, id: string, on: string): Promise<Result<string, DisclosureError>> {
  return inTransaction(db, async (trx) => {
    const d = await getDisclosure(trx, id);
    if (!d) return fail('not_found');
    if (on < d.posted_on) return fail('dates', { broadcastOn: 'disclosures.error.beforePosting' });
    const forms = formsOf(d);
    let radio = forms.find((f) => f.form === 'radio');
    if (!radio) forms.push((radio = { form: 'radio', photoFileId: null, url: null, informedOn: null, broadcastDays: [], note: null }));
    radio.broadcastDays = [...new Set([...(radio.broadcastDays ?? []), on])].sort();
    await trx.updateTable('disclosures').set({ forms: JSON.stringify(forms), updated_at: nowIso() }).where('id', '=', id).execute();
    await record(trx, actor, { action: 'disclosures.broadcast', subjectType: 'disclosure', subjectId: id, unitId: d.unit_id, changes: { broadcastOn: on }, visibility: 'public' });
    return ok(id);
  });
}

/** Moves open postings of predecessors to the successor (unit.succeeded). */
export async function handOverDisclosures(trx: Trx, e: { handover: Record<string, string>; effectiveDate: string }): Promise<void> {
  for (const [from, to] of Object.entries(e.handover)) {
    await trx.updateTable('disclosures').set({ unit_id: to, updated_at: nowIso() }).where('unit_id', '=', from)
      .where('removed_on', 'is', null).where((w) => w.or([w('posted_until', 'is', null), w('posted_until', '>=', e.effectiveDate)])).execute();
  }
}
