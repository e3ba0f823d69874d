import { createRoute } from '@hono/zod-openapi';
import { allow, authorize, scopeOf } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { actorOf, type Ctx } from '../../platform/http/context.ts';
import { forbidden, HttpError, notFound } from '../../platform/http/errors.ts';
import { validationError } from '../../platform/http/validate.ts';
import { ErrorSchema } from '../auth/index.ts';
import { ancestorIds, unitIdsInScope, withDescendants } from '../units/index.ts';
import { FIELDS } from '../../domain/exemplars/forms.ts';
import { type EntryInput, commendInput, discontinueInput, entryInput, proposeInput, recognizeInput, replicateInput } from './exemplars.schema.ts';
import { act, registerEntry, updateEntry, type ActionPayload, type WorkflowError } from './exemplars.service.ts';
import { getEntry, outcomesOf, publicEntries, type EntryView } from './exemplars.repository.ts';
import { form3Docx, form3Xlsx, loadForm3 } from './exemplars.forms.ts';
import { conflictError, conflictResponse, lockVersionMember } from '../../platform/http/concurrency.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const errors = { 400: json(ErrorSchema, 'Invalid input, fields named'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown entry'), 409: json(ErrorSchema, 'The state does not allow it') };
const EntryState = z.object({ id: z.string(), code: z.string(), status: z.string(), level: z.string().nullable(), lockVersion: z.number().int() }).openapi('ExemplarState');
const state = (e: EntryView) => ({ id: e.id, code: e.code, status: e.status, level: e.level, lockVersion: e.lockVersion });
const idParam = z.object({ id: z.string().max(64) });

/** Maps a workflow failure to the HTTP error of the API. */
export function failure(c: Ctx, r: { error: WorkflowError; fields?: Record<string, string> }): HttpError {
  const t = c.get('t');
  const fields = Object.fromEntries(Object.entries(r.fields ?? {}).map(([k, v]) => [k, t(v)]));
  if (r.error === 'not_found') return notFound();
  if (r.error === 'forbidden') return forbidden();
  if (r.error === 'not_allowed') return new HttpError(409, 'conflict', 'exemplars.error.not_allowed', fields);
  return validationError(fields);
}

export const exemplarsApi = apiRouter();

exemplarsApi.openapi(
  createRoute({ method: 'post', path: '/exemplars', middleware: [allow('exemplars.register')] as const, request: body(entryInput.omit({ draft: true })),
    responses: { 201: json(z.object({ id: z.string(), status: z.literal('registered'), warnings: z.object({ duplicates: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), year: z.number() })) }) }), 'Registered'), ...errors } }),
  async (c) => {
    const input: EntryInput = { ...(c.req.valid('json') as Omit<EntryInput, 'draft'>), draft: false };
    const { db, config } = c.get('deps');
    await authorize(c.get('user'), 'exemplars.register', input.unitId, (id) => ancestorIds(db, id));
    const r = await registerEntry(db, actorOf(c), input, { dataDir: config.dataDir, refuseDuplicates: false });
    if (!r.ok) throw failure(c, r);
    return c.json({ id: r.value.id, status: 'registered' as const, warnings: { duplicates: r.value.duplicates } }, 201);
  },
);

/** Edits an entry's registration (a draft is registered); `lockVersion` is required, a stale one gets 409 with the entry as it now is. */
exemplarsApi.openapi(
  createRoute({ method: 'put', path: '/exemplars/{id}', middleware: [allow('exemplars.register')] as const, request: { params: idParam, ...body(entryInput.omit({ draft: true }).extend({ lockVersion: lockVersionMember })) },
    responses: { 200: json(EntryState, 'Saved'), ...errors, ...conflictResponse } }),
  async (c) => {
    const { lockVersion, ...rest } = c.req.valid('json') as Omit<EntryInput, 'draft'> & { lockVersion: number };
    const { db, config } = c.get('deps');
    const id = c.req.valid('param').id;
    await authorize(c.get('user'), 'exemplars.register', rest.unitId, (u) => ancestorIds(db, u));
    const r = await updateEntry(db, actorOf(c), c.get('user'), id, { ...rest, draft: false }, { dataDir: config.dataDir, refuseDuplicates: false }, lockVersion);
    if (!r.ok && r.error === 'conflict') {
      const now = (await getEntry(db, id))!;
      throw conflictError(c.get('t'), now.lockVersion, { ...state(now), name: now.name, personName: now.personName, unitId: now.unitId, village: now.village, registration: now.registration });
    }
    if (!r.ok) throw failure(c, r as { error: WorkflowError; fields?: Record<string, string> });
    return c.json(state((await getEntry(db, id))!), 200);
  },
);

/** Declares one workflow route: POST /exemplars/{id}/<name> with its body, calling `act`. */
function workflowRoute<S extends z.ZodType>(name: string, permission: string, schema: S, toPayload: (b: z.infer<S>) => ActionPayload) {
  exemplarsApi.openapi(
    createRoute({ method: 'post', path: `/exemplars/{id}/${name}`, middleware: [allow(permission)] as const, request: { params: idParam, ...body(schema) }, responses: { 200: json(EntryState, 'New state'), ...errors } }),
    async (c) => {
      const { db, config } = c.get('deps');
      const r = await act(db, actorOf(c), c.get('user'), c.req.valid('param').id, toPayload(c.req.valid('json') as z.infer<S>), config.dataDir);
      if (!r.ok) throw failure(c, r);
      return c.json(state(r.value), 200);
    },
  );
}
workflowRoute('propose', 'exemplars.propose', proposeInput, (b) => ({ action: 'propose', ...b }));
workflowRoute('recognize', 'exemplars.view', recognizeInput, (b) => ({ action: 'recognize', ...b }));
workflowRoute('commend', 'exemplars.commend', commendInput, (b) => ({ action: 'commend', ...b }));
workflowRoute('replicate', 'exemplars.replicate', replicateInput, (b) => ({ action: 'replicate', ...b }));
workflowRoute('discontinue', 'exemplars.propose', discontinueInput, (b) => ({ action: 'discontinue', ...b }));

const summaryQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100), unitId: z.string().max(64).optional() });

/** The owner units the caller may summarise: the requested unit and its descendants, within the caller's scope. */
async function summaryUnits(c: Ctx, unitId?: string): Promise<'all' | string[]> {
  const { db } = c.get('deps');
  const scope = await unitIdsInScope(db, scopeOf(c.get('user'), 'exemplars.report'));
  if (!unitId) return scope;
  await authorize(c.get('user'), 'exemplars.report', unitId, (id) => ancestorIds(db, id));
  return withDescendants(db, [unitId]);
}

for (const ext of ['xlsx', 'docx'] as const) {
  exemplarsApi.openapi(
    createRoute({ method: 'get', path: `/exemplars/summary.${ext}`, middleware: [allow('exemplars.report')] as const, request: { query: summaryQuery },
      responses: { 200: { description: `Form 3 (${ext})` }, ...errors } }),
    async (c) => {
      const q = c.req.valid('query');
      const data = await loadForm3(c.get('deps').db, q.year, await summaryUnits(c, q.unitId));
      const buf = ext === 'xlsx' ? await form3Xlsx(data, c.get('t')) : await form3Docx(data, c.get('t'));
      const mime = ext === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      return c.body(new Uint8Array(buf), 200, { 'Content-Type': mime, 'Content-Disposition': `attachment; filename="mau-3-dan-van-kheo-${q.year}.${ext}"` });
    },
  );
}

const PublicItem = z.object({ id: z.string(), name: z.string(), field: z.string(), kind: z.string(), subject: z.string(), unitName: z.string(), communeCode: z.string().nullable(), year: z.number(), url: z.string(),
  recognitions: z.array(z.object({ level: z.string(), decisionNumber: z.string(), decisionOn: z.string() })) }).openapi('PublicExemplar');

exemplarsApi.openapi(
  createRoute({ method: 'get', path: '/public/exemplars', middleware: [allow('public')] as const,
    request: { query: z.object({ field: z.enum(FIELDS).optional(), communeCode: z.string().regex(/^\d{5}$/).optional(), year: z.coerce.number().int().min(2000).max(2100).optional(), page: z.coerce.number().int().min(1).max(10000).optional() }) },
    responses: { 200: json(z.object({ items: z.array(PublicItem) }), 'Recognised entries only'), 400: json(ErrorSchema, 'Invalid query') } }),
  async (c) => {
    const q = c.req.valid('query');
    const { db } = c.get('deps');
    const items = await publicEntries(db, { ...q, limit: 100, offset: ((q.page ?? 1) - 1) * 100 });
    const { recognitions } = await outcomesOf(db, items.map((i) => i.id));
    return c.json({ items: items.map((e) => ({ id: e.id, name: e.name, field: e.field, kind: e.kind, subject: e.subject, unitName: e.unitName, communeCode: e.communeCode, year: e.year, url: `/showcase/exemplars/${e.id}`,
      recognitions: (recognitions.get(e.id) ?? []).map((r) => ({ level: r.level, decisionNumber: r.decisionNumber, decisionOn: r.decisionOn })) })) }, 200);
  },
);
