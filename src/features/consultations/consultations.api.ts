import { createRoute } from '@hono/zod-openapi';
import { allow } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { actorOf } from '../../platform/http/context.ts';
import { fieldErrors, readJson, validationError } from '../../platform/http/validate.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { ErrorSchema } from '../auth/index.ts';
import { getUnit } from '../units/index.ts';
import { authorizeUnit } from '../disclosures/disclosures.access.ts';
import { consultationFor, problem } from './consultations.access.ts';
import { commentsOf, dialoguesOf, getConsultation } from './consultations.repository.ts';
import { closeInput, consultationInput, dialogueInput, dispositionInput, publicCommentInput, staffCommentInput } from './consultations.schema.ts';
import { addComment, closeConsultation, dispose, openConsultation, recordDialogue, staffComment } from './consultations.service.ts';
import { explanationDocx } from './consultations.report.ts';
import { notFound } from '../../platform/http/errors.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = { 400: json(ErrorSchema, 'Invalid input (fields named)'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown'), 409: json(ErrorSchema, 'Closed, or comments without a disposition') };
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idParam = z.object({ id: z.string().max(64) });
const Id = z.object({ id: z.string() });

export const consultationsApi = apiRouter();

/** JSON.parse that yields an invalid value (a 400 from zod) instead of throwing. */
const safeJson = (s: string): unknown => { try { return JSON.parse(s); } catch { return null; } };

consultationsApi.openapi(createRoute({
  method: 'post', path: '/consultations', middleware: [allow('consultations.manage')] as const,
  request: body(consultationInput),
  responses: { 201: json(z.object({ id: z.string(), earliestClose: z.string() }), 'Consultation opened'), ...errors },
}), async (c) => {
  const input = await readJson(c, consultationInput);
  if (!(await getUnit(c.get('deps').db, input.unitId))) throw problem(c, { error: 'invalid', fields: { unitId: 'disclosures.error.unit' } });
  await authorizeUnit(c, 'consultations.manage', input.unitId);
  const r = await openConsultation(c.get('deps').db, actorOf(c), input);
  if (!r.ok) throw problem(c, r);
  return c.json(r.value, 201);
});

consultationsApi.openapi(createRoute({
  method: 'post', path: '/public/consultations/{id}/comments', middleware: [allow('public')] as const,
  request: { params: idParam, ...body(z.object({ text: z.string(), sectionKey: z.string().optional(), name: z.string().optional() })) },
  responses: { 201: json(Id, 'Comment received'), ...errors },
}), async (c) => {
  const i = await readJson(c, publicCommentInput);
  const r = await addComment(c.get('deps').db, actorOf(c), c.req.valid('param').id, { ...i, channel: 'online', organization: null, socialCritique: false, receivedOn: localToday() }, true);
  if (!r.ok) throw problem(c, r);
  return c.json({ id: r.value }, 201);
});

consultationsApi.openapi(createRoute({
  method: 'post', path: '/consultations/{id}/comments', middleware: [allow('consultations.manage')] as const,
  request: { params: idParam, ...body(staffCommentInput) },
  responses: { 201: json(Id, 'Comment entered by staff (meeting, box, ballot, organisation)'), ...errors },
}), async (c) => {
  const row = await consultationFor(c, 'consultations.manage', c.req.valid('param').id);
  const r = await addComment(c.get('deps').db, actorOf(c), row.id, staffComment(await readJson(c, staffCommentInput)), false);
  if (!r.ok) throw problem(c, r);
  return c.json({ id: r.value }, 201);
});

consultationsApi.openapi(createRoute({
  method: 'post', path: '/consultations/{id}/comments/{commentId}/disposition', middleware: [allow('consultations.manage')] as const,
  request: { params: z.object({ id: z.string().max(64), commentId: z.string().max(64) }), ...body(z.object({ decision: z.enum(['accepted', 'partly', 'rejected']), explanation: z.string() })) },
  responses: { 200: json(Id, 'Disposition recorded'), ...errors },
}), async (c) => {
  const p = c.req.valid('param');
  const row = await consultationFor(c, 'consultations.manage', p.id);
  const r = await dispose(c.get('deps').db, actorOf(c), row.id, p.commentId, await readJson(c, dispositionInput));
  if (!r.ok) throw problem(c, r);
  return c.json({ id: r.value }, 200);
});

consultationsApi.openapi(createRoute({
  method: 'post', path: '/consultations/{id}/close', middleware: [allow('consultations.manage')] as const,
  request: { params: idParam },
  // Optional JSON body {decision?, departsFromMajority?, departureReason?}: read by hand so an empty body is accepted.
  responses: { 200: json(z.object({ id: z.string(), status: z.string(), disclosureId: z.string().nullable() }), 'Closed; the summary and explanation are disclosed (Art. 11(11), 46(10)): disclosureId. Optional body: {"decision", "departsFromMajority", "departureReason"} (reason required when departing from the majority, Art. 28). 400 (field "dialogues") for an Art. 25(8) draft with no Art. 27 record.'), ...errors },
}), async (c) => {
  const row = await consultationFor(c, 'consultations.manage', c.req.valid('param').id);
  const raw = (await c.req.text()).trim();
  const input = closeInput.safeParse(raw ? safeJson(raw) : {});
  if (!input.success) throw validationError(fieldErrors(input.error, c.get('t')));
  const r = await closeConsultation(c.get('deps').db, actorOf(c), row.id, input.data);
  if (!r.ok) throw problem(c, r);
  return c.json({ id: row.id, status: 'closed', disclosureId: r.value.disclosureId }, 200);
});

consultationsApi.openapi(createRoute({
  method: 'post', path: '/consultations/{id}/dialogues', middleware: [allow('consultations.manage')] as const,
  request: { params: idParam, ...body(dialogueInput) },
  responses: { 201: json(Id, 'Informing of, or dialogue with, affected citizens recorded (Art. 27), filed with the decision dossier'), ...errors },
}), async (c) => {
  const row = await consultationFor(c, 'consultations.manage', c.req.valid('param').id);
  const r = await recordDialogue(c.get('deps').db, actorOf(c), row.id, await readJson(c, dialogueInput));
  if (!r.ok) throw problem(c, r);
  return c.json({ id: r.value }, 201);
});

consultationsApi.openapi(createRoute({
  method: 'get', path: '/consultations/{id}/explanation-report.docx', middleware: [allow('consultations.view')] as const,
  request: { params: idParam },
  responses: { 200: { content: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.string() } }, description: 'Báo cáo tiếp thu, giải trình (Decree 30/2020 format), comments grouped by section' }, ...errors },
}), async (c) => {
  const row = await consultationFor(c, 'consultations.view', c.req.valid('param').id);
  return docxResponse(c, row.id);
});

/** The DOCX download of a consultation's explanation report. */
export async function docxResponse(c: Parameters<typeof actorOf>[0], id: string) {
  const { db } = c.get('deps');
  const row = await getConsultation(db, id);
  if (!row) throw notFound();
  const unit = await getUnit(db, row.unit_id);
  const buf = await explanationDocx(row, unit?.fullName ?? '', await commentsOf(db, row.id), c.get('t'), await dialoguesOf(db, row.id));
  return c.body(new Uint8Array(buf), 200, {
    'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'Content-Disposition': `attachment; filename="bao-cao-tiep-thu-giai-trinh-${row.id.slice(0, 8)}.docx"`,
  });
}
