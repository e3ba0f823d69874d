/** Generated tasks (with the communes' own plans under the province plan), disclosures and reports with indicator values. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/clock.ts';
import { plusDays } from '../../domain/calendar/dates.ts';
import { foldVietnamese } from '../../domain/text/normalize.ts';
import { itemsOf } from '../../domain/disclosure/catalogue.ts';
import { legalTime } from '../../features/petitions/petitions.clock.ts';
import { clock } from '../../features/petitions/petitions.clock.ts';
import { bulkInsert, type Random } from './bulk.ts';
import type { Commune } from './units.ts';

const BATCH = 20_000;
const TASK_TITLES = ['Tổ chức hội nghị đối thoại với Nhân dân', 'Công khai thông tin theo Điều 11 Luật Thực hiện dân chủ ở cơ sở', 'Kiện toàn Ban Thanh tra nhân dân', 'Tập huấn kỹ năng dân vận cho cán bộ, công chức', 'Tiếp công dân định kỳ của Chủ tịch UBND', 'Rà soát, giải quyết kiến nghị cử tri', 'Xây dựng mô hình "Dân vận khéo"', 'Báo cáo kết quả thực hiện dân chủ ở cơ sở'];
const AREAS = ['', '', '', 'land-environment', 'public-investment', 'admin-reform', 'anti-corruption', 'people-funds'];

/** The province plan the communes answer (the demo's plan 188), with its tracked items. */
async function provincePlan(db: Db) {
  const plan = await db.selectFrom('plans').select(['id', 'document']).where('parent_plan_id', 'is', null).where('document_number', '=', '188/KH-UBND').executeTakeFirst();
  if (!plan) return null;
  const items = await db.selectFrom('plan_items').select(['id', 'number', 'title']).where('plan_id', '=', plan.id).where('tracked', '=', 1).orderBy('position').execute();
  return { ...plan, items };
}

/** Unit plans for about 60 % of the communes that have none (the coverage matrix's filled rows); returns each commune's carried items. */
async function unitPlans(db: Db, rnd: Random, communes: Commune[]): Promise<Map<string, { planId: string; items: string[] }>> {
  const root = await provincePlan(db);
  const out = new Map<string, { planId: string; items: string[] }>();
  if (!root) return out;
  const has = new Set((await db.selectFrom('plans').select('unit_id').where('parent_plan_id', '=', root.id).execute()).map((p) => p.unit_id));
  const now = nowIso();
  const plans: Record<string, unknown>[] = [];
  const items: Record<string, unknown>[] = [];
  for (const c of communes) {
    if (has.has(c.id) || rnd.next() >= 0.6) continue;
    const id = randomUUID();
    const issued = rnd.next() < 0.7;
    plans.push({ id, parent_plan_id: root.id, unit_id: c.id, document_number: issued ? `${1 + rnd.int(200)}/KH-UBND` : null, title: `Kế hoạch triển khai của ${c.name}`, issued_on: issued ? '2025-02-20' : null, place: null, status: issued ? 'issued' : 'draft', due_on: null, document: root.document, note: null, created_at: now, updated_at: now });
    const carried = root.items.map((it, j) => ({ id: randomUUID(), plan_id: id, parent_id: null, source_item_id: it.id, number: it.number, title: it.title, body: null, footnotes: '[]', tracked: 1, position: j }));
    items.push(...carried);
    out.set(c.id, { planId: id, items: carried.map((x) => x.id) });
  }
  await bulkInsert(db, 'plans', plans);
  await bulkInsert(db, 'plan_items', items);
  return out;
}

/** Inserts `n` tasks over two years: most under a commune's plan item, the rest the commune's own. */
export async function generateTasks(db: Db, rnd: Random, today: string, communes: Commune[], n: number): Promise<number> {
  const plans = await unitPlans(db, rnd, communes);
  const now = nowIso();
  let done = 0;
  while (done < n) {
    const rows = Array.from({ length: Math.min(BATCH, n - done) }, () => {
      const c = rnd.pick(communes);
      const p = plans.get(c.id);
      const start = plusDays(today, -rnd.daysAgo(730));
      const due = plusDays(start, 30 + rnd.int(150));
      const past = due < today;
      const x = rnd.next();
      const status = past ? (x < 0.8 ? 'done' : x < 0.95 ? 'in-progress' : 'blocked') : x < 0.4 ? 'not-started' : x < 0.9 ? 'in-progress' : 'done';
      const area = rnd.pick(AREAS);
      return {
        id: randomUUID(), plan_id: p?.planId ?? null, plan_item_id: p ? rnd.pick(p.items) : null, parent_task_id: null, unit_id: c.id, assignee_id: null, co_unit_ids: '[]',
        areas: area ? `["${area}"]` : '[]', title: rnd.pick(TASK_TITLES), start_on: start, due_on: due, due_rule: null, status, progress: status === 'done' ? 100 : status === 'not-started' ? 0 : 10 * (1 + rnd.int(9)),
        progress_manual: 1, weight: 1, note: null, created_at: now, updated_at: now, done_on: status === 'done' ? [plusDays(due, -rnd.int(20)), today].sort()[0] : null,
      };
    });
    done += await bulkInsert(db, 'tasks', rows);
  }
  return done;
}

/** Inserts `n` commune disclosures over two years (items of Art. 11, publishing term from the deadline engine, posting days from the catalogue). */
export async function generateDisclosures(db: Db, rnd: Random, today: string, communes: Commune[], n: number): Promise<number> {
  const lt = await legalTime(db);
  const items = itemsOf('commune', today);
  const due = new Map<string, string>();
  const publishDue = (d: string) => due.get(d) ?? due.set(d, clock(lt, 'disclosure.publish', d).due).get(d)!;
  const forms = JSON.stringify([{ form: 'posting', photoFileId: null, url: null, informedOn: null, broadcastDays: [], note: null }]);
  const now = nowIso();
  let done = 0;
  while (done < n) {
    const rows = Array.from({ length: Math.min(BATCH, n - done) }, () => {
      const c = rnd.pick(communes);
      const item = rnd.pick(items);
      const decided = plusDays(today, -rnd.daysAgo(730) - 1);
      const posted = [plusDays(decided, rnd.next() < 0.9 ? rnd.int(5) : 5 + rnd.int(20)), today].sort()[0];
      const title = `${item.title.split(';')[0].slice(0, 120)} (${posted.slice(0, 4)})`;
      const pd = publishDue(decided);
      return {
        id: randomUUID(), unit_id: c.id, item_code: item.code, title, document_no: rnd.next() < 0.7 ? `${1 + rnd.int(500)}/QĐ-UBND` : null, decision_on: decided, publish_due: pd,
        posted_on: posted, posted_until: item.postingDays ? plusDays(posted, item.postingDays) : null, removed_on: null, late: posted > pd ? 1 : 0, file_id: null, forms,
        search_text: ` ${foldVietnamese(`${title} ${c.name}`)} `, consultation_id: null, consultation_stage: null, created_by: null, created_at: now, updated_at: now,
      };
    });
    done += await bulkInsert(db, 'disclosures', rows);
  }
  return done;
}

/** Reports (statuses mixed, every indicator of the regime filled, two narrative sections) for past periods' reporting units that have none, up to `n`. */
export async function generateReports(db: Db, rnd: Random, today: string, n: number): Promise<{ reports: number; values: number }> {
  const regimes = await db.selectFrom('report_regimes').select(['id', 'indicators']).execute();
  const rows: Record<string, unknown>[] = [];
  const values: Record<string, unknown>[] = [];
  const sections: Record<string, unknown>[] = [];
  for (const g of regimes) {
    const codes = JSON.parse(g.indicators) as string[];
    const periods = await db.selectFrom('report_periods').select(['id', 'due_date']).where('regime_id', '=', g.id).where('due_date', '<', today).orderBy('due_date', 'desc').execute();
    for (const p of periods) {
      const units = await db.selectFrom('report_period_units as pu').leftJoin('reports as r', (j) => j.onRef('r.period_id', '=', 'pu.period_id').onRef('r.unit_id', '=', 'pu.unit_id'))
        .select('pu.unit_id').where('pu.period_id', '=', p.id).where('r.id', 'is', null).execute();
      for (const u of units) {
        if (rows.length >= n) break;
        const x = rnd.next();
        const status = x < 0.6 ? 'accepted' : x < 0.85 ? 'submitted' : x < 0.93 ? 'returned' : 'draft';
        const sent = status === 'draft' ? null : `${plusDays(p.due_date, -rnd.int(10) + (rnd.next() < 0.1 ? 12 : 0))}T02:00:00.000Z`;
        const id = randomUUID();
        rows.push({ id, period_id: p.id, unit_id: u.unit_id, status, version: sent ? 1 : 0, first_submitted_at: sent, submitted_at: sent, late: sent && sent.slice(0, 10) > p.due_date ? 1 : 0, reviewed_at: status === 'accepted' ? sent : null, reviewed_by: null, review_comment: null, updated_by: null, created_at: sent ?? nowIso(), updated_at: sent ?? nowIso() });
        for (const code of codes) values.push({ report_id: id, code, value: rnd.next() < 0.03 ? null : String(code.endsWith('.rate') ? Math.round(rnd.next() * 1000) / 10 : rnd.int(200)), computed: null, override_reason: null });
        sections.push({ report_id: id, key: 'limitations', text: 'Thiếu công chức chuyên trách; số liệu một số thôn chưa đầy đủ.', comment: null });
      }
    }
  }
  await bulkInsert(db, 'reports', rows);
  await bulkInsert(db, 'report_values', values);
  await bulkInsert(db, 'report_sections', sections);
  return { reports: rows.length, values: values.length };
}
