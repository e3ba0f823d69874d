import { Hono } from 'hono';
import { allow, can, scopeOf } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { fieldErrors, formValues, validationError } from '../../platform/http/validate.ts';
import { formatDate, todayLocal } from '../../platform/i18n/index.ts';
import { ancestorIds, findUnits, unitIdsInScope } from '../units/index.ts';
import { addReceptionDay, compliance, logVisit, receptionDayInput, visitInput } from './reception.service.ts';
import { ReceptionPage } from './views/reception.tsx';

export const receptionPages = new Hono<AppEnv>();

async function page(c: Ctx, values: Record<string, string>, errors?: Record<string, string>) {
  const { db } = c.get('deps');
  const month = /^\d{4}-\d{2}$/.test(c.req.query('month') ?? '') ? c.req.query('month')! : todayLocal().slice(0, 7);
  const scope = await unitIdsInScope(db, scopeOf(c.get('user'), 'reception.manage'));
  const all = await findUnits(db, { at: todayLocal() });
  const units = all.filter((u) => ['province-committee', 'province-body', 'commune-committee'].includes(u.kind) && (scope === 'all' || scope.includes(u.id)));
  const rows = await compliance(db, units, month);
  let q = db.selectFrom('reception_logs').select(['id', 'unit_id', 'received_on', 'people_count', 'summary', 'kind', 'refused', 'refusal_reason', 'petition_id', 'reply_due']).orderBy('received_on', 'desc').limit(100);
  if (scope !== 'all') q = q.where('unit_id', 'in', scope.length ? scope : ['-']);
  const names = new Map(all.map((u) => [u.id, u.fullName]));
  const logs = (await q.execute()).map((l) => ({ ...l, unitName: names.get(l.unit_id) ?? '' }));
  const opts = units.map((u): [string, string] => [u.id, u.fullName]);
  const today = formatDate(todayLocal());
  return c.render(<ReceptionPage month={month} rows={rows.filter((r) => scope === 'all' ? r.held + r.missed > 0 || units.length < 40 : true)} logs={logs} units={opts}
    values={{ receivedOn: today, peopleCount: '1', ...values }} errors={errors} dayValues={{ onDate: today, held: '1' }} />, { title: c.get('t')('reception.title') });
}

receptionPages.get('/reception', allow('reception.manage'), (c) => page(c, {}));

const checkUnit = async (c: Ctx, unitId: string) => {
  if (!(await can(c.get('user'), 'reception.manage', unitId, (id) => ancestorIds(c.get('deps').db, id)))) throw forbidden();
};

receptionPages.post('/reception/days', allow('reception.manage'), async (c) => {
  const r = receptionDayInput.safeParse(await formValues(c));
  if (!r.success) throw validationError(fieldErrors(r.error, c.get('t')));
  await checkUnit(c, r.data.unitId);
  await addReceptionDay(c.get('deps').db, actorOf(c), r.data);
  return c.redirect(`/reception?month=${r.data.onDate.slice(0, 7)}`, 303);
});

receptionPages.post('/reception/visits', allow('reception.manage'), async (c) => {
  const values = await formValues(c);
  const r = visitInput.safeParse(values);
  if (!r.success) {
    c.status(400);
    return page(c, values, fieldErrors(r.error, c.get('t')));
  }
  await checkUnit(c, r.data.unitId);
  const out = await logVisit(c.get('deps').db, actorOf(c), r.data, c.get('deps').config.dataDir);
  return c.redirect(out.petitionId ? `/petitions/${out.petitionId}` : '/reception', 303);
});
