const STAFF = ['admin', 'coordinator', 'unit-head', 'unit-officer', 'reception-officer'] as const;

/** Who may do what (deny by default). */
export const PETITION_ACTIONS = {
  'petitions.view': [...STAFF, 'leader', 'observer'],
  'petitions.intake': STAFF,
  'petitions.handle': STAFF,
  'petitions.reveal': ['unit-head', 'unit-officer', 'reception-officer'],
  'reception.manage': STAFF,
  'petitions.dashboard': ['admin', 'coordinator', 'leader', 'observer'],
} as const;
