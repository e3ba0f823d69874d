import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import type { T } from '../../platform/i18n/index.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import { DEFAULT_FORMS, FORM3_KEYS, summarize, type Column, type Form3Counts, type FormDef } from '../../domain/exemplars/forms.ts';
import { unitNames } from '../units/index.ts';
import { countableEntries, findEntries, outcomesOf, type Scope } from './exemplars.repository.ts';
import { decree30Docx } from './exemplars.docx.ts';

/** The form definitions: the `exemplars.forms` setting (client-confirmed headings) when present, else the proposed defaults. */
export async function formDefs(db: Db): Promise<typeof DEFAULT_FORMS> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'exemplars.forms').executeTakeFirst();
  if (!row) return DEFAULT_FORMS;
  try { return { ...DEFAULT_FORMS, ...(JSON.parse(row.value) as Partial<typeof DEFAULT_FORMS>) }; } catch { return DEFAULT_FORMS; }
}

/** Saves the province's confirmed titles and column headings (keys and order stay those of the defaults); audited. */
export async function setFormDefs(db: Db, actor: Actor, headings: Record<FormCode, { title: string; columns: Record<string, string> }>): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await formDefs(trx as unknown as Db);
    // a default's English is kept only where the province kept the default wording
    const next = Object.fromEntries(FORM_CODES.map((code) => {
      const d = DEFAULT_FORMS[code], title = headings[code].title;
      return [code, {
        ...d, draft: false, title, titleEn: title === d.title ? d.titleEn : undefined,
        columns: d.columns.map((c) => {
          const heading = headings[code].columns[c.key] ?? c.heading;
          return { ...c, heading, headingEn: heading === c.heading ? c.headingEn : undefined };
        }),
      }];
    })) as typeof DEFAULT_FORMS;
    const value = JSON.stringify(next);
    const exists = await trx.selectFrom('settings').select('key').where('key', '=', 'exemplars.forms').executeTakeFirst();
    if (exists) await trx.updateTable('settings').set({ value, updated_at: nowIso() }).where('key', '=', 'exemplars.forms').execute();
    else await trx.insertInto('settings').values({ key: 'exemplars.forms', value, updated_at: nowIso() }).execute();
    await record(trx, actor, { action: 'exemplars.forms.set', subjectType: 'setting', subjectId: 'exemplars.forms', changes: { before, after: next }, visibility: 'public' });
  });
}

export const FORM_CODES = ['form1', 'form2', 'form3'] as const;
export type FormCode = (typeof FORM_CODES)[number];

export interface Form3Data { year: number; def: FormDef; rows: { unitId: string; unitName: string; counts: Form3Counts }[]; total: Form3Counts }

/** Form 3 for a year over the given owner units ('all' = the whole province), rows sorted by unit name. */
export async function loadForm3(db: Db, year: number, units: Scope): Promise<Form3Data> {
  const s = summarize(await countableEntries(db, year, units));
  const names = await unitNames(db, s.rows.map((r) => r.unitId));
  const rows = s.rows.map((r) => ({ ...r, unitName: names.get(r.unitId)?.fullName ?? r.unitId })).sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
  return { year, def: (await formDefs(db)).form3, rows, total: s.total };
}

/** Rows of forms 1 (registrations) and 2 (proposed/recognised) as cell values keyed by column. */
export async function loadList(db: Db, form: 'form1' | 'form2', year: number, scope: Scope, t: T): Promise<{ def: FormDef; rows: Record<string, string | number>[] }> {
  const def = (await formDefs(db))[form];
  const statuses = form === 'form1' ? null : ['proposed', 'under-review', 'recognised', 'typical', 'commended', 'replicated'];
  const all = [];
  for (let page = 0; ; page++) {
    const batch = await findEntries(db, scope, { year, limit: 1000, offset: page * 1000 });
    all.push(...batch.filter((e) => e.status !== 'draft' && (!statuses || statuses.includes(e.status))));
    if (batch.length < 1000) break;
  }
  const { recognitions, commendations } = await outcomesOf(db, all.map((e) => e.id));
  const rows = all.map((e, i) => ({
    no: i + 1, name: e.name, type: `${t(`exemplars.kind.${e.kind}`)}; ${t(`exemplars.subject.${e.subject}`)}`, subject: t(`exemplars.subject.${e.subject}`),
    field: t(`exemplars.field.${e.field}`), owner: e.personName ? `${e.personName} (${e.unitName})` : e.unitName, place: [e.village, e.communeName].filter(Boolean).join(', '),
    forces: e.registration.forces, timeline: e.registration.timeline, objectives: `${e.registration.objectives}\n${e.registration.criteria}`, outputs: e.registration.outputs,
    resources: e.registration.resources, results: e.resultsReport ?? '', sustainability: e.registration.sustainability,
    recognition: (recognitions.get(e.id) ?? []).map((r) => `${t(`exemplars.level.${r.level}`)}: ${r.decisionNumber}, ${formatDate(r.decisionOn)}`).join('; '),
    commendation: (commendations.get(e.id) ?? []).map((c) => `${t(`exemplars.commendForm.${c.form}`)} (${c.issuer}, ${c.decisionNumber})`).join('; '),
    note: e.code,
  }));
  return { def, rows };
}

/** A loaded form with its title and headings in English when English is chosen and the wording is a default one (the province's own wording is shown as entered). */
export const formIn = <X extends { def: FormDef }>(x: X, lang: string): X => (lang !== 'en' ? x : {
  ...x, def: { ...x.def, title: x.def.titleEn ?? x.def.title, columns: x.def.columns.map((c) => ({ ...c, heading: c.headingEn ?? c.heading })) },
});

const title = (def: FormDef, year: number) => def.title.replace('{year}', String(year));
const cellsOf = (cols: Column[], row: Record<string, string | number>) => cols.map((c) => row[c.key] ?? '');

/** A one-sheet workbook: title, "draft form" note, header row, rows, optional total row. */
export async function sheet(def: FormDef, year: number, rows: (string | number)[][], t: T, total?: (string | number)[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Coso';
  const ws = wb.addWorksheet(def.code.toUpperCase(), { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([title(def, year)]).font = { bold: true, size: 14, name: 'Times New Roman' };
  ws.mergeCells(1, 1, 1, def.columns.length);
  ws.addRow([def.draft ? t('exemplars.forms.draftNote') : '']).font = { italic: true, name: 'Times New Roman' };
  const head = ws.addRow(def.columns.map((c) => c.heading));
  head.font = { bold: true, name: 'Times New Roman' };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (const r of rows) ws.addRow(r).alignment = { wrapText: true, vertical: 'top' };
  if (total) ws.addRow(total).font = { bold: true, name: 'Times New Roman' };
  def.columns.forEach((c, i) => { ws.getColumn(i + 1).width = c.width ?? 11; });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const form3Cells = (d: Form3Data, t: T) => ({
  rows: d.rows.map((r, i) => cellsOf(d.def.columns, { no: i + 1, unit: r.unitName, ...r.counts })),
  total: cellsOf(d.def.columns, { no: '', unit: t('exemplars.forms.total'), ...d.total }),
});

/** Form 3 as XLSX (numbers as numbers). */
export async function form3Xlsx(d: Form3Data, t: T): Promise<Buffer> {
  const { rows, total } = form3Cells(d, t);
  return sheet(d.def, d.year, rows, t, total);
}

/** Form 3 as a Decree 30 DOCX (landscape, Times New Roman). */
export function form3Docx(d: Form3Data, t: T): Promise<Buffer> {
  const { rows, total } = form3Cells(d, t);
  return decree30Docx({ title: title(d.def, d.year), headings: d.def.columns.map((c) => c.heading), rows: [...rows, total].map((r) => r.map(String)), intro: d.def.draft ? t('exemplars.forms.draftNote') : undefined });
}

export { FORM3_KEYS };
