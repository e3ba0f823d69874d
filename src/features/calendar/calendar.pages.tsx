import { Hono } from 'hono';
import { z } from 'zod';
import { allow, can } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { readForm, translateFields, validationError, type FieldErrors } from '../../platform/http/validate.ts';
import { notFound } from '../../platform/http/errors.ts';
import { parseDateInput, localToday } from '../../platform/i18n/index.ts';
import { computeDeadline, DeadlineError, findRule, listRules, READINGS } from '../../domain/deadlines/index.ts';
import { loadCalendar, loadLegalTime, resetSchedule, saveSchedule, setReading, setRuleUnit } from './calendar.service.ts';
import { lastMoved } from './calendar.recompute.ts';
import { RuleSettings } from './views/settings.tsx';
import { scheduleText, YearPage } from './views/year.tsx';
import { Calculator } from './views/calculator.tsx';

export const calendarPages = new Hono<AppEnv>();

const yearOf = (c: Ctx) => {
  const y = Number(c.req.param('year'));
  return Number.isInteger(y) && y >= 1901 && y <= 2199 ? y : null;
};

async function renderYear(c: Ctx, year: number, extra: { errors?: FieldErrors; values?: Record<string, string> } = {}) {
  const db = c.get('deps').db;
  const calendar = await loadCalendar(db);
  const cal = calendar.year(year);
  const canManage = await can(c.get('user'), 'calendar.manage');
  const values = extra.values ?? { source: cal.source, text: scheduleText(cal) };
  const saved = !!c.req.query('saved');
  const moved = saved && canManage ? await lastMoved(db, year) : null;
  // This year and the next, from the product clock: is the official schedule in, or do the defaults apply?
  const thisYear = Number(localToday().slice(0, 4));
  const years = [thisYear, thisYear + 1].map((y) => ({ year: y, origin: calendar.year(y).origin }));
  return c.render(<YearPage cal={cal} canManage={canManage} errors={extra.errors} values={values} saved={saved} moved={moved} years={years} />, { title: c.get('t')('calendar.yearTitle', { year }) });
}

calendarPages.get('/calendar', allow('calendar.view'), (c) => c.redirect(`/calendar/${localToday().slice(0, 4)}`, 302));

calendarPages.get('/calendar/:year', allow('calendar.view'), async (c) => {
  const year = yearOf(c);
  if (!year) return c.redirect('/calendar', 302);
  return renderYear(c, year);
});

const scheduleForm = z.object({ source: z.string().trim().min(1).max(300), text: z.string().max(20000) });

calendarPages.post('/calendar/:year', allow('calendar.manage'), async (c) => {
  const year = yearOf(c);
  const form = await readForm(c, scheduleForm);
  if (!year) throw notFound();
  const r = form.ok ? await saveSchedule(c.get('deps').db, actorOf(c), { year, ...form.data }) : null;
  if (r?.ok) return c.redirect(`/calendar/${year}?saved=1`, 303);
  c.status(400);
  return renderYear(c, year, { values: form.values, errors: form.ok ? translateFields(r?.ok === false ? r.fields : {}, (k) => k) : form.errors });
});

calendarPages.post('/calendar/:year/reset', allow('calendar.manage'), async (c) => {
  const year = yearOf(c);
  const r = year ? await resetSchedule(c.get('deps').db, actorOf(c), year) : null;
  if (!r?.ok) c.header('x-coso-no-change', '1');
  return c.redirect(r?.ok ? `/calendar/${year}?saved=1` : `/calendar/${year ?? ''}`, 303);
});

calendarPages.get('/public/deadlines', allow('public'), async (c) => {
  const t = c.get('t');
  const q = c.req.query();
  const values = { rule: q.rule ?? '', start: q.start ?? '', variant: q.variant ?? '', remote: q.remote ?? '' };
  const today = localToday();
  const rules = listRules(today);
  if (!values.rule && !values.start) return c.render(<Calculator rules={rules} values={values} />, { title: t('calendar.calcTitle') });
  const errors: FieldErrors = {};
  const start = parseDateInput(values.start);
  if (!start) errors.start = t('validation.date');
  if (!findRule(values.rule, start ?? today)) errors.rule = t(values.rule ? 'calendar.error.notInForce' : 'validation.required', { today: values.start });
  if (Object.keys(errors).length) {
    c.status(400);
    return c.render(<Calculator rules={rules} values={values} errors={errors} />, { title: t('calendar.calcTitle') });
  }
  const { calendar, options } = await loadLegalTime(c.get('deps').db);
  const rule = findRule(values.rule, start!)!;
  try {
    const r = computeDeadline(rule, { start: start!, variant: values.variant || undefined, remote: values.remote === 'true' }, calendar, options);
    const counted = r.unit === 'working-days' ? calendar.workingDaysBetween(r.start, r.due) : Math.round((Date.parse(r.due) - Date.parse(r.start)) / 86400000);
    return c.render(<Calculator rules={rules} values={values} result={{ ...r, counted, trigger: rule.trigger, reading: rule.reading, openQuestion: rule.openQuestion }} />, { title: t('calendar.calcTitle') });
  } catch (e) {
    if (!(e instanceof DeadlineError)) throw e;
    c.status(400);
    return c.render(<Calculator rules={rules} values={values} errors={{ variant: t('calendar.error.variant') }} />, { title: t('calendar.calcTitle') });
  }
});

calendarPages.get('/deadlines/settings', allow('calendar.manage'), async (c) => {
  const { options } = await loadLegalTime(c.get('deps').db);
  const rules = listRules(localToday()).filter((r) => r.openQuestion || r.reading);
  return c.render(<RuleSettings rules={rules} overrides={options.unitOverrides ?? {}} readings={READINGS} readingValues={options.readings ?? {}} saved={!!c.req.query('saved')} />, { title: c.get('t')('calendar.settingsTitle') });
});

/** A settings form sent with a value its page never offers (only a tampered form can): 400, the error page naming the field. */
const settingsError = (c: Ctx, field: string) => validationError({ [field]: c.get('t')('validation.invalidChoice') });

const readingForm = z.object({ value: z.enum(['on', 'off', '']) });

/** Switches a day-off reading (plan 188 "trước ngày", Civil Code Art. 148(5) for consultations); audited. */
calendarPages.post('/deadlines/settings/readings/:readingId', allow('calendar.manage'), async (c) => {
  const form = await readForm(c, readingForm);
  const r = form.ok ? await setReading(c.get('deps').db, actorOf(c), c.req.param('readingId'), form.data.value === '' ? null : form.data.value === 'on') : null;
  if (!r?.ok) throw settingsError(c, 'value');
  return c.redirect('/deadlines/settings?saved=1', 303);
});

const unitForm = z.object({ unit: z.enum(['working-days', 'calendar-days', '']) });

calendarPages.post('/deadlines/settings/:ruleId', allow('calendar.manage'), async (c) => {
  const ruleId = c.req.param('ruleId');
  const form = await readForm(c, unitForm);
  if (!findRule(ruleId, localToday())) throw notFound();
  if (!form.ok) throw settingsError(c, 'unit');
  await setRuleUnit(c.get('deps').db, actorOf(c), ruleId, form.data.unit || null);
  return c.redirect('/deadlines/settings?saved=1', 303);
});
