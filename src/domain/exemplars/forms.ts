/**
 * The three DVK report forms as configurable column data. The province's official headings were
 * NOT found (DVK-AND-INSPECTIONS.md §6.3): these defaults are the proposed columns, to be confirmed
 * by the client, and a deployment may replace them. Form 3 counting is a pure function here.
 */
import { LEVELS, PUBLIC_STATUSES, type Level, type Status } from './workflow.ts';

export const FIELDS = ['economy', 'culture-society', 'defence-security', 'political-system'] as const;
export type Field = (typeof FIELDS)[number];
export const KINDS = ['model', 'exemplar'] as const;
export const SUBJECTS = ['collective', 'individual'] as const;
export type Subject = (typeof SUBJECTS)[number];
export const TRACKS = ['government', 'party', 'front', 'armed-forces', 'residential', 'enterprise', 'other'] as const;
export const COMMENDATION_FORMS = ['giay-khen', 'bang-khen', 'giai-thuong', 'tuyen-duong', 'other'] as const;
export type CommendationForm = (typeof COMMENDATION_FORMS)[number];

/** The 10 required items of the registration sheet (Thanh Khê 249/MTTQ-BTT, §1.5), in sheet order. */
export const REGISTRATION_ITEMS = ['situation', 'objectives', 'criteria', 'content', 'beneficiaries', 'forces', 'resources', 'timeline', 'outputs', 'sustainability'] as const;
export type RegistrationItem = (typeof REGISTRATION_ITEMS)[number];

/** A column; `headingEn` is the English of a default heading (a heading the province entered has none). */
export interface Column { key: string; heading: string; headingEn?: string; width?: number }
/** A summary form; `draft` while the headings are the proposed defaults, false once the province confirmed them. */
export interface FormDef { code: 'form1' | 'form2' | 'form3'; title: string; titleEn?: string; draft: boolean; columns: Column[] }

/** Proposed defaults (DVK-AND-INSPECTIONS.md §6.3), marked as drafts. */
export const DEFAULT_FORMS: Record<'form1' | 'form2' | 'form3', FormDef> = {
  form1: { code: 'form1', draft: true, title: 'Danh sách đăng ký xây dựng mô hình, điển hình "Dân vận khéo" năm {year}', titleEn: 'Registrations to build "Skilful mass mobilisation" models and exemplars, {year}', columns: [
    { key: 'no', heading: 'STT', headingEn: 'No.', width: 5 }, { key: 'name', heading: 'Tên mô hình/điển hình', headingEn: 'Name of the model or exemplar', width: 30 },
    { key: 'type', heading: 'Loại (mô hình/điển hình; tập thể/cá nhân)', headingEn: 'Type (model/exemplar; collective/individual)', width: 18 }, { key: 'field', heading: 'Lĩnh vực', headingEn: 'Field', width: 16 },
    { key: 'owner', heading: 'Đơn vị, cá nhân chủ trì', headingEn: 'Lead unit or person', width: 24 }, { key: 'place', heading: 'Địa bàn (xã/phường, thôn)', headingEn: 'Area (commune/ward, village)', width: 20 },
    { key: 'forces', heading: 'Lực lượng phối hợp', headingEn: 'Co-operating forces', width: 20 }, { key: 'timeline', heading: 'Thời gian bắt đầu – đánh giá', headingEn: 'Start – evaluation', width: 16 },
    { key: 'objectives', heading: 'Mục tiêu, tiêu chí', headingEn: 'Objectives and criteria', width: 24 }, { key: 'outputs', heading: 'Sản phẩm, kết quả đầu ra dự kiến', headingEn: 'Expected outputs and results', width: 24 },
    { key: 'resources', heading: 'Nguồn lực', headingEn: 'Resources', width: 16 }, { key: 'note', heading: 'Ghi chú', headingEn: 'Notes', width: 12 },
  ] },
  form2: { code: 'form2', draft: true, title: 'Danh sách đề nghị công nhận / đã công nhận mô hình, điển hình "Dân vận khéo" năm {year}', titleEn: '"Skilful mass mobilisation" models and exemplars proposed for or granted recognition, {year}', columns: [
    { key: 'no', heading: 'STT', headingEn: 'No.', width: 5 }, { key: 'name', heading: 'Tên mô hình/điển hình', headingEn: 'Name of the model or exemplar', width: 30 },
    { key: 'subject', heading: 'Tập thể/cá nhân', headingEn: 'Collective/individual', width: 12 }, { key: 'field', heading: 'Lĩnh vực', headingEn: 'Field', width: 16 },
    { key: 'owner', heading: 'Địa chỉ/đơn vị', headingEn: 'Address/unit', width: 24 }, { key: 'timeline', heading: 'Thời gian xây dựng', headingEn: 'Period of building', width: 16 },
    { key: 'results', heading: 'Kết quả, hiệu quả (số liệu)', headingEn: 'Results and effectiveness (figures)', width: 30 }, { key: 'sustainability', heading: 'Khả năng nhân rộng', headingEn: 'Potential for replication', width: 20 },
    { key: 'recognition', heading: 'Cấp công nhận; số, ngày quyết định', headingEn: 'Recognition level; decision number and date', width: 24 }, { key: 'commendation', heading: 'Hình thức khen thưởng (cấp, số QĐ)', headingEn: 'Commendation (level, decision number)', width: 24 },
    { key: 'note', heading: 'Ghi chú', headingEn: 'Notes', width: 12 },
  ] },
  form3: { code: 'form3', draft: true, title: 'Biểu tổng hợp kết quả phong trào thi đua "Dân vận khéo" năm {year}', titleEn: 'Summary of the results of the "Skilful mass mobilisation" emulation movement, {year}', columns: [
    { key: 'no', heading: 'STT', headingEn: 'No.', width: 5 }, { key: 'unit', heading: 'Đơn vị', headingEn: 'Unit', width: 30 },
    { key: 'registeredCollective', heading: 'Đăng ký: tập thể', headingEn: 'Registered: collective' }, { key: 'registeredIndividual', heading: 'Đăng ký: cá nhân', headingEn: 'Registered: individual' },
    { key: 'field.economy', heading: 'Lĩnh vực: KT', headingEn: 'Field: economy' }, { key: 'field.culture-society', heading: 'Lĩnh vực: VH-XH', headingEn: 'Field: culture and society' },
    { key: 'field.defence-security', heading: 'Lĩnh vực: QP-AN', headingEn: 'Field: defence and security' }, { key: 'field.political-system', heading: 'Lĩnh vực: XDHTCT', headingEn: 'Field: political system building' },
    { key: 'effective', heading: 'Số MH/ĐH hiệu quả', headingEn: 'Effective models and exemplars' },
    { key: 'recognised.commune', heading: 'Công nhận cấp xã', headingEn: 'Recognised at commune level' }, { key: 'recognised.province', heading: 'Công nhận cấp tỉnh', headingEn: 'Recognised at provincial level' },
    { key: 'typical', heading: 'Số tiêu biểu', headingEn: 'Outstanding' },
    { key: 'commended.giay-khen', heading: 'Khen thưởng: Giấy khen', headingEn: 'Commended: Certificate of Commendation' }, { key: 'commended.bang-khen', heading: 'Khen thưởng: Bằng khen', headingEn: 'Commended: Certificate of Merit' }, { key: 'commended.other', heading: 'Khen thưởng: khác', headingEn: 'Commended: other forms' },
    { key: 'replicated', heading: 'Số được nhân rộng', headingEn: 'Replicated' }, { key: 'discontinued', heading: 'Số loại bỏ (không còn hiệu quả)', headingEn: 'Discontinued (no longer effective)' }, { key: 'note', heading: 'Ghi chú', headingEn: 'Notes', width: 12 },
  ] },
};

/** What form 3 needs of one entry. */
export interface CountableEntry {
  unitId: string;
  status: Status;
  subject: Subject;
  field: Field;
  typical: boolean;
  levels: Level[];
  commendationForms: CommendationForm[];
  replications: number;
}

export type Form3Counts = Record<string, number>;

/** The numeric keys of a form 3 row (every column but STT, unit and note). */
export const FORM3_KEYS = DEFAULT_FORMS.form3.columns.map((c) => c.key).filter((k) => !['no', 'unit', 'note'].includes(k));

const emptyRow = (): Form3Counts => Object.fromEntries(FORM3_KEYS.map((k) => [k, 0]));

/**
 * Form 3 counts for one unit's entries of a year. Registered = every entry past draft; effective =
 * recognised and still in force; recognised by level counts entries with a recognition at that
 * level; commended counts entries per commendation form (Giấy khen, Bằng khen, other forms together).
 */
export function countForm3(entries: CountableEntry[]): Form3Counts {
  const row = emptyRow();
  for (const e of entries) {
    if (e.status === 'draft') continue;
    row[e.subject === 'collective' ? 'registeredCollective' : 'registeredIndividual']++;
    row[`field.${e.field}`]++;
    if (PUBLIC_STATUSES.includes(e.status)) row.effective++;
    for (const l of LEVELS) if (e.levels.includes(l)) row[`recognised.${l}`]++;
    if (e.typical) row.typical++;
    const forms = new Set(e.commendationForms.map((f) => (f === 'giay-khen' || f === 'bang-khen' ? f : 'other')));
    for (const f of forms) row[`commended.${f}`]++;
    if (e.replications > 0) row.replicated++;
    if (e.status === 'discontinued') row.discontinued++;
  }
  return row;
}

/** Form 3 rows per unit (in the order units are first met) and the total row. */
export function summarize(entries: CountableEntry[]): { rows: { unitId: string; counts: Form3Counts }[]; total: Form3Counts } {
  const byUnit = new Map<string, CountableEntry[]>();
  for (const e of entries) (byUnit.get(e.unitId) ?? byUnit.set(e.unitId, []).get(e.unitId)!).push(e);
  const rows = [...byUnit].map(([unitId, es]) => ({ unitId, counts: countForm3(es) })).filter((r) => FORM3_KEYS.some((k) => r.counts[k] > 0));
  const total = emptyRow();
  for (const r of rows) for (const k of FORM3_KEYS) total[k] += r.counts[k];
  return { rows, total };
}

/** Whether two names are "similar" for the duplicate warning: same folded words, or one contains the other. */
export function similarNames(foldedA: string, foldedB: string): boolean {
  if (!foldedA || !foldedB) return false;
  if (foldedA === foldedB || foldedA.includes(foldedB) || foldedB.includes(foldedA)) return true;
  const a = new Set(foldedA.split(' ')), b = new Set(foldedB.split(' '));
  const common = [...a].filter((w) => b.has(w)).length;
  return common / Math.max(a.size, b.size) >= 0.8;
}
