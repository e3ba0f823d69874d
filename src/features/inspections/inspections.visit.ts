import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, type Actor } from '../../platform/audit/index.ts';
import { fail, ok } from '../../platform/http/errors.ts';
import { computeIndicators, getIndicator } from '../../platform/indicators/index.ts';
import { requiredReceptionDays } from '../../domain/deadlines/index.ts';
import { autoScore, indicatorCodes, pointsFor, scoreCard, type AutoScore, type Scorecard } from '../../domain/inspections/index.ts';
import { loadLegalTime } from '../calendar/index.ts';
import { findingsOf, getPlan, getScheme, getTarget, type Scheme } from './inspections.repository.ts';
import type { FindingsInput } from './inspections.schema.ts';
import type { InspectionPlansTable, InspectionTargetsTable } from './inspections.tables.ts';
import { audit, type R } from './inspections.service.ts';

export interface AutoFill extends AutoScore { from: string; to: string; labels: Record<string, string> }

const monthsOf = (from: string, to: string) => {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const end = to.slice(0, 7);
  for (let i = 0; i < 120; i++) {
    const k = `${y}-${String(m).padStart(2, '0')}`;
    if (k > end) break;
    out.push(k);
    m++; if (m > 12) { m = 1; y++; }
  }
  return out;
};

/**
 * The figures of every measurable criterion for the target unit over the plan's review period,
 * computed by the indicator registry (src/platform/indicators), and the points they give. The
 * reception target is the statutory count for the period (LTCD Art. 15, src/domain/deadlines).
 */
export async function autoFill(db: Db | Trx, scheme: Scheme, plan: InspectionPlansTable, target: InspectionTargetsTable): Promise<Map<string, AutoFill>> {
  const codes = indicatorCodes(scheme.def);
  const out = new Map<string, AutoFill>();
  if (!codes.length) return out;
  const scope = { unitId: target.unit_id, from: plan.review_from, to: plan.review_to };
  const values = await computeIndicators(db as Db, codes, scope);
  const unit = await db.selectFrom('units').select('kind').where('id', '=', target.unit_id).executeTakeFirst();
  const cal = (await loadLegalTime(db)).calendar;
  let required = 0;
  try {
    for (const m of monthsOf(plan.review_from, plan.review_to)) required += requiredReceptionDays(unit?.kind === 'commune-committee' ? 'commune' : 'department', m, (d) => cal.isWorkingDay(d)).required;
  } catch { required = NaN; }
  const labels = Object.fromEntries(codes.map((c) => [c, getIndicator(c)?.label ?? c]));
  for (const c of scheme.def.criteria) {
    const a = autoScore(c, values, { requiredReceptionDays: Number.isFinite(required) ? required : undefined });
    if (a) out.set(c.code, { ...a, from: scope.from, to: scope.to, labels });
  }
  return out;
}

/** The team's scorecard of a target from its saved findings. */
export async function targetScore(db: Db | Trx, scheme: Scheme, target: InspectionTargetsTable): Promise<Scorecard> {
  const f = await findingsOf(db, target.id);
  return scoreCard(scheme.def, f.map((x) => ({ code: x.criterion_code, result: x.result as never, points: x.points })), { hasSelfScore: target.self_score != null });
}

/**
 * Saves the findings of the visit, one per criterion. A measurable criterion keeps the figures and
 * points computed from platform data; the inspector may give other points only with a reason
 * (both kept). Marks the target visited.
 */
export async function saveFindings(db: Db, actor: Actor, targetId: string, input: FindingsInput): R<string> {
  const t0 = await getTarget(db, targetId);
  if (!t0) return fail('not_found');
  const plan = (await getPlan(db, t0.plan_id))!;
  const scheme = (await getScheme(db, plan.scheme_id))!;
  const auto = await autoFill(db, scheme, plan, t0);
  const errors: Record<string, string> = {};
  const rows: { c: (typeof scheme.def.criteria)[number]; item: FindingsInput['items'][number]; points: number | null; a: AutoFill | undefined }[] = [];
  for (const item of input.items) {
    const c = scheme.def.criteria.find((x) => x.code === item.code);
    if (!c) { errors[`result.${item.code}`] = 'inspections.error.unknownCode'; continue; }
    const a = auto.get(c.code);
    const points = item.points == null && a && item.result !== 'na' ? a.points : pointsFor(item.result, c.maxPoints, item.points);
    if (item.points != null && (item.points < 0 || item.points > c.maxPoints)) errors[`points.${c.code}`] = 'inspections.error.pointsRange';
    if (a && points != null && points !== a.points && !item.overrideReason) errors[`overrideReason.${c.code}`] = 'inspections.error.overrideReason';
    rows.push({ c, item, points, a });
  }
  if (Object.keys(errors).length) return fail('rule', errors);
  return inTransaction(db, async (trx) => {
    const t = (await getTarget(trx, targetId))!;
    const c = await trx.selectFrom('inspection_conclusions').select('status').where('target_id', '=', t.id).executeTakeFirst();
    if (c?.status === 'issued') return fail('state', { _: 'inspections.error.issued' });
    const now = nowIso();
    for (const { c: crit, item, points, a } of rows) {
      const values = { result: item.result, points, auto_points: a?.points ?? null, auto_source: a ? JSON.stringify({ figures: a.figures, target: a.target, pct: a.pct, from: a.from, to: a.to }) : null, override_reason: a && points !== a.points ? item.overrideReason : null, note: item.note, updated_by: actor.userId, updated_at: now };
      const done = await trx.updateTable('inspection_findings').set(values).where('target_id', '=', t.id).where('criterion_code', '=', crit.code).executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) await trx.insertInto('inspection_findings').values({ id: randomUUID(), target_id: t.id, criterion_code: crit.code, ...values }).execute();
    }
    await trx.updateTable('inspection_targets').set({ visited_on: input.visitedOn, visit_place: input.visitPlace, status: 'visited', updated_at: now }).where('id', '=', t.id).execute();
    await audit(trx, actor, 'findings', 'inspection_target', t.id, t.unit_id, { visitedOn: input.visitedOn, items: rows.map((r) => ({ code: r.c.code, result: r.item.result, points: r.points, autoPoints: r.a?.points ?? null, overrideReason: r.item.overrideReason })) });
    return ok(t.id);
  });
}
