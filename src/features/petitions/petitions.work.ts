import { registerWorkSource, type WorkItem } from '../../platform/work/index.ts';
import { registerIndicator } from '../../platform/indicators/index.ts';
import { withDescendants } from '../units/index.ts';
import { pendingNotices } from './petitions.steps.ts';
import { dialogueOf } from './petitions.dialogue.ts';

const STEP: Record<string, string> = { received: 'petition.classify', triaged: 'petition.accept', accepted: 'petition.resolve', suspended: 'petition.resume' };

/** Cases held by the person's units, with the step due next and its legal deadline (the case clock). */
registerWorkSource({
  name: 'petitions',
  permission: 'petitions.handle',
  list: async (db, who) => {
    if (!who.units.length) return [];
    const rows = await db.selectFrom('petitions as p').innerJoin('units as u', 'u.id', 'p.handling_unit_id')
      .select(['p.id', 'p.tracking_code', 'p.title', 'p.status', 'p.due_on', 'p.handling_unit_id', 'p.awaiting_receipt', 'u.full_name'])
      .where('p.handling_unit_id', 'in', who.units).where('p.status', 'in', Object.keys(STEP)).orderBy('p.due_on').limit(200).execute();
    const steps = rows.map((r): WorkItem => ({ key: `petition:${r.id}`, kind: r.awaiting_receipt ? 'petition.receipt' : STEP[r.status], title: `${r.tracking_code} · ${r.title}`, unitId: r.handling_unit_id, unitName: r.full_name, due: r.due_on, basis: 'legal', href: `/petitions/${r.id}` }));
    // Notices on the case clock not yet sent (issue 18 item 11), whatever the case's status.
    const withNotices = await db.selectFrom('petitions as p').innerJoin('units as u', 'u.id', 'p.handling_unit_id')
      .select(['p.id', 'p.tracking_code', 'p.title', 'p.deadlines', 'p.notices', 'p.handling_unit_id', 'u.full_name'])
      .where('p.handling_unit_id', 'in', who.units).where('p.deadlines', 'like', '%"notice.%').limit(200).execute();
    const notices = withNotices.flatMap((r) => pendingNotices(r).map((n): WorkItem => ({ key: `petition:${r.id}:notice:${n.notice}`, kind: 'petition.notice', title: `${r.tracking_code} · ${n.title}`, unitId: r.handling_unit_id, unitName: r.full_name, due: n.due, basis: 'legal', href: `/petitions/${r.id}#notices` })));
    // A scheduled complaint dialogue not yet held (issue 18 item 10): due on its day.
    const dialogues = await db.selectFrom('petitions as p').innerJoin('units as u', 'u.id', 'p.handling_unit_id')
      .select(['p.id', 'p.tracking_code', 'p.title', 'p.dialogue', 'p.handling_unit_id', 'u.full_name'])
      .where('p.handling_unit_id', 'in', who.units).where('p.status', '=', 'accepted').where('p.dialogue', 'is not', null).limit(200).execute();
    const held = dialogues.map((r) => ({ r, d: dialogueOf(r)! })).filter(({ d }) => !d.minutes);
    return [...steps, ...notices, ...held.map(({ r, d }): WorkItem => ({ key: `petition:${r.id}:dialogue`, kind: 'petition.dialogue', title: `${r.tracking_code} · ${r.title}`, unitId: r.handling_unit_id, unitName: r.full_name, due: d.dialogueOn, basis: 'legal', href: `/petitions/${r.id}#dialogue` }))];
  },
});

/** `don.overdue`: cases held by the unit (and below) still open at the end of the cut-off and past their legal deadline then. */
registerIndicator({
  code: 'don.overdue', label: 'Đơn quá hạn giải quyết', labelEn: 'Petitions past their legal deadline', unit: 'đơn', aggregate: 'sum',
  definition: 'Số đơn do đơn vị hoặc đơn vị trực thuộc đang xử lý, nhận đến ngày cuối kỳ, có hạn luật định trước ngày cuối kỳ mà đến ngày cuối kỳ chưa giải quyết xong. Tự tính từ sổ đơn trên Coso.',
  definitionEn: 'Petitions handled by the unit or its subordinate units, received by the last day of the period, whose legal deadline fell before that day and which are not yet resolved. Computed from the petition register on Coso.',
  compute: async (db, { unitId, to }) => {
    const r = await db.selectFrom('petitions').select((e) => e.fn.countAll<number>().as('n')).where('handling_unit_id', 'in', await withDescendants(db, [unitId]))
      .where('received_on', '<=', to).where('due_on', '<', to)
      .where((e) => e.or([e('status', 'in', Object.keys(STEP)), e('resolved_on', '>', to)])).executeTakeFirst();
    return Number(r?.n ?? 0);
  },
});
