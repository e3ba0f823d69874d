import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Feature } from '../../platform/http/feature.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { allow, scopeOf } from '../../platform/authz/index.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { Table } from '../../platform/views/components.tsx';
import { SUPERVISION_AREAS, SUPERVISION_AREA_CODES } from '../../domain/supervision-areas.ts';
import { unitNames } from '../units/index.ts';
import { areaItems, areaSummaries, scopeUnits } from './supervision.repository.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

const ACTION = 'supervision.view';
const pages = new Hono<AppEnv>();

const areaLabel = (c: Context<AppEnv>, code: string) => {
  const a = SUPERVISION_AREAS.find((x) => x.code === code);
  return a ? (c.get('lang') === 'en' ? a.en : a.vi) : code;
};
const scopeFor = (c: Context<AppEnv>) => scopeUnits(c.get('deps').db, scopeOf(c.get('user'), ACTION));
const isArea = (code: string) => (SUPERVISION_AREA_CODES as string[]).includes(code);

pages.get('/supervision', allow(ACTION), async (c) => {
  const t = c.get('t');
  const scope = await scopeFor(c);
  const rows = await areaSummaries(c.get('deps').db, SUPERVISION_AREA_CODES, scope, localToday());
  return c.render(
    <>
      <h1>{t('supervision.title')}</h1>
      <p>{t('supervision.intro')}</p>
      <p class="hint">{scope === 'all' ? t('supervision.scopeAll') : t('supervision.scopeMine')}</p>
      <Table
        head={[t('supervision.col.area'), t('supervision.col.tasksOpen'), t('supervision.col.tasksOverdue'), t('supervision.col.petitionsOpen'), t('supervision.col.petitionsOverdue')]}
        rows={rows.map((r) => [<a href={`/supervision/${r.area}`}>{areaLabel(c, r.area)}</a>, r.tasksOpen, r.tasksOverdue ? <strong>{r.tasksOverdue}</strong> : 0, r.petitionsOpen, r.petitionsOverdue ? <strong>{r.petitionsOverdue}</strong> : 0])}
      />
    </>,
    { title: t('supervision.title') },
  );
});

async function load(c: Context<AppEnv>, area: string) {
  const db = c.get('deps').db;
  const items = await areaItems(db, area, await scopeFor(c), localToday());
  const names = await unitNames(db, [...new Set([...items.tasks.map((x) => x.unitId), ...items.petitions.map((x) => x.unitId)])]);
  return { ...items, unit: (id: string) => names.get(id)?.fullName ?? id };
}

pages.get('/supervision/:area{[a-z-]+\\.csv}', allow(ACTION), async (c) => {
  const area = c.req.param('area').replace(/\.csv$/, '');
  if (!isArea(area)) return c.notFound();
  const t = c.get('t');
  const d = await load(c, area);
  const csv = toCsv(
    [t('supervision.tasks') + ' / ' + t('supervision.petitions'), t('supervision.col.code'), t('supervision.col.title'), t('supervision.col.unit'), t('supervision.col.status'), t('supervision.col.received'), t('supervision.col.due')],
    [
      ...d.tasks.map((x) => [t('supervision.tasks'), '', x.title, d.unit(x.unitId), t(`tasks.status.${x.overdue ? 'overdue' : x.status}`), '', formatDate(x.dueOn)]),
      ...d.petitions.map((x) => [t('supervision.petitions'), x.trackingCode, x.title ?? t('supervision.sealedTitle'), d.unit(x.unitId), t(`petitions.st.${x.status}`), formatDate(x.receivedOn), formatDate(x.dueOn)]),
    ],
  );
  return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="linh-vuc-${area}-${localToday()}.csv"` });
});

pages.get('/supervision/:area', allow(ACTION), async (c) => {
  const area = c.req.param('area');
  if (!isArea(area)) return c.notFound();
  const t = c.get('t');
  const d = await load(c, area);
  return c.render(
    <>
      <p><a href="/supervision">{t('supervision.back')}</a></p>
      <h1><span class="caption">{t('supervision.nav')}</span>{areaLabel(c, area)}</h1>
      <p><a href={`/supervision/${area}.csv`}>{t('supervision.csv')}</a></p>
      <h2>{t('supervision.tasks')} ({d.tasks.length})</h2>
      <Table
        head={[t('supervision.col.task'), t('supervision.col.unit'), t('supervision.col.due'), t('supervision.col.status'), t('supervision.col.progress')]}
        rows={d.tasks.map((x) => [<a href={`/tasks/${x.id}`}>{x.title}</a>, d.unit(x.unitId), formatDate(x.dueOn), x.overdue ? <strong>{t('tasks.status.overdue')}</strong> : t(`tasks.status.${x.status}`), `${x.progress}%`])}
        empty={t('supervision.noTasks')}
      />
      <h2>{t('supervision.petitions')} ({d.petitions.length})</h2>
      <Table
        head={[t('supervision.col.code'), t('supervision.col.kind'), t('supervision.col.title'), t('supervision.col.unit'), t('supervision.col.received'), t('supervision.col.due'), t('supervision.col.status')]}
        rows={d.petitions.map((x) => [<a href={`/petitions/${x.id}`}>{x.trackingCode}</a>, t(`petitions.kind.${x.kind ?? 'unknown'}`), x.title ?? <span class="muted">{t('supervision.sealedTitle')}</span>, d.unit(x.unitId), formatDate(x.receivedOn), formatDate(x.dueOn), x.overdue ? <strong>{t(`petitions.st.${x.status}`)}</strong> : t(`petitions.st.${x.status}`)])}
        empty={t('supervision.noPetitions')}
      />
    </>,
    { title: areaLabel(c, area) },
  );
});

/** Supervision areas (plan II.11): tasks and petitions on one area, for leaders, the coordinator and the Party commission. */
export const supervisionFeature: Feature = {
  name: 'supervision',
  actions: { [ACTION]: ['admin', 'coordinator', 'leader', 'observer', 'unit-head'] },
  messages: { vi, en },
  nav: [{ href: '/supervision', labelKey: 'supervision.nav', permission: ACTION, order: 36 }],
  pages,
};
