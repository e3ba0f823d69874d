/**
 * "Dân vận khéo" models and exemplars: the workflow state machine (proposal, see
 * shared/DVK-AND-INSPECTIONS.md §6.2): draft → registered → building → proposed → under review →
 * recognised at a level → typical → commended → replicated; side branches returned, rejected,
 * discontinued. Pure: no I/O.
 */
export const STATUSES = ['draft', 'registered', 'building', 'proposed', 'under-review', 'recognised', 'typical', 'commended', 'replicated', 'returned', 'rejected', 'discontinued'] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIONS = ['register', 'build', 'propose', 'review', 'return', 'reject', 'recognize', 'typical', 'commend', 'replicate', 'discontinue'] as const;
export type WorkflowAction = (typeof ACTIONS)[number];

/** Recognition levels; there is no district level after 01/07/2025 (DVK-AND-INSPECTIONS.md §1.6). */
export const LEVELS = ['commune', 'province'] as const;
export type Level = (typeof LEVELS)[number];

/** Statuses the public may see: recognised at some level and still effective. */
export const PUBLIC_STATUSES: readonly Status[] = ['recognised', 'typical', 'commended', 'replicated'];
const RECOGNISED: readonly Status[] = PUBLIC_STATUSES;

/** From which statuses each action may be taken. A proposal may skip "building" (launch is optional). */
const FROM: Record<WorkflowAction, readonly Status[]> = {
  register: ['draft'],
  build: ['registered'],
  propose: ['registered', 'building', 'returned'],
  review: ['proposed'],
  return: ['proposed', 'under-review'],
  reject: ['proposed', 'under-review'],
  recognize: ['proposed', 'under-review', ...RECOGNISED],
  typical: ['recognised'],
  commend: RECOGNISED,
  replicate: RECOGNISED,
  discontinue: ['registered', 'building', 'returned', ...RECOGNISED],
};

/** The status an action leads to (recognition keeps typical/commended/replicated when raising the level). */
function target(action: WorkflowAction, from: Status): Status {
  switch (action) {
    case 'register': return 'registered';
    case 'build': return 'building';
    case 'propose': return 'proposed';
    case 'review': return 'under-review';
    case 'return': return 'returned';
    case 'reject': return 'rejected';
    case 'recognize': return RECOGNISED.includes(from) ? from : 'recognised';
    case 'typical': return 'typical';
    case 'commend': return from === 'replicated' ? 'replicated' : 'commended';
    case 'replicate': return 'replicated';
    case 'discontinue': return 'discontinued';
  }
}

export type Transition = { ok: true; to: Status } | { ok: false; reason: 'not_allowed' | 'level_not_higher' };

/**
 * The next status for an action, or why it is refused. A recognised entry may only be recognised
 * again at a higher level (commune → province).
 */
export function transition(from: Status, action: WorkflowAction, opts: { currentLevel?: Level | null; level?: Level } = {}): Transition {
  if (!FROM[action].includes(from)) return { ok: false, reason: 'not_allowed' };
  if (action === 'recognize' && RECOGNISED.includes(from) && opts.currentLevel && opts.level && LEVELS.indexOf(opts.level) <= LEVELS.indexOf(opts.currentLevel)) {
    return { ok: false, reason: 'level_not_higher' };
  }
  return { ok: true, to: target(action, from) };
}

/** The actions possible from a status (for showing buttons). */
export function actionsFrom(from: Status): WorkflowAction[] {
  return ACTIONS.filter((a) => FROM[a].includes(from));
}

/** The higher of two levels (null when neither). */
export function higherLevel(a: Level | null | undefined, b: Level | null | undefined): Level | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b;
}
