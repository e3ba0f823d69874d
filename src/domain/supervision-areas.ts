/**
 * Supervision areas of plan 188/KH-UBND II.11 (Nhân dân giám sát): a shared tag list carried by
 * tasks, petitions, disclosures and inspections so leaders can see everything on one area.
 */
export const SUPERVISION_AREAS = [
  { code: 'land-environment', vi: 'Đất đai, môi trường', en: 'Land and environment' },
  { code: 'public-investment', vi: 'Đầu tư công', en: 'Public investment' },
  { code: 'admin-reform', vi: 'Cải cách hành chính', en: 'Administrative reform' },
  { code: 'anti-corruption', vi: 'Phòng, chống tham nhũng, lãng phí, tiêu cực', en: 'Anti-corruption and waste' },
  { code: 'people-with-merit', vi: 'Chính sách người có công', en: 'People with merit' },
  { code: 'staff-policies', vi: 'Chính sách đối với cán bộ, công chức, viên chức', en: 'Staff policies' },
  { code: 'people-funds', vi: 'Các khoản đóng góp của Nhân dân', en: 'Funds contributed by the people' },
] as const;
export type SupervisionArea = (typeof SUPERVISION_AREAS)[number]['code'];
export const SUPERVISION_AREA_CODES = SUPERVISION_AREAS.map((a) => a.code) as SupervisionArea[];
