import { Hono } from 'hono';
import type { Context } from 'hono';
import { createRoute } from '@hono/zod-openapi';
import type { Feature } from '../../platform/http/feature.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { allow } from '../../platform/authz/index.ts';
import { formatDate, formatNumber, type T } from '../../platform/i18n/index.ts';
import { Table } from '../../platform/views/components.tsx';
import { BarChart } from '../../platform/views/chart.tsx';
import { localToday } from '../../platform/clock.ts';
import { sendTable, type Cell } from '../../platform/http/tables.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { ErrorSchema } from '../auth/index.ts';
import { indicatorText } from '../../platform/indicators/index.ts';
import { listPeriods, OVERVIEW_FIGURES, trends, rank, SORTS, type Overview, type UnitRow } from './overview.service.ts';
import { load } from './overview.load.ts';
import { mapPages } from './map.pages.tsx';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

const ACTION = 'overview.view';
const pages = new Hono<AppEnv>();
pages.route('/', mapPages);
type Ctx = Context<AppEnv>;

const sortOf = (c: Ctx) => { const s = c.req.query('sort') ?? ''; return SORTS.includes(s) ? s : OVERVIEW_FIGURES[0].code; };
const num = (c: Ctx, n: number | null) => (n == null ? '—' : formatNumber(n, c.get('lang')));

/** "tăng 3 so với kỳ trước" / "không đổi"; judged better or worse by the figure's direction. */
function Change({ t, value, previous, worseWhenHigher }: { t: T; value: number | null; previous: number | null; worseWhenHigher: boolean }) {
  if (value == null || previous == null) return <span class="muted">{t('overview.noPrevious')}</span>;
  const d = Math.round((value - previous) * 100) / 100;
  if (d === 0) return <span class="muted">{t('overview.same')}</span>;
  const worse = worseWhenHigher ? d > 0 : d < 0;
  return <span class={worse ? 'change worse' : 'change better'}>{t(d > 0 ? 'overview.up' : 'overview.down', { n: Math.abs(d) })}</span>;
}

function reportCell(t: T, r: UnitRow['report']): string {
  if (!r) return t('overview.report.notRequired');
  if (r.status === 'missing' || r.status === 'draft') return r.late ? t('overview.report.missingLate') : t('overview.report.notSent');
  return r.late ? t('overview.report.late') : t('overview.report.onTime');
}

const head = (t: T) => [t('overview.col.rank'), t('overview.col.unit'), t('overview.col.report'), ...OVERVIEW_FIGURES.map((f) => t(`overview.short.${f.code}`)), t('overview.col.gaps')];
const cells = (c: Ctx, r: UnitRow, i: number): Cell[] => [i + 1, r.name, reportCell(c.get('t'), r.report), ...OVERVIEW_FIGURES.map((f) => r.values.get(f.code) ?? null), r.gaps];

function Ranking({ c, o, kind, id, sort, limit }: { c: Ctx; o: Overview; kind: string; id: string; sort: string; limit?: number }) {
  const t = c.get('t');
  const rows = rank(o.rows.filter((r) => r.kind === kind), sort).slice(0, limit);
  const sortLink = (s: string, label: string) => (s === sort ? <span aria-sort="descending">{label} ▾</span> : <a href={`/overview?period=${o.window.key}&sort=${s}#${id}`}>{label}</a>);
  return (
    <Table
      head={[t('overview.col.rank'), t('overview.col.unit'), t('overview.col.report'), ...OVERVIEW_FIGURES.map((f) => sortLink(f.code, t(`overview.short.${f.code}`))), kind === 'commune-committee' ? sortLink('gaps', t('overview.col.gaps')) : t('overview.col.gaps')]}
      rows={rows.map((r, i) => [String(i + 1), r.name, reportCell(t, r.report), ...OVERVIEW_FIGURES.map((f) => num(c, r.values.get(f.code) ?? null)), r.gaps == null ? '—' : String(r.gaps)])}
      empty={t('overview.noUnits')}
    />
  );
}

pages.get('/overview', allow(ACTION), async (c) => {
  const t = c.get('t');
  const o = await load(c);
  const periods = await listPeriods(c.get('deps').db);
  const trend = await trends(c.get('deps').db, localToday());
  const lang = c.get('lang');
  const sort = sortOf(c);
  const q = `period=${o.window.key}&sort=${sort}`;
  const drill = (code: string) => `/overview?period=${o.window.key}&sort=${code}#communes`;
  return c.render(
    <div class="overview">
      <h1><span class="caption">{t('overview.caption')}</span>{t('overview.title')}</h1>
      <p>{t('overview.period', { title: o.window.title, from: formatDate(o.window.from), to: formatDate(o.window.to), asOf: formatDate(o.asOf) })}
        {o.previous ? ' ' + t('overview.comparedWith', { title: o.previous.title }) : ''}</p>
      <form method="get" action="/overview" class="no-print inline-form">
        <div class="form-group">
          <label class="label" for="period">{t('overview.choosePeriod')}</label>
          <select id="period" name="period"><option value="ytd" selected={o.window.key === 'ytd'}>{t('overview.ytd', { year: Number(o.asOf.slice(0, 4)) })}</option>{periods.map((p) => <option value={p.id} selected={p.id === o.window.key}>{p.title}</option>)}</select>
          <input type="hidden" name="sort" value={sort} />
          <button type="submit" class="button button-secondary">{t('overview.show')}</button>
        </div>
      </form>
      <p class="no-print"><a href={`/overview.xlsx?${q}`}>{t('overview.xlsx')}</a> · <a href={`/overview.csv?${q}`}>{t('overview.csv')}</a> · <a href={`/overview/map?period=${o.window.key}&figure=${sort}`}>{t('overview.map.link')}</a> · {t('overview.printHint')}</p>
      <ul class="figures" aria-label={t('overview.figures')}>
        {o.reports && (
          <li class="figure" id="fig-reports">
            <span class="figure-label">{t('overview.fig.reports', { title: o.reports.period.title })}</span>
            <span class="figure-value">{t('overview.fig.reportsValue', { onTime: o.reports.onTime, units: o.reports.units })}</span>
            <span>{t('overview.fig.reportsDetail', { late: o.reports.late, missing: o.reports.missing })}</span>
            {o.reports.previousOnTime != null ? <span class="muted">{t('overview.fig.reportsPrevious', { onTime: o.reports.previousOnTime, units: o.reports.previousUnits ?? 0 })}</span> : <span class="muted">{t('overview.noPrevious')}</span>}
            <a class="no-print" href={`/report-periods/${o.reports.period.id}`}>{t('overview.drillReports')}</a>
            <details class="no-print"><summary>{t('overview.definition')}</summary><p>{t('overview.def.reports')}</p></details>
          </li>
        )}
        {o.figures.map((f) => ({ f, x: indicatorText(f.def, lang) })).map(({ f, x }) => (
          <li class="figure" id={`fig-${f.def.code}`}>
            <span class="figure-label">{x.label}</span>
            <span class="figure-value">{num(c, f.value)} <span class="muted">{x.unit}</span></span>
            <Change t={t} value={f.value} previous={f.previous} worseWhenHigher={f.worseWhenHigher} />
            <a class="no-print" href={drill(f.def.code)}>{t('overview.drill')}</a>
            <details class="no-print"><summary>{t('overview.definition')}</summary><p>{x.definition}</p></details>
          </li>
        ))}
        <li class="figure" id="fig-gaps">
          <span class="figure-label">{t('overview.fig.gaps')}</span>
          <span class="figure-value">{t('overview.fig.gapsValue', { n: o.disclosure.withGaps, units: o.disclosure.units })}</span>
          <Change t={t} value={o.disclosure.withGaps} previous={o.disclosure.previousWithGaps} worseWhenHigher={true} />
          <a class="no-print" href={drill('gaps')}>{t('overview.drill')}</a>
          <details class="no-print"><summary>{t('overview.definition')}</summary><p>{t('overview.def.gaps')}</p></details>
        </li>
      </ul>
      {(
        <section class="no-print" aria-labelledby="trends">
          <h2 id="trends">{t('overview.trends')}</h2>
          <p class="hint">{t('overview.trendsHint')}</p>
          <div class="charts">
            {o.figures.map((f) => <BarChart id={`trend-${f.def.code.replace(/\./g, '-')}`} title={indicatorText(f.def, lang).label} unit={indicatorText(f.def, lang).unit} lang={lang} tableLabel={t('overview.chartTable')} bars={trend.quarters.map((q, i) => ({ label: q.label, value: trend.values.get(f.def.code)![i] }))} />)}
          </div>
        </section>
      )}
      <h2 id="communes">{t('overview.communes')}</h2>
      <p class="hint no-print">{t('overview.rankHint', { by: sort === 'gaps' ? t('overview.col.gaps') : t(`overview.short.${sort}`) })}</p>
      <div class="print-only"><p>{t('overview.printTop', { n: 8 })}</p><Ranking c={c} o={o} kind="commune-committee" id="communes" sort={sort} limit={8} /></div>
      <div class="no-print"><Ranking c={c} o={o} kind="commune-committee" id="communes" sort={sort} /></div>
      <h2 id="departments">{t('overview.departments')}</h2>
      <div class="print-only"><Ranking c={c} o={o} kind="department" id="departments" sort={sort} limit={5} /></div>
      <div class="no-print"><Ranking c={c} o={o} kind="department" id="departments" sort={sort} /></div>
    </div>,
    { title: t('overview.title') },
  );
});

async function exportOverview(c: Ctx, ext: 'csv' | 'xlsx'): Promise<Response> {
  const t = c.get('t');
  const o = await load(c);
  const sort = sortOf(c);
  const rows = [...rank(o.rows.filter((r) => r.kind === 'commune-committee'), sort), ...rank(o.rows.filter((r) => r.kind === 'department'), sort)];
  return sendTable(c, ext, `tong-quan-${o.asOf}`, `${t('overview.title')} · ${o.window.title}`, { head: head(t), rows: rows.map((r, i) => cells(c, r, i)) });
}
pages.get('/overview.csv', allow(ACTION), (c) => exportOverview(c, 'csv'));
pages.get('/overview.xlsx', allow(ACTION), (c) => exportOverview(c, 'xlsx'));

const api = apiRouter();
const WindowSchema = z.object({ key: z.string().openapi({ description: "'ytd' (this year so far) or a report period id" }), title: z.string(), from: z.string().openapi({ format: 'date' }), to: z.string().openapi({ format: 'date' }) });
const FigureSchema = z.object({ code: z.string(), label: z.string(), unit: z.string(), definition: z.string(), value: z.number().nullable(), previous: z.number().nullable(), worseWhenHigher: z.boolean() });
const RowSchema = z.object({ unitId: z.string(), name: z.string(), kind: z.enum(['commune-committee', 'department']), report: z.object({ status: z.string(), late: z.boolean() }).nullable(), disclosureGaps: z.number().nullable(), values: z.record(z.string(), z.number().nullable()) });
api.openapi(createRoute({
  method: 'get', path: '/overview', middleware: [allow(ACTION)] as const,
  request: { query: z.object({ period: z.string().optional().openapi({ description: "A report period id; this year so far ('ytd') when left out" }) }) },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ window: WindowSchema, asOf: z.string().openapi({ format: 'date' }), previous: WindowSchema.nullable(), reports: z.object({ periodId: z.string(), title: z.string(), units: z.number().int(), onTime: z.number().int(), late: z.number().int(), missing: z.number().int() }).nullable(), disclosureGaps: z.object({ units: z.number(), withGaps: z.number() }), figures: z.array(FigureSchema), units: z.array(RowSchema) }) } }, description: 'The province at a glance for one report period' },
    401: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Not signed in' },
    403: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Not allowed' },
  },
}), async (c) => {
  const o = await load(c);
  return c.json({
    window: { key: o.window.key, title: o.window.title, from: o.window.from, to: o.window.to }, asOf: o.asOf,
    previous: o.previous ? { key: o.previous.key, title: o.previous.title, from: o.previous.from, to: o.previous.to } : null,
    reports: o.reports ? { periodId: o.reports.period.id, title: o.reports.period.title, units: o.reports.units, onTime: o.reports.onTime, late: o.reports.late, missing: o.reports.missing } : null,
    disclosureGaps: { units: o.disclosure.units, withGaps: o.disclosure.withGaps },
    figures: o.figures.map((f) => ({ code: f.def.code, label: f.def.label, unit: f.def.unit, definition: f.def.definition, value: f.value, previous: f.previous, worseWhenHigher: f.worseWhenHigher })),
    units: o.rows.map((r) => ({ unitId: r.unitId, name: r.name, kind: r.kind as 'commune-committee' | 'department', report: r.report, disclosureGaps: r.gaps, values: Object.fromEntries(r.values) })),
  }, 200);
});

/** Province overview (plan 188 III.1: the Department "theo dõi, đôn đốc"): headline figures, rankings, exports. */
export const overviewFeature: Feature = {
  name: 'overview',
  actions: { [ACTION]: ['admin', 'coordinator', 'leader', 'observer'] },
  messages: { vi, en },
  nav: [{ href: '/overview', labelKey: 'overview.nav', permission: ACTION, order: 5 }, { href: '/public/map', labelKey: 'overview.public.nav', permission: 'public', order: 93 }],
  pages,
  api,
};
