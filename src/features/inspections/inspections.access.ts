/**
 * Who may see and do what (issue 16, "Who may do what"): the coordinator everything; team members
 * the findings of their targets; a target unit its own inspection (self-report, explanation,
 * remediation); leaders and observers what is issued; nobody else. Deny by default.
 */
import { can } from '../../platform/authz/index.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { forbidden, notFound, unauthorized } from '../../platform/http/errors.ts';
import { ancestorIds } from '../units/index.ts';
import { conclusionOf, getPlan, getTarget, isTeamMember } from './inspections.repository.ts';
import type { InspectionPlansTable, InspectionTargetsTable } from './inspections.tables.ts';

export interface TargetRights { manage: boolean; member: boolean; own: boolean; oversee: boolean; issued: boolean; read: boolean; findings: boolean; record: boolean; respond: boolean }

/** The user may act for the unit under the action (own grant, or an ancestor's with descendants, or province-wide). */
export async function onUnit(c: Ctx, action: string, unitId: string): Promise<boolean> {
  return can(c.get('user'), action, unitId, (id) => ancestorIds(c.get('deps').db, id));
}

export const mayManage = (c: Ctx) => can(c.get('user'), 'inspections.manage');

/** What the current user may do on a target. */
export async function rightsOn(c: Ctx, t: InspectionTargetsTable, plan: InspectionPlansTable): Promise<TargetRights> {
  const { db } = c.get('deps');
  const manage = await mayManage(c);
  const member = await isTeamMember(db, t.team_id, c.get('user')?.id);
  const approved = plan.status === 'approved';
  const own = approved && (await onUnit(c, 'inspections.respond', t.unit_id));
  const oversee = approved && (await can(c.get('user'), 'inspections.oversee'));
  const issued = (await conclusionOf(db, t.id))?.status === 'issued';
  return { manage, member, own, oversee, issued, read: manage || member || own || oversee, findings: manage || member || own || (oversee && issued), record: manage || member, respond: own };
}

/** Loads a target and the user's rights on it; 404 when unknown, 401/403 when the user may not read it. */
export async function targetFor(c: Ctx, id: string) {
  const { db } = c.get('deps');
  const t = await getTarget(db, id);
  if (!t) throw notFound();
  const plan = (await getPlan(db, t.plan_id))!;
  const rights = await rightsOn(c, t, plan);
  if (!c.get('user')) throw unauthorized();
  if (!rights.read) throw forbidden();
  return { t, plan, rights };
}

/** Asserts one right on a target (403 otherwise). */
export async function targetWith(c: Ctx, id: string, right: keyof TargetRights) {
  const r = await targetFor(c, id);
  if (!r.rights[right]) throw forbidden();
  return r;
}

/** Loads a plan a user may read: drafts only for the coordinator. */
export async function planFor(c: Ctx, id: string) {
  const p = await getPlan(c.get('deps').db, id);
  if (!p) throw notFound();
  if (p.status !== 'approved' && !(await mayManage(c)) && !(p.status === 'submitted' && (await can(c.get('user'), 'inspections.approve')))) throw forbidden();
  return p;
}
