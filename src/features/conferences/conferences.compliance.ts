import type { Db } from '../../platform/db/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { registerIndicator } from '../../platform/indicators/index.ts';
import { atYearEnd, noticeOnTime, reportDue } from '../../domain/democracy/index.ts';
import type { Calendar } from '../../domain/calendar/index.ts';
import { loadCalendar } from '../calendar/index.ts';
import { withDescendants } from '../units/index.ts';
import { communesAt, conferencesOfCommunes, villagesOf } from './conferences.repository.ts';
import type { ConferencesTable } from './conferences.tables.ts';

/** How one held conference met its procedure: notice ≥05 days before, year-end window, report on time. */
export interface EventCheck { id: string; heldOn: string; noticeOnTime: boolean | null; atYearEnd: boolean; reportSentOn: string | null; reportDue: string; reportOnTime: boolean | null }
export interface CommuneCompliance { id: string; name: string; dialogue: EventCheck | null; villages: { id: string; name: string; periodic: EventCheck | null }[] }

const check = (cal: Calendar, c: ConferencesTable, today: string): EventCheck => {
  const due = reportDue(cal, c.held_on);
  const report = c.report_sent_on ? c.report_sent_on <= due : due < today ? false : null;
  return { id: c.id, heldOn: c.held_on, noticeOnTime: c.notice_sent_on ? noticeOnTime(c.notice_sent_on, c.held_on) : null, atYearEnd: atYearEnd(c.held_on), reportSentOn: c.report_sent_on, reportDue: due, reportOnTime: report };
};

/**
 * For a calendar year: which communes held their Art. 32(1) dialogue conference and which villages
 * their Art. 33 year-end conference (held = minutes recorded, dated in that year: nothing in
 * DOMAIN.md lets the conference of year Y be held in the next year). Villages are those current at
 * the end of the year (or today, for the current year).
 */
export async function complianceOfYear(db: Db, scope: 'all' | string[], year: number): Promise<CommuneCompliance[]> {
  const today = localToday();
  const end = `${year}-12-31` < today ? `${year}-12-31` : today;
  const communes = await communesAt(db, end, scope);
  const ids = communes.map((c) => c.id);
  const [villages, held, cal] = [await villagesOf(db, ids, end), (await conferencesOfCommunes(db, ids, `${year}-01-01`, `${year}-12-31`)).filter((c) => c.status === 'held'), await loadCalendar(db)];
  const first = (unitId: string) => held.find((c) => c.unit_id === unitId);
  return communes.map((c) => {
    const d = held.find((x) => x.unit_id === c.id && x.kind === 'commune-dialogue');
    return { id: c.id, name: c.name, dialogue: d ? check(cal, d, today) : null,
      villages: villages.filter((v) => v.communeId === c.id).map((v) => { const p = first(v.id); return { id: v.id, name: v.name, periodic: p ? check(cal, p, today) : null }; }) };
  });
}

/** Counts for a summary line: communes with their dialogue, villages with their periodic conference. */
export function complianceCounts(rows: CommuneCompliance[]) {
  const villages = rows.flatMap((r) => r.villages);
  return { communes: rows.length, dialogues: rows.filter((r) => r.dialogue).length, villages: villages.length, periodic: villages.filter((v) => v.periodic).length };
}

const heldIn = async (db: Db, kind: string, unitId: string, from: string, to: string) => {
  const r = await db.selectFrom('conferences').select((e) => e.fn.count<number>('unit_id').distinct().as('n')).where('kind', '=', kind).where('status', '=', 'held')
    .where('unit_id', 'in', await withDescendants(db, [unitId])).where('held_on', '>=', from).where('held_on', '<=', to).executeTakeFirst();
  return Number(r?.n ?? 0);
};

/** `hn.dialogue` and `hn.periodic`: units (communes / villages) of the unit and below that held their conference in the period. */
export function registerConferenceIndicators(): void {
  registerIndicator({
    code: 'hn.dialogue', label: 'Xã, phường tổ chức hội nghị đối thoại với Nhân dân', labelEn: 'Communes holding the dialogue conference with the people', unit: 'đơn vị', aggregate: 'sum',
    definition: 'Số xã, phường (của đơn vị và đơn vị trực thuộc) có biên bản hội nghị đối thoại giữa UBND cấp xã với Nhân dân trong kỳ (Điều 32 khoản 1 Luật Thực hiện dân chủ ở cơ sở). Tự tính từ Coso.',
    definitionEn: 'Communes (of the unit and below) with minutes of a dialogue conference between the commune People\'s Committee and the people in the period (Law on Grassroots Democracy Art. 32(1)). Computed from Coso.',
    compute: (db, { unitId, from, to }) => heldIn(db, 'commune-dialogue', unitId, from, to),
  });
  registerIndicator({
    code: 'hn.periodic', label: 'Thôn, tổ dân phố tổ chức hội nghị định kỳ cuối năm', labelEn: 'Villages holding the year-end periodic conference', unit: 'đơn vị', aggregate: 'sum',
    definition: 'Số thôn, tổ dân phố (của đơn vị và đơn vị trực thuộc) có biên bản hội nghị định kỳ của cộng đồng dân cư trong kỳ (Điều 33 Luật Thực hiện dân chủ ở cơ sở; Điều 10–11 Nghị định 59/2023/NĐ-CP). Tự tính từ Coso.',
    definitionEn: 'Villages and residential groups (of the unit and below) with minutes of the periodic community conference in the period (Law on Grassroots Democracy Art. 33; Decree 59/2023 Art. 10–11). Computed from Coso.',
    compute: (db, { unitId, from, to }) => heldIn(db, 'village-periodic', unitId, from, to),
  });
}
