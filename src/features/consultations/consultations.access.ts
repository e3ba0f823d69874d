import type { Ctx } from '../../platform/http/context.ts';
import { HttpError, notFound } from '../../platform/http/errors.ts';
import { authorizeUnit, failure } from '../disclosures/disclosures.access.ts';
import { getConsultation } from './consultations.repository.ts';
import type { ConsultationError } from './consultations.service.ts';

/** A consultation the user may act on (404 / 403). */
export async function consultationFor(c: Ctx, action: string, id: string) {
  const row = await getConsultation(c.get('deps').db, id);
  if (!row) throw notFound();
  await authorizeUnit(c, action, row.unit_id);
  return row;
}

/** The HTTP error of a failed consultation Result: 404, 409 (closed, undisposed comments) or 400. */
export function problem(c: Ctx, r: { error: ConsultationError; fields?: Record<string, string> }): HttpError {
  if (r.error === 'not_found') return notFound();
  if (r.error === 'closed') return new HttpError(409, 'consultation_closed', 'consultations.error.closed');
  if (r.error === 'undisposed_comments') return new HttpError(409, 'undisposed_comments', 'consultations.error.undisposed');
  return failure(c, r);
}
