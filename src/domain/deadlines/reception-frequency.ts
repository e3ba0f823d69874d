/**
 * How often heads must receive citizens in person (shared/DOMAIN.md §3, 0.5, §13 Q4).
 */
import type { LegalBasis } from './types.ts';

/** Kinds of units whose head has a reception duty. */
export type ReceptionUnitKind = 'province' | 'department' | 'commune';

/** A minimum reception frequency, one version of it. */
export interface ReceptionFrequency {
  unitKind: ReceptionUnitKind;
  count: number;
  per: 'week' | 'month';
  legalBasis: LegalBasis;
  validFrom: string;
  validTo: string | null;
  verified: boolean;
  openQuestion?: string;
}

const LTCD = 'Luật Tiếp công dân 42/2013/QH13';
const UNKNOWN_2026 = 'Law 136/2025/QH15 (from 01/07/2026): no change found for this head; the pre-2026 value is kept (DOMAIN §13 Q4).';

/** Every version of the frequency rules. */
export const RECEPTION_FREQUENCIES: readonly ReceptionFrequency[] = [
  {
    unitKind: 'province', count: 1, per: 'month', validFrom: '2014-07-01', validTo: null, verified: true, openQuestion: UNKNOWN_2026,
    legalBasis: { law: LTCD, article: '12', clause: '5', quote: 'Chủ tịch UBND tỉnh tiếp công dân ít nhất 01 ngày trong 01 tháng tại Trụ sở tiếp công dân (DOMAIN §3)' },
  },
  {
    unitKind: 'department', count: 1, per: 'month', validFrom: '2014-07-01', validTo: null, verified: true, openQuestion: UNKNOWN_2026,
    legalBasis: { law: LTCD, article: '18', clause: '2–3', quote: 'Thủ trưởng cơ quan hành chính nhà nước tiếp công dân ít nhất 01 ngày trong 01 tháng (DOMAIN §3)' },
  },
  {
    unitKind: 'commune', count: 1, per: 'week', validFrom: '2014-07-01', validTo: '2026-06-30', verified: true,
    openQuestion: 'NĐ 141/2025 (01/07/2025 – 01/03/2027) may set an interim "1 day a month"; conflicts with LTCD Art. 15 (DOMAIN §13, still open 7).',
    legalBasis: { law: LTCD, article: '15', clause: '2(d)', quote: 'Chủ tịch UBND cấp xã tiếp công dân ít nhất 01 ngày trong 01 tuần tại trụ sở UBND (DOMAIN §3)' },
  },
  {
    unitKind: 'commune', count: 2, per: 'month', validFrom: '2026-07-01', validTo: null, verified: true,
    openQuestion: 'Verified in news only (laodong.vn quoting the Government Inspectorate); amended article text not read.',
    legalBasis: { law: 'Luật 136/2025/QH15 sửa đổi Luật Tiếp công dân', article: '15', clause: '2', quote: 'Chủ tịch UBND cấp xã tiếp công dân ít nhất 02 ngày trong 01 tháng (DOMAIN 0.5)' },
  },
];

/** The minimum reception frequency of a head of `unitKind` on `onDate` ('YYYY-MM-DD'). */
export function receptionFrequency(unitKind: ReceptionUnitKind, onDate: string): ReceptionFrequency {
  const f = RECEPTION_FREQUENCIES.find((x) => x.unitKind === unitKind && x.validFrom <= onDate && (x.validTo === null || onDate <= x.validTo));
  if (!f) throw new RangeError(`no reception frequency for ${unitKind} on ${onDate}`);
  return f;
}
