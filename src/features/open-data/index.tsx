import { Hono } from 'hono';
import type { Context } from 'hono';
import { createRoute } from '@hono/zod-openapi';
import type { Feature } from '../../platform/http/feature.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { allow } from '../../platform/authz/index.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import { localDateOf } from '../../platform/clock.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { cacheable as cacheableFor } from '../../platform/http/cache.ts';
import { Table } from '../../platform/views/components.tsx';
import { apiRouter, z } from '../../platform/http/api.ts';
import { pageFrom, pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { getDataset, listDatasets, type Dataset, type Row } from '../../platform/opendata/index.ts';
import { ErrorSchema } from '../auth/index.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

type Ctx = Context<AppEnv>;
const pages = new Hono<AppEnv>();
const api = apiRouter();
const CHUNK = 1000;

/** Every row of a dataset, read in chunks. */
async function allRows(c: Ctx, d: Dataset): Promise<Row[]> {
  const out: Row[] = [];
  for (let offset = 0; ; offset += CHUNK) {
    const rows = await d.rows(c.get('deps').db, { limit: CHUNK, offset });
    out.push(...rows);
    if (rows.length < CHUNK) return out;
  }
}

/** Open data is cacheable and readable from any origin. */
const cacheable = (c: Ctx, body: string, contentType: string, extra: Record<string, string> = {}) => cacheableFor(c, body, contentType, { 'Access-Control-Allow-Origin': '*', ...extra });

const base = (c: Ctx) => c.get('deps').config.publicUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;
const pick = (c: Ctx, vi: string, en: string) => (c.get('lang') === 'en' ? en : vi);

async function meta(c: Ctx, d: Dataset) {
  const updated = await d.updated(c.get('deps').db);
  return {
    id: d.id, title: pick(c, d.title, d.titleEn), description: pick(c, d.description, d.descriptionEn), legalBasis: pick(c, d.legalBasis, d.legalBasisEn), publisher: pick(c, d.publisher, d.publisherEn),
    licence: { id: d.licence.id, url: d.licence.url, ...(d.licence.attribution ? { attribution: pick(c, d.licence.attribution, d.licence.attributionEn ?? d.licence.attribution) } : {}) },
    updated: updated ? (updated.length > 10 ? localDateOf(Date.parse(updated)) : updated) : null,
    columns: d.columns.map((col) => ({ name: col.name, type: col.type, description: pick(c, col.description, col.descriptionEn) })),
    csv: `/open-data/${d.id}.csv`, json: `/api/v1/public/datasets/${d.id}`,
  };
}

pages.get('/open-data', allow('public'), async (c) => {
  const t = c.get('t');
  const sets = await Promise.all(listDatasets().map((d) => meta(c, d)));
  return c.render(
    <>
      <h1>{t('opendata.title')}</h1>
      <p>{t('opendata.intro')}</p>
      <p><a href="/open-data/catalog.json">{t('opendata.catalog')}</a> · <a href="/api/v1/public/datasets">{t('opendata.apiList')}</a></p>
      {sets.map((d) => (
        <section class="dataset" id={`ds-${d.id}`} aria-labelledby={`ds-${d.id}-h`}>
          <h2 id={`ds-${d.id}-h`}>{d.title}</h2>
          <p>{d.description}</p>
          <dl class="summary">
            <dt>{t('opendata.legalBasis')}</dt><dd>{d.legalBasis}</dd>
            <dt>{t('opendata.publisher')}</dt><dd>{d.publisher}</dd>
            <dt>{t('opendata.licence')}</dt><dd><a href={d.licence.url}>{d.licence.id}</a>{d.licence.attribution ? ` · ${d.licence.attribution}` : ''}</dd>
            <dt>{t('opendata.updated')}</dt><dd>{d.updated ? formatDate(d.updated) : t('opendata.empty')}</dd>
          </dl>
          <p><a href={d.csv}>{t('opendata.csv')}</a> · <a href={d.json}>{t('opendata.json')}</a></p>
          <details><summary>{t('opendata.columns', { n: d.columns.length })}</summary>
            <Table head={[t('opendata.col.name'), t('opendata.col.type'), t('opendata.col.description')]} rows={d.columns.map((col) => [<code>{col.name}</code>, col.type, col.description])} />
          </details>
        </section>
      ))}
    </>,
    { title: t('opendata.title') },
  );
});

/** The catalogue in DCAT (JSON-LD): one dcat:Dataset per dataset with its CSV and JSON distributions. */
pages.get('/open-data/catalog.json', allow('public'), async (c) => {
  const root = base(c);
  const sets = await Promise.all(listDatasets().map((d) => meta(c, d)));
  const doc = {
    '@context': { dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/' },
    '@type': 'dcat:Catalog', 'dct:title': c.get('t')('opendata.title'), 'dct:language': c.get('lang'),
    'dcat:dataset': sets.map((d) => ({
      '@id': `${root}/open-data#ds-${d.id}`, '@type': 'dcat:Dataset', 'dct:identifier': d.id, 'dct:title': d.title, 'dct:description': d.description,
      'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': d.publisher }, 'dct:license': d.licence.url, 'dct:modified': d.updated, 'dct:conformsTo': d.legalBasis,
      'dcat:distribution': [
        { '@type': 'dcat:Distribution', 'dcat:downloadURL': `${root}${d.csv}`, 'dcat:mediaType': 'text/csv', 'dct:license': d.licence.url },
        { '@type': 'dcat:Distribution', 'dcat:accessURL': `${root}${d.json}`, 'dcat:mediaType': 'application/json', 'dct:license': d.licence.url },
      ],
    })),
  };
  return cacheable(c, JSON.stringify(doc), 'application/ld+json; charset=utf-8');
});

pages.get('/open-data/:file{[a-z][a-z0-9-]{1,40}\\.csv}', allow('public'), async (c) => {
  const d = getDataset(c.req.param('file').replace(/\.csv$/, ''));
  if (!d) return c.notFound();
  const rows = await allRows(c, d);
  const csv = toCsv(d.columns.map((col) => col.name), rows.map((r) => d.columns.map((col) => { const v = r[col.name]; return v == null ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : v; })));
  return cacheable(c, csv, 'text/csv; charset=utf-8', { 'Content-Disposition': `attachment; filename="${d.id}.csv"` });
});

const LicenceSchema = z.object({ id: z.string(), url: z.string().url(), attribution: z.string().optional() });
const ColumnSchema = z.object({ name: z.string(), type: z.enum(['string', 'integer', 'number', 'date', 'boolean']), description: z.string() });
const MetaSchema = z.object({ id: z.string(), title: z.string(), description: z.string(), legalBasis: z.string(), licence: LicenceSchema, publisher: z.string(), updated: z.string().nullable(), columns: z.array(ColumnSchema), csv: z.string(), json: z.string() }).openapi('OpenDataset');
const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

api.openapi(createRoute({
  method: 'get', path: '/public/datasets', middleware: [allow('public')] as const, security: [],
  responses: { 200: { content: { 'application/json': { schema: z.object({ items: z.array(MetaSchema) }) } }, description: 'The open datasets: what the law makes public' } },
}), async (c) => {
  const items = await Promise.all(listDatasets().map((d) => meta(c, d)));
  return cacheable(c, JSON.stringify({ items }), 'application/json; charset=utf-8') as never;
});

api.openapi(createRoute({
  method: 'get', path: '/public/datasets/{id}', middleware: [allow('public')] as const, security: [],
  request: { params: z.object({ id: z.string().max(41) }), query: z.object({ ...pageQuery }) },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ dataset: MetaSchema, items: z.array(z.record(z.string(), Cell)), next: z.string().nullable() }) } }, description: 'One page of a dataset (cursor pagination, ETag)' },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Bad limit or cursor' },
    404: { content: { 'application/json': { schema: ErrorSchema } }, description: 'No such dataset' },
  },
}), async (c) => {
  const d = getDataset(c.req.valid('param').id);
  if (!d) return c.json({ error: { code: 'not_found', message: c.get('t')('opendata.notFound') } }, 404);
  const p = pageOf(c.req.valid('query'));
  const page = pageFrom(await d.rows(c.get('deps').db, { limit: p.limit + 1, offset: p.offset }), p);
  return cacheable(c, JSON.stringify({ dataset: await meta(c, d), ...page }), 'application/json; charset=utf-8') as never;
});

/** Open data (/open-data, /api/v1/public/datasets): the datasets features register, as CSV and JSON, with a DCAT catalogue. */
export const openDataFeature: Feature = {
  name: 'open-data',
  messages: { vi, en },
  nav: [{ href: '/open-data', labelKey: 'opendata.nav', permission: 'public', order: 95 }],
  pages,
  api,
};
