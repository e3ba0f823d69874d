/**
 * The provincial report of a period (plan 188 III.1: the Department of Home Affairs compiles the
 * unit reports for the provincial People's Committee): the narrative compiled per outline section
 * with each unit's text attributed, which the coordinator edits as a draft and issues under its own
 * number and date. Until issued, "compile again" refreshes it from the reports counted now.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { notifyUsers } from '../../platform/notify/index.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import { dateField } from '../units/units.schema.ts';
import type { Aggregation } from './reports.aggregate.ts';
import type { Period, Regime } from './reports.repository.ts';
import type { ReportError } from './reports.service.ts';
import './reports.tables.ts';

export type CompilationStatus = 'none' | 'draft' | 'issued';
export interface Compilation {
  status: CompilationStatus;
  number: number | null;
  signedOn: string | null;
  signerName: string;
  intro: string;
  sections: { key: string; part: string; title: string; text: string }[];
  version: number;
  issuedAt: string | null;
  updatedAt: string | null;
}
export interface CompilationInput { intro: string; sections: Record<string, string>; number: number | null; signedOn: string | null; signerName: string }

/** The provincial report symbol (Decree 30 Annex III: a report of a People's Committee). */
export const PROVINCIAL_SYMBOL = 'BC-UBND';

/** The text compiled from the counted unit reports: an opening paragraph and, per section, one line per unit ("Unit: text"). */
export function compiledText(regime: Regime, agg: Aggregation): { intro: string; sections: Record<string, string> } {
  const counted = agg.submitted + agg.accepted;
  const intro = `Thực hiện ${regime.legalBasis}; trên cơ sở báo cáo của ${counted}/${agg.statuses.length} cơ quan, đơn vị, địa phương (${agg.accepted} đã được chấp nhận; ${agg.missing.length} chưa gửi; ${agg.late.length} gửi trễ hoặc quá hạn), Ủy ban nhân dân tỉnh báo cáo như sau:`;
  const sections = Object.fromEntries(regime.outline.map((o) => [o.key, (agg.narrative.find((n) => n.key === o.key)?.entries ?? []).map((e) => `${e.unitName}: ${e.text.replace(/\s*\n+\s*/g, ' ')}`).join('\n')]));
  return { intro, sections };
}

const row = (db: Db | Trx, periodId: string) => db.selectFrom('report_compilations').selectAll().where('period_id', '=', periodId).executeTakeFirst();

/** The saved provincial report of a period, or (status `none`) the text compiled from `agg` now. */
export async function getCompilation(db: Db | Trx, regime: Regime, periodId: string, agg: () => Promise<Aggregation>): Promise<Compilation> {
  const r = await row(db, periodId);
  const base = r
    ? { intro: r.intro, sections: JSON.parse(r.sections) as Record<string, string> }
    : compiledText(regime, await agg());
  return {
    status: (r?.status ?? 'none') as CompilationStatus, number: r?.number == null ? null : Number(r.number), signedOn: r?.signed_on ?? null,
    signerName: r?.signer_name ?? '', intro: base.intro, version: Number(r?.version ?? 0), issuedAt: r?.issued_at ?? null, updatedAt: r?.updated_at ?? null,
    sections: regime.outline.map((o) => ({ key: o.key, part: o.part, title: o.title, text: base.sections[o.key] ?? '' })),
  };
}

async function upsert(trx: Trx, actor: Actor, period: Period, input: CompilationInput, status: 'draft' | 'issued', existing: Awaited<ReturnType<typeof row>>) {
  const now = nowIso();
  const values = {
    status, number: input.number, signed_on: input.signedOn, signer_name: input.signerName, intro: input.intro, sections: JSON.stringify(input.sections),
    updated_by: actor.userId, updated_at: now, ...(status === 'issued' ? { issued_by: actor.userId, issued_at: now } : {}),
  };
  if (existing) {
    await trx.updateTable('report_compilations').set({ ...values, version: Number(existing.version) + 1 }).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const id = randomUUID();
  await trx.insertInto('report_compilations').values({ id, period_id: period.id, issued_by: null, issued_at: null, ...values, version: 1, created_at: now }).execute();
  return id;
}

function checkSections(regime: Regime, input: CompilationInput): Record<string, string> {
  const keys = new Set(regime.outline.map((s) => s.key));
  return Object.fromEntries(Object.keys(input.sections).filter((k) => !keys.has(k)).map((k) => [`s.${k}`, 'reports.error.unknownSection']));
}

/** Saves the coordinator's draft of the provincial report (not once issued); audited. */
export async function saveCompilation(db: Db, actor: Actor, period: Period, regime: Regime, input: CompilationInput): Promise<Result<string, ReportError>> {
  const bad = checkSections(regime, input);
  if (Object.keys(bad).length) return fail('invalid', bad);
  return inTransaction(db, async (trx) => {
    const r = await row(trx, period.id);
    if (r?.status === 'issued') return fail('state');
    const id = await upsert(trx, actor, period, input, 'draft', r);
    await record(trx, actor, { action: 'reports.compilation.save', subjectType: 'report-compilation', subjectId: id, changes: { periodId: period.id, number: input.number, signedOn: input.signedOn, sections: Object.entries(input.sections).map(([key, text]) => ({ key, length: text.length })) }, visibility: 'admin' });
    return ok(id);
  });
}

/**
 * Issues the provincial report under its number and date (both required, the signer's name too);
 * the number is unique among the provincial reports issued in the same year. Observers and leaders
 * are notified. Issued text is final.
 */
export async function issueCompilation(db: Db, actor: Actor, period: Period, regime: Regime, input: CompilationInput): Promise<Result<string, ReportError>> {
  const fields = checkSections(regime, input);
  if (!input.number) fields.number = 'reports.error.numberRequired';
  if (!input.signedOn) fields.signedOn = 'reports.error.signedOnRequired';
  if (!input.signerName.trim()) fields.signerName = 'reports.error.signerRequired';
  if (Object.keys(fields).length) return fail('invalid', fields);
  return inTransaction(db, async (trx) => {
    const r = await row(trx, period.id);
    if (r?.status === 'issued') return fail('state');
    const year = input.signedOn!.slice(0, 4);
    const taken = await trx.selectFrom('report_compilations').select('id').where('status', '=', 'issued').where('number', '=', input.number)
      .where('signed_on', '>=', `${year}-01-01`).where('signed_on', '<=', `${year}-12-31`).executeTakeFirst();
    if (taken) return fail('invalid', { number: 'reports.error.numberTaken' });
    const id = await upsert(trx, actor, period, input, 'issued', r);
    await record(trx, actor, { action: 'reports.compilation.issue', subjectType: 'report-compilation', subjectId: id, changes: { periodId: period.id, number: `${input.number}/${PROVINCIAL_SYMBOL}`, signedOn: input.signedOn, signerName: input.signerName }, visibility: 'public' });
    const readers = await trx.selectFrom('role_grants').select('user_id').where('role', 'in', ['observer', 'leader']).execute();
    await notifyUsers(trx, readers.map((x) => x.user_id), {
      title: `Báo cáo tổng hợp số ${String(input.number).padStart(2, '0')}/${PROVINCIAL_SYMBOL}`,
      body: `${period.title}: Ủy ban nhân dân tỉnh đã ban hành báo cáo tổng hợp ngày ${formatDate(input.signedOn)}.`,
      link: `/report-periods/${period.id}/provincial`,
    });
    return ok(id);
  });
}

/** Replaces the draft's text with the text compiled from the reports counted now (number, date and signer kept); audited. */
export async function recompile(db: Db, actor: Actor, period: Period, regime: Regime, agg: Aggregation): Promise<Result<string, ReportError>> {
  return inTransaction(db, async (trx) => {
    const r = await row(trx, period.id);
    if (r?.status === 'issued') return fail('state');
    const text = compiledText(regime, agg);
    const id = await upsert(trx, actor, period, { ...text, number: r?.number == null ? null : Number(r.number), signedOn: r?.signed_on ?? null, signerName: r?.signer_name ?? '' }, 'draft', r);
    await record(trx, actor, { action: 'reports.compilation.recompile', subjectType: 'report-compilation', subjectId: id, changes: { periodId: period.id, counted: agg.submitted + agg.accepted }, visibility: 'admin' });
    return ok(id);
  });
}

/** A Decree 30 number typed by a user: empty (none yet) or a whole number 1–99999. */
const numberField = z.string().trim().max(6).transform((s, ctx) => {
  if (s === '') return null;
  if (!/^\d{1,5}$/.test(s) || Number(s) < 1) { ctx.addIssue({ code: 'custom', message: 'reports.error.number.doc' }); return z.NEVER; }
  return Number(s);
});
const optionalDate = z.string().trim().max(10).transform((s, ctx) => {
  if (s === '') return null;
  const r = dateField.safeParse(s);
  if (!r.success) { ctx.addIssue({ code: 'custom', message: 'validation.date' }); return z.NEVER; }
  return r.data;
});

/** Reads the plain form of the provincial report page: `intro`, `s.<key>`, `number`, `signedOn` (dd/mm/yyyy), `signerName`. */
export function compilationFromForm(values: Record<string, string>, keys: string[]): { ok: true; data: CompilationInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const n = numberField.safeParse(values.number ?? '');
  if (!n.success) errors.number = 'reports.error.number.doc';
  const d = optionalDate.safeParse(values.signedOn ?? '');
  if (!d.success) errors.signedOn = 'validation.date';
  const intro = (values.intro ?? '').trim().slice(0, 20_000);
  const signerName = (values.signerName ?? '').trim().slice(0, 200);
  const sections = Object.fromEntries(keys.map((k) => [k, (values[`s.${k}`] ?? '').replace(/\r\n/g, '\n').trim().slice(0, 200_000)]));
  if (Object.keys(errors).length || !n.success || !d.success) return { ok: false, errors };
  return { ok: true, data: { intro, sections, number: n.data, signedOn: d.data, signerName } };
}

/** The API body of the provincial report (PUT and issue). */
export const compilationInput = z.object({
  intro: z.string().trim().max(20_000).default(''),
  sections: z.array(z.object({ key: z.string().max(64), text: z.string().max(200_000) })).max(100).default([]),
  number: z.number().int().min(1).max(99_999).nullable().default(null),
  signedOn: z.string().trim().max(10).nullable().default(null),
  signerName: z.string().trim().max(200).default(''),
}).strict();
