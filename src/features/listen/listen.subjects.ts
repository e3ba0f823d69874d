import type { Db } from '../../platform/db/index.ts';
import { spokenDate } from '../../platform/audio/speech.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { bulletinText, findDisclosures, getDisclosure } from '../disclosures/index.ts';
import { findConsultations, getConsultation } from '../consultations/index.ts';
import { getUnit } from '../units/index.ts';

/** An item a commune may record audio for: a disclosure or a closed consultation (its summary). */
export interface ListenSubject { type: 'disclosure' | 'consultation'; id: string; unitId: string; title: string; publicUrl: string }

/** The item named in a URL, or undefined. */
export async function subjectOf(db: Db, type: string, id: string): Promise<ListenSubject | undefined> {
  if (type === 'disclosure') {
    const d = await getDisclosure(db, id);
    return d && { type, id, unitId: d.unit_id, title: d.title, publicUrl: `/board/d/${d.id}` };
  }
  if (type === 'consultation') {
    const c = await getConsultation(db, id);
    return c && c.status === 'closed' ? { type, id, unitId: c.unit_id, title: c.title, publicUrl: `/consult/${c.id}/report` } : undefined;
  }
  return undefined;
}

/** Disclosures still posted today, and closed consultations, of the given units (newest first). */
export async function subjectsIn(db: Db, unitIds: string[] | 'all'): Promise<ListenSubject[]> {
  const today = localToday();
  const ds = (await findDisclosures(db, { unitIds, limit: 100 })).filter((d) => !d.removed_on && (!d.posted_until || d.posted_until >= today));
  const cs = (await findConsultations(db, unitIds, { limit: 50 })).filter((c) => c.status === 'closed');
  return [
    ...ds.map((d): ListenSubject => ({ type: 'disclosure', id: d.id, unitId: d.unit_id, title: d.title, publicUrl: `/board/d/${d.id}` })),
    ...cs.map((c): ListenSubject => ({ type: 'consultation', id: c.id, unitId: c.unit_id, title: c.title, publicUrl: `/consult/${c.id}/report` })),
  ];
}

/** The radio text of a disclosure (the same words as its "Nghe" audio on the board). */
export async function disclosureSpeech(db: Db, id: string): Promise<{ unitId: string; title: string; text: string } | undefined> {
  const d = await getDisclosure(db, id);
  if (!d) return undefined;
  const unit = await getUnit(db, d.unit_id);
  return { unitId: d.unit_id, title: d.title, text: bulletinText(unit?.fullName ?? '', d.title, spokenDate(d.posted_on), d.posted_until ? spokenDate(d.posted_until) : null) };
}
