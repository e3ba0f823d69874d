import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { getPeriod, getRegime, periodStatuses } from './reports.repository.ts';
import { aggregatePeriod } from './reports.aggregate.ts';
import { compiledText, issueCompilation } from './reports.compilation.ts';
import { createPeriod } from './reports.service.ts';
import { DEFAULT_CUTOFFS, PLAN188_REGIME } from './reports.regime.ts';
import { cutoffBefore, lastDayToSubmit } from '../../domain/reporting/index.ts';
import { Calendar } from '../../domain/calendar/index.ts';
import type { Period } from './reports.repository.ts';
import type { ReportsTable } from './reports.tables.ts';

/** Inserts the plan 188 regime (idempotent by code) and its two 2025 periods with this day's reporting units. */
export async function seedPlan188Regime(db: Db, unitsAt: string): Promise<{ regimeId: string; periodIds: string[] }> {
  const existing = await db.selectFrom('report_regimes').select('id').where('code', '=', PLAN188_REGIME.code).executeTakeFirst();
  if (existing) {
    const ps = await db.selectFrom('report_periods').select('id').where('regime_id', '=', existing.id).orderBy('due_date').execute();
    return { regimeId: existing.id, periodIds: ps.map((p) => p.id) };
  }
  const id = randomUUID();
  const now = nowIso();
  const R = PLAN188_REGIME;
  await inTransaction(db, async (trx) => {
    await trx.insertInto('report_regimes').values({
      id, code: R.code, name: R.name, content: R.content, legal_basis: R.legalBasis, unit_kinds: JSON.stringify(R.unitKinds), recipient: R.recipient,
      copy_to: JSON.stringify(R.copyTo), sending_method: R.sendingMethod, frequency: JSON.stringify(R.frequency), outline: JSON.stringify(R.outline),
      indicators: JSON.stringify(R.indicators), guidance: R.guidance, reminder_days: R.reminderDays, created_at: now, updated_at: now,
    }).execute();
    await record(trx, SYSTEM_ACTOR, { action: 'reports.regime.create', subjectType: 'report-regime', subjectId: id, changes: { code: R.code }, visibility: 'public' });
  });
  const regime = (await getRegime(db, id))!;
  const periodIds: string[] = [];
  for (const f of R.frequency) periodIds.push(await createPeriod(db, SYSTEM_ACTOR, regime, { title: f.title, kind: f.kind, from: f.from, to: f.to, due: f.due, dueMode: f.dueMode }, unitsAt));
  return { regimeId: id, periodIds };
}

type CyclePeriod = Omit<Period, 'id' | 'regimeId'>;

/**
 * The plan 188 reporting cycle after 2025, relative to `today`: the last period whose due date has
 * passed (when it is after 2025) and the next one due, with the plan's due days and the default
 * cut-offs of their year.
 */
export function currentCycle(today: string): { period: CyclePeriod; open: boolean }[] {
  const year = Number(today.slice(0, 4));
  const calendar = new Calendar();
  const all = [year - 1, year, year + 1].flatMap((y) => PLAN188_REGIME.frequency.map((f) => {
    const due = `${y}${f.due.slice(4)}`;
    const lastDay = lastDayToSubmit(due, f.dueMode, calendar);
    return {
      kind: f.kind, title: f.kind === 'semiannual' ? `Báo cáo 06 tháng đầu năm ${y}` : `Báo cáo năm ${y}`,
      ...cutoffBefore(DEFAULT_CUTOFFS[f.kind](y), lastDay), due, dueMode: f.dueMode, lastDay,
    };
  })).filter((p) => p.due > PLAN188_REGIME.frequency[PLAN188_REGIME.frequency.length - 1].due).sort((a, b) => (a.due < b.due ? -1 : 1));
  const next = all.findIndex((p) => p.lastDay >= today);
  const out: { period: CyclePeriod; open: boolean }[] = [];
  if (next > 0) out.push({ period: all[next - 1], open: false });
  if (next >= 0) out.push({ period: all[next], open: true });
  return out;
}

/** Deterministic pseudo-random numbers (the demo is the same on every run). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS: Record<string, (u: string, n: number) => string> = {
  'item-1': (u, n) => `${u} ban hành ${n} văn bản triển khai Kế hoạch số 188/KH-UBND; quán triệt đến toàn thể cán bộ, công chức, viên chức, người lao động.`,
  'item-3': (u) => `${u} đã có văn bản phân công người đứng đầu trực tiếp phụ trách và một công chức theo dõi công tác dân vận, thực hiện dân chủ ở cơ sở.`,
  'item-5': (_u, n) => `Người đứng đầu tiếp công dân định kỳ ${n} ngày; các đơn thư được phân loại, xử lý đúng thẩm quyền, không để chuyển đơn lòng vòng.`,
  'item-12': (_u, n) => `Đăng ký xây dựng ${n} mô hình "Dân vận khéo"; các mô hình bước đầu phát huy hiệu quả.`,
  limitations: () => 'Việc sắp xếp tổ chức bộ máy làm một số nội dung triển khai chậm; số liệu ở một số thôn, tổ dân phố chưa đầy đủ.',
  proposals: () => 'Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ về công tác dân vận chính quyền cho công chức mới được phân công.',
};

/**
 * Demo reports of the two 2025 periods: a realistic mix (accepted, submitted, returned with
 * comments, drafts, missing; some sent late). Phường Pleiku has its 6-month report accepted and its
 * annual report still to write; Sở Tư pháp has an annual draft.
 */
export async function seedDemoReports(db: Db, opts: { unitsAt: string; keepMissing?: string[]; draftFor?: string[] }): Promise<void> {
  const { periodIds: plan2025 } = await seedPlan188Regime(db, opts.unitsAt);
  const regimeRow = await db.selectFrom('report_regimes').select('id').where('code', '=', PLAN188_REGIME.code).executeTakeFirstOrThrow();
  const regime = (await getRegime(db, regimeRow.id))!;
  const rand = rng(188);
  type Mix = { accepted: number; submitted: number; returned: number; draft: number; open?: boolean };
  const mix: Mix[] = [
    { accepted: 0.68, submitted: 0.08, returned: 0.08, draft: 0.04 },
    { accepted: 0.38, submitted: 0.2, returned: 0.1, draft: 0.1 },
  ];
  const periodIds = [...plan2025];
  // The same cycle in the years after the plan, relative to today: the last period past its due date
  // (closed, a realistic mix) and the next one (open: drafts and a few reports sent already).
  const cycle = currentCycle(opts.unitsAt);
  for (const c of cycle) {
    periodIds.push(await createPeriod(db, SYSTEM_ACTOR, regime, c.period, opts.unitsAt));
    mix.push(c.open ? { accepted: 0.04, submitted: 0.12, returned: 0.04, draft: 0.3, open: true } : { accepted: 0.6, submitted: 0.12, returned: 0.08, draft: 0.05 });
  }
  const todayMs = Date.parse(`${opts.unitsAt}T09:00:00+07:00`);
  await inTransaction(db, async (trx) => {
    let made = 0;
    for (const [pi, periodId] of periodIds.entries()) {
      const p = (await trx.selectFrom('report_periods').selectAll().where('id', '=', periodId).executeTakeFirstOrThrow());
      const period = (await getPeriod(trx, p.id))!;
      const statuses = await periodStatuses(trx, period);
      const reports: ReportsTable[] = [];
      const values: { report_id: string; code: string; value: string | null; computed: string | null; override_reason: string | null }[] = [];
      const sections: { report_id: string; key: string; text: string; comment: string | null }[] = [];
      const versions: { id: string; report_id: string; version: number; event: string; snapshot: string; actor_id: string | null; at: string }[] = [];
      for (const s of statuses) {
        const x = rand();
        const m = mix[pi];
        let status = x < m.accepted ? 'accepted' : x < m.accepted + m.submitted ? 'submitted' : x < m.accepted + m.submitted + m.returned ? 'returned' : x < m.accepted + m.submitted + m.returned + m.draft ? 'draft' : 'missing';
        if (opts.keepMissing?.includes(s.unitId)) status = pi === 0 ? 'accepted' : 'missing';
        if (opts.draftFor?.includes(s.unitId)) status = pi === 0 ? 'accepted' : 'draft';
        if (m.open && (status === 'accepted' || status === 'returned') && rand() < 0.5) status = 'submitted';
        if (status === 'missing') continue;
        const id = randomUUID();
        const late = status !== 'draft' && !m.open && rand() < 0.15;
        const dueMs = Date.parse(`${period.lastDay}T09:00:00+07:00`) + 86_400_000;
        const sentMs = m.open ? todayMs - (1 + Math.floor(rand() * 12)) * 86_400_000 : dueMs + (late && !m.open ? 1 + Math.floor(rand() * 9) : -(1 + Math.floor(rand() * 15))) * 86_400_000;
        const sentAt = status === 'draft' ? null : new Date(Math.min(sentMs, todayMs - 86_400_000)).toISOString();
        const version = status === 'draft' ? 0 : 1;
        reports.push({ id, period_id: periodId, unit_id: s.unitId, status, version, first_submitted_at: sentAt, submitted_at: sentAt, late: late ? 1 : 0, reviewed_at: status === 'accepted' || status === 'returned' ? sentAt : null, reviewed_by: null, review_comment: status === 'returned' ? 'Đề nghị bổ sung số liệu tiếp công dân và làm rõ mục 5; nêu cụ thể nguyên nhân hạn chế.' : null, updated_by: null, created_at: sentAt ?? nowIso(), updated_at: sentAt ?? nowIso(), lock_version: null });
        const commune = s.kind === 'commune-committee';
        const n = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
        const v: Record<string, number> = {
          'dv.directives': n(1, 6), 'pbgdpl.sessions': n(2, commune ? 30 : 12), 'pbgdpl.attendance': n(80, commune ? 2500 : 600), 'tcd.days': commune ? n(6 * (p.kind === 'annual' ? 2 : 1), 12 * (p.kind === 'annual' ? 2 : 1)) : n(3, 12),
          'tcd.dialogues': n(0, 4), 'don.received': n(0, commune ? 40 : 15), 'don.resolved.rate': n(70, 100), 'don.longest': n(10, 90), 'qcdc.regulation': rand() < 0.8 ? 1 : 0,
          'kl.disciplined': rand() < 0.15 ? n(1, 2) : 0, 'dt.trained': n(2, 40), 'dvk.models': n(0, 3), 'coso.records': 0,
        };
        for (const code of regime.indicators) values.push({ report_id: id, code, value: String(v[code] ?? 0), computed: code === 'coso.records' ? '0' : null, override_reason: null });
        for (const [key, f] of Object.entries(TEXTS)) sections.push({ report_id: id, key, text: f(s.unitName, key === 'item-5' ? v['tcd.days'] : key === 'item-12' ? v['dvk.models'] : v['dv.directives']), comment: status === 'returned' && key === 'item-5' ? 'Chưa nêu số cuộc đối thoại và kết quả giải quyết đơn.' : null });
        if (sentAt) versions.push({ id: randomUUID(), report_id: id, version: 1, event: 'submitted', snapshot: '{}', actor_id: null, at: sentAt });
        if (status === 'accepted' || status === 'returned') versions.push({ id: randomUUID(), report_id: id, version: 1, event: status, snapshot: '{}', actor_id: null, at: new Date(Date.parse(sentAt!) + 3 * 86_400_000).toISOString() });
      }
      const batch = async <T,>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => { for (let i = 0; i < rows.length; i += 400) await insert(rows.slice(i, i + 400)); };
      await batch(reports, (c) => trx.insertInto('reports').values(c).execute());
      await batch(values, (c) => trx.insertInto('report_values').values(c).execute());
      await batch(sections, (c) => trx.insertInto('report_sections').values(c).execute());
      await batch(versions, (c) => trx.insertInto('report_versions').values(c).execute());
      made += reports.length;
    }
    await record(trx, SYSTEM_ACTOR, { action: 'reports.seed', subjectType: 'report-regime', subjectId: regime.id, changes: { reports: made }, visibility: 'admin' });
  });
  // The 6-month provincial report, compiled from the unit reports and issued as 145/BC-UBND on 20/05/2025.
  const semi = (await getPeriod(db, periodIds[0]))!;
  const text = compiledText(regime, await aggregatePeriod(db, semi, regime, { narrative: true, today: opts.unitsAt }));
  await issueCompilation(db, SYSTEM_ACTOR, semi, regime, { ...text, number: 145, signedOn: '2025-05-20', signerName: 'Nguyễn Văn A' });
}
