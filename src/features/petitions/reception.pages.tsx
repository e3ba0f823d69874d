import { Hono } from 'hono';
import { allow, can, scopeOf } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { fieldErrors, formValues } from '../../platform/http/validate.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { ancestorIds, findUnits, unitIdsInScope } from '../units/index.ts';
import { addReceptionDay, compliance, logVisit, receptionDayInput, receptionLogs, recordReply, replyInput, visitInput } from './reception.service.ts';
import { receptionTable, sendTable } from './petitions.export.ts';
import { ReceptionPage } from './views/reception.tsx';

export const receptionPages = new Hono<AppEnv>();

const DUTY_KINDS = ['province-committee', 'department', 'commune-committee'];
/** 'YYYY-MM' from the query (this month by default). */
export const monthOf = (m: string | undefined) => (/^\d{4}-(0[1-9]|1[0-2])$/.test(m ?? '') ? m! : localToday().slice(0, 7));

/** Today's units with a head's reception duty within the caller's reception scope. */
export async function receptionUnits(c: Ctx) {
  const { db } = c.get('deps');
  const scope = await unitIdsInScope(db, scopeOf(c.get('user'), 'reception.manage'));
  const all = await findUnits(db, { at: localToday() });
  return { scope, units: all.filter((u) => DUTY_KINDS.includes(u.kind) && (scope === 'all' || scope.includes(u.id))) };
}

async function page(c: Ctx, o: { values?: Record<string, string>; errors?: Record<string, string>; dayValues?: Record<string, string>; dayErrors?: Record<string, string> } = {}) {
  const { db } = c.get('deps');
  const month = monthOf(c.req.query('month'));
  const { scope, units } = await receptionUnits(c);
  const rows = await compliance(db, units, month);
  const logs = await receptionLogs(db, { units: scope, limit: 100 });
  const opts = units.map((u): [string, string] => [u.id, u.fullName]);
  const today = formatDate(localToday());
  return c.render(<ReceptionPage month={month} rows={rows.filter((r) => scope === 'all' ? r.held + r.missed > 0 || units.length < 40 : true)} logs={logs} units={opts} today={today}
    values={{ receivedOn: today, peopleCount: '1', ...o.values }} errors={o.errors} dayValues={{ onDate: today, held: '1', ...o.dayValues }} dayErrors={o.dayErrors} />, { title: c.get('t')('reception.title') });
}

receptionPages.get('/reception', allow('reception.manage'), (c) => page(c));

const checkUnit = async (c: Ctx, unitId: string) => {
  if (!(await can(c.get('user'), 'reception.manage', unitId, (id) => ancestorIds(c.get('deps').db, id)))) throw forbidden();
};

receptionPages.post('/reception/days', allow('reception.manage'), async (c) => {
  const values = await formValues(c);
  const r = receptionDayInput.safeParse(values);
  if (!r.success) {
    c.status(400);
    return page(c, { dayValues: values, dayErrors: fieldErrors(r.error, c.get('t')) });
  }
  await checkUnit(c, r.data.unitId);
  await addReceptionDay(c.get('deps').db, actorOf(c), r.data);
  return c.redirect(`/reception?month=${r.data.onDate.slice(0, 7)}`, 303);
});

receptionPages.post('/reception/visits', allow('reception.manage'), async (c) => {
  const values = await formValues(c);
  const r = visitInput.safeParse(values);
  if (!r.success) {
    c.status(400);
    return page(c, { values, errors: fieldErrors(r.error, c.get('t')) });
  }
  await checkUnit(c, r.data.unitId);
  const out = await logVisit(c.get('deps').db, actorOf(c), r.data, c.get('deps').config.dataDir);
  return c.redirect(out.petitionId ? `/petitions/${out.petitionId}` : '/reception#log', 303);
});

receptionPages.post('/reception/visits/:id/reply', allow('reception.manage'), async (c) => {
  const { db } = c.get('deps');
  const log = await db.selectFrom('reception_logs').select(['id', 'unit_id']).where('id', '=', c.req.param('id')).executeTakeFirst();
  if (!log || !(await can(c.get('user'), 'reception.manage', log.unit_id, (id) => ancestorIds(db, id)))) throw notFound();
  const r = replyInput.safeParse(await formValues(c));
  if (!r.success) {
    c.status(400);
    return page(c, { errors: Object.fromEntries(Object.entries(fieldErrors(r.error, c.get('t'))).map(([k, v]) => [k, `${c.get('t')('reception.recordReply')}: ${v}`])) });
  }
  const out = await recordReply(db, actorOf(c), log.id, r.data);
  if (out === 'done') c.header('x-coso-no-change', '1');
  return c.redirect('/reception#log', 303);
});

/** The reception log of the caller's scope (optionally one month) as CSV or XLSX; a denouncer stays sealed. */
export async function receptionExport(c: Ctx, ext: 'csv' | 'xlsx'): Promise<Response> {
  const t = c.get('t');
  const { scope } = await receptionUnits(c);
  const month = c.req.query('month') ? monthOf(c.req.query('month')) : null;
  const table = await receptionTable(c.get('deps').db, t, { units: scope, month, limit: 100_000 });
  return sendTable(c, ext, `so-tiep-cong-dan${month ? `-${month}` : ''}`, `${t('reception.log')}${month ? ` ${month.slice(5)}/${month.slice(0, 4)}` : ''}`, table);
}
for (const ext of ['csv', 'xlsx'] as const) receptionPages.get(`/reception/log.${ext}`, allow('reception.manage'), (c) => receptionExport(c, ext));
