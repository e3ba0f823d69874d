import { Hono } from 'hono';
import { verifyChain } from '../../platform/audit/index.ts';
import { allow } from '../../platform/authz/index.ts';
import type { AppEnv, Ctx } from '../../platform/http/context.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { fieldErrors, queryValues, validationError } from '../../platform/http/validate.ts';
import { formatDateTime, localToday } from '../../platform/i18n/index.ts';
import { Pagination } from '../../platform/views/components.tsx';
import { unitNames } from '../units/index.ts';
import { findEvents, type AuditFilter } from './audit.repository.ts';
import { auditQuery } from './audit.schema.ts';
import { AuditFilters, EventList, VerifyBanner } from './views/list.tsx';

export const auditPages = new Hono<AppEnv>();
const PAGE_SIZE = 50;
/** The most rows one CSV export holds (newest first); narrow the filters for older events. */
export const EXPORT_MAX = 20_000;

/** Reads the filters; the query string without page/verify is kept for links (pagination, export, verify). */
function filters(c: Ctx) {
  const values = queryValues(c);
  const r = auditQuery.safeParse(values);
  const keep = Object.fromEntries(Object.entries(values).filter(([k, v]) => v && k !== 'page' && k !== 'verify' && k !== 'lang'));
  if (!r.success) return { values, keep, errors: fieldErrors(r.error, c.get('t')), filter: null, page: 1 };
  const { page, ...filter } = r.data;
  return { values, keep, errors: undefined, filter: filter as AuditFilter, page: page ?? 1 };
}

auditPages.get('/audit', allow('audit.view'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const f = filters(c);
  if (f.errors) c.status(400);
  const rows = f.filter ? await findEvents(db, f.filter, { limit: PAGE_SIZE + 1, offset: (f.page - 1) * PAGE_SIZE }) : [];
  const items = rows.slice(0, PAGE_SIZE);
  const units = await unitNames(db, items.flatMap((e) => (e.unitId ? [e.unitId] : [])));
  const verified = c.req.query('verify') === '1' ? await verifyChain(db) : null;
  const qs = new URLSearchParams(f.keep).toString();
  return c.render(
    <>
      <h1>{t('audit.title')}</h1>
      <p class="muted">{t('audit.intro')}</p>
      {verified && <VerifyBanner result={verified} />}
      <p class="actions"><a href={`/audit?${new URLSearchParams({ ...f.keep, verify: '1' })}`}>{t('audit.verify')}</a> <a href={`/audit.csv${qs ? `?${qs}` : ''}`}>{t('audit.export')}</a></p>
      <AuditFilters values={f.values} errors={f.errors} />
      <h2>{t('audit.results')}</h2>
      <EventList items={items} units={units} />
      <Pagination page={f.page} hasNext={rows.length > PAGE_SIZE} baseQuery={f.keep} />
    </>,
    { title: t('audit.title') },
  );
});

auditPages.get('/audit.csv', allow('audit.view'), async (c) => {
  const t = c.get('t');
  const f = filters(c);
  if (!f.filter) throw validationError(f.errors ?? {});
  const items = await findEvents(c.get('deps').db, f.filter, { limit: EXPORT_MAX });
  const csv = toCsv(
    [t('audit.col.seq'), 'id', t('audit.col.at'), 'at (UTC)', t('audit.col.actor'), 'actorId', t('audit.col.action'), t('audit.col.subject'), 'subjectId', 'unitId', t('audit.col.ip'), t('audit.col.requestId'), t('audit.col.visibility'), t('audit.col.changes')],
    items.map((e) => [e.seq, e.id, formatDateTime(e.at), e.at, e.actorName, e.actorId, e.action, e.subjectType, e.subjectId, e.unitId, e.ip, e.requestId, e.visibility, e.changes === null ? '' : JSON.stringify(e.changes)]),
  );
  return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="nhat-ky-${localToday()}.csv"` });
});
