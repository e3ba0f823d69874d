import { Hono } from 'hono';
import { allow } from '../../platform/authz/index.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { Table } from '../../platform/views/components.tsx';
import { isOverdue } from './petitions.present.ts';

export const dashboardPages = new Hono<AppEnv>();

const count = <T,>(rows: T[], key: (r: T) => string) => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
};

/** Province-wide numbers: by kind, field, unit and status; on-time rate; overdue list. */
dashboardPages.get('/petitions/dashboard', allow('petitions.dashboard'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const rows = await db.selectFrom('petitions').innerJoin('units', 'units.id', 'petitions.handling_unit_id')
    .select(['petitions.id', 'tracking_code', 'petitions.kind', 'field', 'status', 'due_on', 'resolved_on', 'units.full_name as unit']).execute();
  const today = localToday();
  const resolved = rows.filter((r) => r.status === 'resolved');
  const onTime = resolved.filter((r) => !r.due_on || (r.resolved_on ?? today) <= r.due_on).length;
  const overdue = rows.filter((r) => isOverdue(r, today));
  const block = (caption: string, pairs: [string, number][]) => <Table caption={caption} head={[caption, t('petitions.total')]} rows={pairs.map(([k, n]) => [k, String(n)])} />;
  return c.render(
    <>
      <h1>{t('petitions.dashboard')}</h1>
      <p><a href="/petitions/remote-units">{t('petitions.remoteUnits')}</a> · <a href="/petitions/export.xlsx">{t('petitions.export')} ({t('petitions.exportXlsx')})</a></p>
      <p>{t('petitions.total')}: <strong>{rows.length}</strong> · {t('petitions.onTime')}: <strong id="on-time">{resolved.length ? `${Math.round((100 * onTime) / resolved.length)} %` : '—'}</strong> ({onTime}/{resolved.length})</p>
      {block(t('petitions.kind'), count(rows, (r) => t(`petitions.kind.${r.kind ?? 'unknown'}`)))}
      {block(t('petitions.field'), count(rows, (r) => (r.field ? t(`petitions.field.${r.field}`) : '—')))}
      {block(t('petitions.status'), count(rows, (r) => t(`petitions.st.${r.status}`)))}
      {block(t('petitions.handlingUnit'), count(rows, (r) => r.unit))}
      <Table caption={t('petitions.overdue')} head={[t('petitions.code'), t('petitions.handlingUnit'), t('petitions.dueOn')]}
        rows={overdue.map((r) => [<a href={`/petitions/${r.id}`}>{r.tracking_code}</a>, r.unit, formatDate(r.due_on)])} />
    </>,
    { title: t('petitions.dashboard') },
  );
});
