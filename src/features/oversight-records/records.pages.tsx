import { Hono } from 'hono';
import { allow, mayEnter, scopeOf } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { fieldErrors, formValues, queryValues, type FieldErrors } from '../../platform/http/validate.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { foldVietnamese } from '../../domain/text/normalize.ts';
import { unitIdsInScope } from '../units/index.ts';
import { explain, scopeFor } from '../community/index.ts';
import { exemplarChoices } from '../exemplars/index.ts';
import { onUnit } from './oversight.access.ts';
import { extOf, sendTable } from './oversight.export.ts';
import { listCommendations, listCourses, listDisciplines, recordUnits } from './records.repository.ts';
import { commendationInput, disciplineInput, recordFilter, trainingInput } from './records.schema.ts';
import { addCommendation, addDiscipline, addTraining, commendationUnit } from './records.service.ts';
import { commendationTable, disciplineTable, trainingTable } from './records.tables.ts';
import { CommendationForm, DisciplineForm, RecordFilters, RecordList, RecordPage, TrainingForm, type RecordKind } from './views/records.tsx';

export const recordPages = new Hono<AppEnv>();
const KINDS: RecordKind[] = ['commendations', 'discipline', 'training'];
const kindOf = (s: string) => (KINDS.includes(s as RecordKind) ? (s as RecordKind) : undefined);

/** The list of a kind as a table, in the reader's scope and the query's filters. */
async function tableOf(c: Ctx, kind: RecordKind) {
  const { db } = c.get('deps');
  const scope = await scopeFor(c, 'records.view');
  const f = recordFilter.parse(queryValues(c));
  const t = c.get('t');
  if (kind === 'commendations') return commendationTable(t, await listCommendations(db, scope, f));
  if (kind === 'discipline') return disciplineTable(t, await listDisciplines(db, scope, f));
  return trainingTable(t, await listCourses(db, scope, f));
}

/** "Unit name (or id): number" lines → participants; unknown units are named in the error. */
async function parseParticipants(c: Ctx, text: string): Promise<{ ok: true; value: { unitId: string; participants: number }[] } | { ok: false; line: string }> {
  const units = await recordUnits(c.get('deps').db, 'all');
  const out: { unitId: string; participants: number }[] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const m = /^(.*?)[:;,\t]\s*(\d+)\s*$/.exec(line);
    const u = m ? units.find(([id, name]) => id === m[1].trim() || foldVietnamese(name) === foldVietnamese(m[1].trim())) : undefined;
    if (!m || !u) return { ok: false, line };
    out.push({ unitId: u[0], participants: Number(m[2]) });
  }
  return { ok: true, value: out };
}

async function renderKind(c: Ctx, kind: RecordKind, form?: { errors?: FieldErrors; values?: Record<string, string> }) {
  const t = c.get('t');
  const { db } = c.get('deps');
  if (form?.errors) c.status(400);
  const table = await tableOf(c, kind);
  const readable = await scopeFor(c, 'records.view');
  const manageable = mayEnter(c.get('user'), 'records.manage') ? await unitIdsInScope(db, scopeOf(c.get('user'), 'records.manage')) : null;
  const units = manageable ? await recordUnits(db, manageable) : [];
  const values = form?.values ?? { decisionOn: formatDate(localToday()) };
  const add = !manageable ? null : kind === 'commendations'
    ? <CommendationForm units={units} exemplars={(await exemplarChoices(db, manageable)).map((e) => [e.id, `${e.name} (${e.unitName})`])} errors={form?.errors} values={values} />
    : kind === 'discipline' ? <DisciplineForm units={units} errors={form?.errors} values={values} /> : <TrainingForm units={units} errors={form?.errors} values={form?.values ?? {}} />;
  const query = new URLSearchParams(queryValues(c)).toString();
  return c.render(<RecordPage kind={kind} intro={t(`records.intro.${kind}`)} errors={form?.errors}>
    <RecordFilters kind={kind} values={queryValues(c)} units={await recordUnits(db, readable)} query={query} />
    <RecordList caption={t(`records.${kind}`)} head={table.head} rows={table.rows.map((r) => r.map((x) => String(x ?? '')))} />
    {add}
  </RecordPage>, { title: t(`records.${kind}`) });
}

recordPages.get('/records', allow('records.view'), (c) => c.redirect('/records/commendations', 303));

recordPages.get('/records/:kind', allow('records.view'), (c) => {
  const kind = kindOf(c.req.param('kind'));
  if (!kind) throw notFound();
  return renderKind(c, kind);
});

recordPages.get('/records/:kind/export/:ext', allow('records.view'), async (c) => {
  const kind = kindOf(c.req.param('kind'));
  const ext = extOf(c.req.param('ext'));
  if (!kind || !ext) throw notFound();
  return sendTable(c, ext, `${kind}-${localToday()}`, c.get('t')(`records.${kind}`), await tableOf(c, kind));
});

recordPages.post('/records/:kind', allow('records.manage'), async (c) => {
  const kind = kindOf(c.req.param('kind'));
  if (!kind) throw notFound();
  const { db } = c.get('deps');
  const values = await formValues(c);
  const t = c.get('t');
  const again = (errors: FieldErrors) => renderKind(c, kind, { errors, values });
  if (kind === 'training') {
    const parts = await parseParticipants(c, values.participants ?? '');
    const parsed = trainingInput.safeParse({ ...values, participants: parts.ok ? parts.value : [] });
    if (!parts.ok) return again({ ...(parsed.success ? {} : fieldErrors(parsed.error, t)), participants: t('records.error.participantLine', { line: parts.line }) });
    if (!parsed.success) return again(fieldErrors(parsed.error, t));
    await onUnit(c, 'records.manage', parsed.data.unitId);
    const r = await addTraining(db, actorOf(c), parsed.data);
    return r.ok ? c.redirect('/records/training', 303) : again(explain(r.fields, t));
  }
  if (kind === 'discipline') {
    const parsed = disciplineInput.safeParse(values);
    if (!parsed.success) return again(fieldErrors(parsed.error, t));
    await onUnit(c, 'records.manage', parsed.data.unitId);
    const r = await addDiscipline(db, actorOf(c), parsed.data);
    return r.ok ? c.redirect('/records/discipline', 303) : again(explain(r.fields, t));
  }
  const parsed = commendationInput.safeParse(values);
  if (!parsed.success) return again(fieldErrors(parsed.error, t));
  const unitId = await commendationUnit(db, parsed.data);
  if (!unitId) return again({ exemplarId: t('records.error.exemplarMissing') });
  await onUnit(c, 'records.manage', unitId);
  const r = await addCommendation(db, actorOf(c), parsed.data);
  return r.ok ? c.redirect('/records/commendations', 303) : again(explain(r.fields, t));
});
