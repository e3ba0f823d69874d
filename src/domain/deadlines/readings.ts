/**
 * Readings of texts that say nothing about a day off, chosen per province (settings page; stored in
 * `DeadlineOptions.readings`). Each has its default, the text it reads and its validity.
 */
import type { DeadlineOptions, LegalBasis } from './types.ts';

export interface Reading {
  id: string;
  title: string;
  titleEn: string;
  defaultOn: boolean;
  legalBasis: LegalBasis;
  validFrom: string;
  validTo: string | null;
  /** False when the reading itself is an interpretation no text states. */
  verified: boolean;
  note: string;
  noteEn: string;
}

/** Plan 188 III.5 "trước ngày X": when X − 1 is a day off, the last day is the last working day before X. */
export const BEFORE_READING: Reading = {
  id: 'report.before.last-working-day',
  title: 'Hạn báo cáo "trước ngày X": nếu ngày liền trước X là ngày nghỉ thì hạn cuối là ngày làm việc cuối cùng trước X',
  titleEn: 'Report due "before day X": when the day before X is a day off, the last day is the last working day before X',
  defaultOn: true,
  legalBasis: { law: 'Kế hoạch số 188/KH-UBND ngày 22/01/2025 của UBND tỉnh Gia Lai', article: 'mục III.5', quote: 'báo cáo định kỳ 06 tháng (trước ngày 10/5/2025) và 01 năm (trước ngày 15/10/2025)' },
  validFrom: '2025-01-22', validTo: null, verified: false,
  note: 'Một đơn vị không thể gửi báo cáo vào ngày cơ quan nhận nghỉ. "Trước ngày" chỉ nói ngày X là muộn; không văn bản nào nói về ngày nghỉ liền trước (NĐ 09/2019 Điều 12–13 chưa đọc được, DOMAIN §8).',
  noteEn: 'A unit cannot send a report on a day the receiving body is closed. "Trước ngày" (before day X) only says that day X is late; no text speaks of a day off just before it (Decree 09/2019 Art. 12–13 could not be read, DOMAIN §8).',
};

/** Civil Code Art. 148(5) applied to the end of a consultation (LDC Art. 28): the citizens' window runs to the next working day. */
export const CONSULTATION_WINDOW_READING: Reading = {
  id: 'consultation.window.next-working-day',
  title: 'Lấy ý kiến Nhân dân: ngày cuối là ngày nghỉ thì Nhân dân được góp ý đến hết ngày làm việc tiếp theo',
  titleEn: "Consultation: when the last day is a day off, citizens may comment until the end of the next working day",
  defaultOn: true,
  legalBasis: { law: 'Bộ luật Dân sự 91/2015/QH13', article: '148', clause: '5', quote: 'Khi ngày cuối cùng của thời hạn là ngày nghỉ cuối tuần hoặc ngày nghỉ lễ thì thời hạn kết thúc tại thời điểm kết thúc ngày làm việc tiếp theo ngày nghỉ đó.' },
  validFrom: '2017-01-01', validTo: null, verified: true,
  note: 'Điều 148 khoản 5 đã kiểm chứng (DOMAIN §13 Q2); áp dụng cho thời hạn "ít nhất là 20 ngày" của Điều 28 Luật 10/2022/QH15 là cách hiểu (Điều 145: trừ khi luật có quy định khác).',
  noteEn: 'Art. 148(5) verified (DOMAIN §13 Q2); applying it to the "at least 20 days" of Art. 28 of Law 10/2022/QH15 is a reading (Art. 145: unless a law provides otherwise).',
};

/** Every reading the province may switch. */
export const READINGS: readonly Reading[] = [BEFORE_READING, CONSULTATION_WINDOW_READING];

/** Whether a reading is on for the province (its default unless set). */
export function readingOn(options: DeadlineOptions, id: string): boolean {
  const r = READINGS.find((x) => x.id === id);
  if (!r) throw new RangeError(`unknown reading ${id}`);
  return options.readings?.[id] ?? r.defaultOn;
}
