/**
 * Due dates and data cut-offs of periodic reports (shared/DOMAIN.md §8, §13 Q8; plan 188/KH-UBND
 * III.5 in shared/seed/). Pure: the calendar and the province's reading are parameters.
 */
import type { Calendar } from '../calendar/calendar.ts';
import { plusDays } from '../calendar/dates.ts';
import type { LegalBasis } from '../deadlines/types.ts';
import { BEFORE_READING } from '../deadlines/readings.ts';

export { BEFORE_READING };

/** How a due date is written: 'by' = "đến hết ngày X" (X is the last day); 'before' = "trước ngày X". */
export type DueMode = 'by' | 'before';
export const DUE_MODES: readonly DueMode[] = ['by', 'before'];

/**
 * The plan 188 reporting dates as written: "báo cáo định kỳ 06 tháng (trước ngày 10/5/2025) và 01
 * năm (trước ngày 15/10/2025)". Verified against the plan text (shared/seed/KH-188-UBND-2025-Gia-Lai.md).
 */
export const PLAN188_DUE = {
  legalBasis: {
    law: 'Kế hoạch số 188/KH-UBND ngày 22/01/2025 của UBND tỉnh Gia Lai', article: 'mục III.5',
    quote: 'Các cơ quan, đơn vị, địa phương thực hiện chế độ thông tin, báo cáo định kỳ 06 tháng (trước ngày 10/5/2025) và 01 năm (trước ngày 15/10/2025)',
  } satisfies LegalBasis,
  validFrom: '2025-01-22',
  validTo: '2025-12-31',
  verified: true,
  mode: 'before' as DueMode,
  semiannual: '2025-05-10',
  annual: '2025-10-15',
};

/** The last day a report may be sent (inclusive): for 'before', the day before X, moved back to a working day when the reading is on. */
export function lastDayToSubmit(written: string, mode: DueMode, calendar: Calendar, backToWorkingDay: boolean = BEFORE_READING.defaultOn): string {
  if (mode === 'by') return written;
  let d = plusDays(written, -1);
  if (backToWorkingDay) for (let i = 0; i < 60 && !calendar.isWorkingDay(d); i++) d = plusDays(d, -1);
  return d;
}

/**
 * Default data cut-offs of NĐ 09/2019 Art. 12 (as quoted by TT 09/2019/TT-NHNN and Khánh Hòa QĐ
 * 01/2023, DOMAIN §8 and §13 Q8 row 18; the decree text itself not read): 6-month 15/12 of the
 * previous year → 14/06; annual 15/12 of the previous year → 14/12. In force 12/03/2019.
 */
export const DEFAULT_CUTOFFS = {
  legalBasis: 'Điều 12 Nghị định số 09/2019/NĐ-CP (thời gian chốt số liệu)',
  validFrom: '2019-03-12',
  validTo: null as string | null,
  verified: false,
  semiannual: (year: number) => ({ from: `${year - 1}-12-15`, to: `${year}-06-14` }),
  annual: (year: number) => ({ from: `${year - 1}-12-15`, to: `${year}-12-14` }),
};

/**
 * A cut-off must end on or before the last day to send. Where the NĐ 09 default ends later (plan
 * 188: a 6-month report before 10/05, an annual one before 15/10), it ends on the latest 14th
 * (NĐ 09's monthly cut-off day) before the last day to send: 14/04 and 14/09 (the "9-month"
 * cut-off of provincial practice, DOMAIN §8). A reading, editable per period.
 */
export function cutoffBefore(cutoff: { from: string; to: string }, lastDay: string): { from: string; to: string } {
  if (cutoff.to <= lastDay) return cutoff;
  let [y, m] = lastDay.split('-').map(Number);
  if (Number(lastDay.slice(8)) <= 14) { m -= 1; if (m === 0) { m = 12; y -= 1; } }
  const to = `${y}-${String(m).padStart(2, '0')}-14`;
  return { from: cutoff.from <= to ? cutoff.from : to, to };
}

/** The cut-off refused: it ends after the last day to send (or starts after it ends). */
export function cutoffProblem(p: { from: string; to: string }, lastDay: string): 'order' | 'after-due' | null {
  if (p.from > p.to) return 'order';
  if (p.to > lastDay) return 'after-due';
  return null;
}
