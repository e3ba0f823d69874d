import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { localDateOf, localToday } from '../../platform/clock.ts';
import { storeUpload, UPLOAD_ERROR_KEYS } from '../../platform/files/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { formsOf, getDisclosure, type DisclosureRow } from './disclosures.repository.ts';
import type { FormEvidence } from './disclosures.schema.ts';

/** A posting's evidence as stored: the first photo in `photoFileId`, later ones (taken on other days, by other staff) after it. */
export type PostingEvidence = FormEvidence & { morePhotoFileIds?: string[] };

/** The photos of a form's evidence, first one first. */
export const photosOf = (f: PostingEvidence): string[] => [...(f.photoFileId ? [f.photoFileId] : []), ...(f.morePhotoFileIds ?? [])];

/** Why a photo can no longer be added: the posting was taken down, or its posting period ended before the photo was taken. */
export function closedState(d: Pick<DisclosureRow, 'removed_on' | 'posted_until'>, takenOn: string): 'removed' | 'ended' | null {
  if (d.removed_on) return 'removed';
  if (d.posted_until && d.posted_until < takenOn) return 'ended';
  return null;
}

/**
 * Adds a photo of the notice on the board as evidence of the posting form (Art. 12(1)(a)), e.g. taken
 * in a village without a connection and sent later (`actor.offline`: the day it was taken is the day it
 * was captured on the device). The file is checked like the staff form's photo (JPG, PNG or PDF by its
 * content, 10 MB) and stored as the actor's own upload (the only files a posting may name). A posting
 * taken down, or whose period ended before the photo was taken, refuses it ('state': the API answers 409).
 */
export async function addPostingPhoto(db: Db, actor: Actor, opts: { id: string; file: File | null; dataDir: string }): Promise<Result<{ fileId: string }, 'not_found' | 'state' | 'file'>> {
  const takenOn = actor.offline ? localDateOf(Date.parse(actor.offline.capturedAt)) : localToday();
  return inTransaction(db, async (trx) => {
    const d = await getDisclosure(trx, opts.id);
    if (!d) return fail('not_found');
    if (closedState(d, takenOn)) return fail('state', { _: 'disclosures.error.closedMeanwhile' });
    if (!opts.file) return fail('file', { file: UPLOAD_ERROR_KEYS.empty });
    const f = await storeUpload(trx, { dataDir: opts.dataDir, userId: actor.userId, file: opts.file, allowed: ['jpg', 'png', 'pdf'] });
    if (!f.ok) return fail('file', { file: UPLOAD_ERROR_KEYS[f.error] });
    const forms: PostingEvidence[] = formsOf(d);
    let posting = forms.find((x) => x.form === 'posting');
    if (!posting) forms.push((posting = { form: 'posting', photoFileId: null, url: null, informedOn: null, broadcastDays: [], note: null }));
    if (!posting.photoFileId) posting.photoFileId = f.value.id;
    else posting.morePhotoFileIds = [...(posting.morePhotoFileIds ?? []), f.value.id];
    await trx.updateTable('disclosures').set({ forms: JSON.stringify(forms), updated_at: nowIso() }).where('id', '=', d.id).execute();
    await record(trx, actor, { action: 'disclosures.photo', subjectType: 'disclosure', subjectId: d.id, unitId: d.unit_id, changes: { fileId: f.value.id, takenOn, name: f.value.name }, visibility: 'public' });
    return ok({ fileId: f.value.id });
  });
}
