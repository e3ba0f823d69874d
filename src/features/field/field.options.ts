import { mayEnter, scopeOf } from '../../platform/authz/index.ts';
import { versionOf } from '../../platform/http/concurrency.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { unitIdsInScope } from '../units/index.ts';
import { receptionUnits } from '../petitions/index.ts';
import { listDecisions } from '../community/index.ts';
import { casesOf, listTeams } from '../mediation/index.ts';
import { findTasks } from '../plans/index.ts';
import { findDisclosures } from '../disclosures/index.ts';
import type { FieldOptions } from './views/field.tsx';

const scope = (c: Ctx, action: string) => unitIdsInScope(c.get('deps').db, scopeOf(c.get('user'), action));
const names = (json: string) => (JSON.parse(json) as (string | { name: string })[]).map((p) => (typeof p === 'string' ? p : p.name)).join(', ');

/**
 * The choices of each capture form in the officer's scope (a form the officer may not use is left
 * out): open votes, mediation teams and open cases, tasks not yet done, postings still up. Read once online; the
 * device keeps them with the page.
 */
export async function fieldOptions(c: Ctx): Promise<FieldOptions> {
  const { db } = c.get('deps');
  const user = c.get('user');
  const out: FieldOptions = {};
  if (mayEnter(user, 'reception.manage')) out.units = (await receptionUnits(c)).units.map((u) => [u.id, u.fullName]);
  if (mayEnter(user, 'community.manage')) {
    const open = (await listDecisions(db, await scope(c, 'community.manage'))).filter((d) => d.status === 'open');
    out.decisions = open.map((d) => [d.id, `${d.villageName}: ${d.question}`, versionOf(d.lock_version)]);
  }
  if (mayEnter(user, 'mediation.manage')) {
    const teams = await listTeams(db, await scope(c, 'mediation.manage'));
    out.teams = teams.map((t) => [t.id, `${t.name} (${t.villageName})`]);
    out.cases = (await casesOf(db, teams.map((t) => t.id))).filter((m) => !m.result).map((m) => [m.id, `${names(m.parties)} (${formatDate(m.assigned_on)})`]);
  }
  if (mayEnter(user, 'tasks.edit')) {
    const tasks = await findTasks(db, { unitIds: await scope(c, 'tasks.edit'), limit: 300 }, localToday());
    out.tasks = tasks.filter((t) => t.status !== 'done').map((t) => [t.id, t.title]);
  }
  if (mayEnter(user, 'disclosures.manage')) {
    const today = localToday();
    const rows = await findDisclosures(db, { unitIds: await scope(c, 'disclosures.manage'), limit: 300 });
    out.disclosures = rows.filter((d) => !d.removed_on && (!d.posted_until || d.posted_until >= today)).map((d) => [d.id, `${d.title} (${formatDate(d.posted_on)})`]);
  }
  return out;
}
