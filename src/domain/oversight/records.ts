/**
 * Vocabularies of the commendation, discipline and training records (plan 188/KH-UBND II.7–II.8).
 * The lists are from memory and marked so: Luật Thi đua, khen thưởng 06/2022/QH15 (forms), and the
 * disciplinary forms of NĐ 112/2020/NĐ-CP (as amended by NĐ 71/2023) for cán bộ, công chức, viên chức,
 * which a 2025 decree under the new Law on cadres and civil servants may have replaced. Each record
 * keeps its own decision and legal basis as text, so the lists only help filtering and counting.
 */
export const COMMENDATION_FORMS = ['bang-khen', 'giay-khen', 'co-thi-dua', 'danh-hieu', 'bieu-duong', 'other'] as const;
export const COMMENDATION_LEVELS = ['commune', 'department', 'province', 'central'] as const;
export const RECIPIENT_KINDS = ['unit', 'person', 'exemplar'] as const;
export const DISCIPLINE_MEASURES = ['khien-trach', 'canh-cao', 'ha-bac-luong', 'giang-chuc', 'cach-chuc', 'bai-nhiem', 'buoc-thoi-viec'] as const;
export const PERSON_CATEGORIES = ['can-bo', 'cong-chuc', 'vien-chuc', 'nguoi-lao-dong', 'khong-chuyen-trach'] as const;

/** Where the lists come from and how sure we are (shown on the pages and in the API). */
export const RECORD_VOCABULARY_BASIS = {
  commendation: { basis: 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 152/2025/NĐ-CP', verified: false },
  discipline: { basis: 'Nghị định 112/2020/NĐ-CP (sửa đổi bởi Nghị định 71/2023/NĐ-CP) về xử lý kỷ luật cán bộ, công chức, viên chức', verified: false },
} as const;

/** Legal bases often cited for violations of democracy rules (suggestions; the record keeps free text). */
export const DEMOCRACY_VIOLATION_BASES = [
  'Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 11–13 (nội dung, hình thức, thời điểm công khai)',
  'Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 25–28 (lấy ý kiến, tiếp thu, giải trình)',
  'Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 40, 45 (trả lời kiến nghị của Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng)',
  'Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 46–53 (dân chủ trong cơ quan, đơn vị)',
  'Luật Tiếp công dân 42/2013/QH13 (lịch và việc tiếp công dân của người đứng đầu)',
] as const;

/** True when an inclusive date range is well ordered. */
export const rangeOk = (from: string, to: string) => from <= to;
