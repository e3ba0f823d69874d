/**
 * The requests of the authorization sweep, built from the app's own route table: every mounted route
 * (pages and /api/v1) with each path parameter filled by the planted objects of its kind (own and
 * foreign units), file ids guessed across parents, and list/export routes with a foreign `unitId`.
 */
import { randomUUID } from 'node:crypto';
import { routeTable, type RouteEntry } from '../../helpers/routes.ts';
import type { Planted, Units } from './plant.ts';

export interface Target {
  method: string;
  route: string;
  url: string;
  permission: string;
  api: boolean;
  /** A list or export asked again with a foreign unit filter (sent only where the plain answer offers one). */
  filterOf?: string;
  /** The planted object (or unit) the request is aimed at, for the ownership figures and the change oracle. */
  object?: { kind: string; id: string; unitId: string; foreign: boolean };
}

/** Which object kind an `:id` stands for, by the path before it. */
const ID_KINDS: [RegExp, string][] = [
  [/^(\/api\/v1)?\/petitions\/:id/, 'petition'],
  [/^(\/api\/v1)?\/reception\/visits\/:id/, 'reception-log'],
  [/^(\/api\/v1)?\/tasks\/:id/, 'task'],
  [/^(\/api\/v1)?\/plans\/:id/, 'plan'],
  [/^(\/api\/v1)?\/recommendations\/:id/, 'register'],
  [/^(\/board\/d|\/disclosures|\/api\/v1\/disclosures)\/:id/, 'disclosure'],
  [/^(\/consultations|\/consult|\/public\/consult|\/api\/v1\/consultations|\/api\/v1\/public\/consultations)\/:id/, 'consultation'],
  [/^(\/community\/decisions|\/api\/v1\/community-decisions)\/:id/, 'decision'],
  [/^(\/community\/commune-decisions|\/api\/v1\/commune-decisions)\/:id/, 'commune-decision'],
  [/^(\/boards|\/api\/v1\/boards)\/:id/, 'board'],
  [/^(\/board-recommendations|\/api\/v1\/board-recommendations)\/:id/, 'board-rec'],
  [/^\/mediation\/teams\/:id/, 'mediation-team'],
  [/^(\/mediation\/cases|\/api\/v1\/mediation-cases)\/:id/, 'mediation-case'],
  [/^(\/exemplars|\/showcase\/exemplars|\/api\/v1\/exemplars)\/:id/, 'exemplar'],
  [/^\/community\/villages\/:id/, 'village'],
  [/^\/community\/communes\/:id/, 'commune'],
  [/^(\/api\/v1)?\/units\/:id/, 'unit'],
  [/^(\/api\/v1)?\/report-periods\/:id/, 'period'],
];
const PARAM = /:([A-Za-z]+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g;
const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Sign-in and sign-out routes are left to their own tests (the sweep keeps its sessions). */
const SKIP = /^(POST \/login|POST \/logout|POST \/api\/v1\/auth\/token|DELETE \/api\/v1\/auth\/token)$/;

type Choice = { value: string; object?: Target['object'] };

/** Every request of the sweep, one per (route, object), for GET and state-changing routes. */
export function sweepTargets(routes: readonly RouteEntry[], planted: Planted[], u: Units, fixed: Record<string, string>): Target[] {
  const byKind = (k: string) => planted.filter((p) => p.kind === k);
  const asChoice = (p: Planted): Choice => ({ value: p.id, object: { kind: p.kind, id: p.id, unitId: p.unitId, foreign: p.foreign } });
  const unit = (id: string, foreign: boolean, kind = 'unit'): Choice => ({ value: id, object: { kind, id, unitId: id, foreign } });
  const units = [unit(u.ownCommune, false), unit(u.foreignCommune, true), unit(u.ownDept, false), unit(u.foreignDept, true)];
  const villages = [unit(u.ownVillage, false, 'village'), unit(u.foreignVillage, true, 'village')];
  const communes = [unit(u.ownCommune, false, 'commune'), unit(u.foreignCommune, true, 'commune')];
  const allFiles = planted.filter((p) => p.kind.endsWith('-file') || p.kind === 'board-photo').map(asChoice);

  const choicesFor = (route: string, name: string, parent?: Target['object']): Choice[] => {
    if (name === 'id') {
      const kind = ID_KINDS.find(([re]) => re.test(route))?.[1];
      if (kind === 'unit') return units;
      if (kind === 'village') return villages;
      if (kind === 'commune') return communes;
      if (kind === 'period') return [{ value: u.periodId }];
      const list = kind ? byKind(kind).map(asChoice) : [];
      return list.length ? list : [{ value: fixed[`id:${route.replace(/^\/api\/v1/, '').split('/')[1]}`] || randomUUID() }];
    }
    if (name === 'unitId') return /villages/.test(route) ? villages : units;
    if (name === 'periodId') return [{ value: u.periodId }];
    // A file under an own parent: every planted file id (guessed ids); under a foreign one, its unit's files.
    if (name === 'fileId') return parent?.foreign ? allFiles.filter((f) => f.object!.unitId === parent.unitId) : allFiles;
    if (name === 'commentId') return byKind('comment').map(asChoice);
    if (name === 'trackingCode') return [{ value: fixed.trackingCode }];
    if (name === 'file' && route.includes('/api/v1/reports/')) return units.map((c) => ({ ...c, value: `${c.value}.docx` }));
    return [{ value: fixed[name] || randomUUID() }];
  };

  const out: Target[] = [];
  for (const r of routeTable(routes)) {
    const key = `${r.method} ${r.path}`;
    if (SKIP.test(key) || r.path.includes('*')) continue;
    const permission = r.permissions[0] ?? '';
    const api = r.path.startsWith('/api/');
    const params = [...r.path.matchAll(PARAM)].map((m) => m[1]);
    // Fill the parameters left to right (cartesian product); the last object chosen is the one aimed at.
    let partial: { url: string; object?: Target['object'] }[] = [{ url: r.path }];
    for (const name of params) {
      const next: typeof partial = [];
      for (const p of partial) {
        const route = r.path.slice(0, r.path.indexOf(`:${name}`) + name.length + 1);
        for (const c of choicesFor(route, name, p.object)) {
          next.push({ url: p.url.replace(new RegExp(`:${name}(\\{(?:[^{}]|\\{[^{}]*\\})*\\})?`), c.value), object: c.object ?? p.object });
        }
      }
      partial = next;
    }
    for (const p of partial) {
      // A state-changing route without parameters is aimed at the foreign commune (the body names it).
      const object = p.object ?? (CHANGING.has(r.method) ? units[1].object : undefined);
      // State-changing requests are aimed at foreign objects only (own ones would be changed for real).
      if (CHANGING.has(r.method) && !object?.foreign) continue;
      out.push({ method: r.method, route: r.path, url: p.url, permission, api, object });
      // Lists and exports: the same with a foreign unit filter.
      if (r.method === 'GET' && params.length === 0) {
        for (const c of [units[1], units[3]]) out.push({ method: r.method, route: r.path, url: `${p.url}?unitId=${c.value}`, permission, api, object: c.object, filterOf: p.url });
      }
    }
  }
  return out;
}
