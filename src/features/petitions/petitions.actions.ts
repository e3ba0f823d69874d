const STAFF = ['admin', 'coordinator', 'unit-head', 'unit-officer', 'reception-officer'] as const;

/** Who may do what (deny by default). */
export const PETITION_ACTIONS = {
  'petitions.view': [...STAFF, 'leader', 'observer'],
  'petitions.intake': STAFF,
  'petitions.handle': STAFF,
  'petitions.reveal': ['unit-head', 'unit-officer', 'reception-officer'],
  'reception.manage': STAFF,
  'petitions.dashboard': ['admin', 'coordinator', 'leader', 'observer'],
  /** Each unit edits its own answer templates. */
  'petitions.templates': ['admin', 'unit-head', 'unit-officer'],
  /** The province's list of remote communes (vùng sâu, vùng xa). */
  'petitions.configure': ['admin', 'coordinator'],
} as const;
