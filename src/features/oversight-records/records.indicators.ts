import { registerIndicator } from '../../platform/indicators/index.ts';
import { withDescendants } from '../units/index.ts';

/**
 * Plan 188 data-form indicators computed from the records instead of typed in: `kl.disciplined`
 * (people with a discipline decision signed in the period) and `dt.trained` (attendances at courses
 * ending in the period), each for the unit and the units below it; plus `kt.commended` (commendation
 * decisions signed in the period), available to regimes that list it.
 */
export function registerRecordIndicators(): void {
  registerIndicator({
    code: 'kl.disciplined', label: 'Cán bộ, công chức, viên chức bị xử lý kỷ luật', labelEn: 'Staff disciplined', unit: 'người', aggregate: 'sum',
    definition: 'Số người có quyết định kỷ luật ký trong kỳ, theo sổ theo dõi kỷ luật trên Coso (vi phạm quy định về dân chủ ở cơ sở và các vi phạm đơn vị ghi vào sổ).',
    definitionEn: 'People with a disciplinary decision signed in the period, from the discipline register on Coso (breaches of grassroots-democracy rules and other breaches the unit records).',
    compute: async (db, { unitId, from, to }) => {
      const r = await db.selectFrom('discipline_records').select((e) => e.fn.countAll<number>().as('n')).where('unit_id', 'in', await withDescendants(db, [unitId]))
        .where('decision_on', '>=', from).where('decision_on', '<=', to).executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  });
  registerIndicator({
    code: 'dt.trained', label: 'Lượt cán bộ, công chức, viên chức được đào tạo, bồi dưỡng', labelEn: 'Staff training attendances', unit: 'lượt', aggregate: 'sum',
    definition: 'Số lượt người của đơn vị dự các khóa đào tạo, bồi dưỡng kết thúc trong kỳ, theo sổ theo dõi đào tạo trên Coso.',
    definitionEn: "Attendances of the unit's people at training courses ending in the period, from the training register on Coso.",
    compute: async (db, { unitId, from, to }) => {
      const r = await db.selectFrom('training_participants as p').innerJoin('training_courses as c', 'c.id', 'p.course_id').select((e) => e.fn.sum<number>('p.participants').as('n'))
        .where('p.unit_id', 'in', await withDescendants(db, [unitId])).where('c.ends_on', '>=', from).where('c.ends_on', '<=', to).executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  });
  registerIndicator({
    code: 'kt.commended', label: 'Tập thể, cá nhân, mô hình được khen thưởng', labelEn: 'Commendations', unit: 'lượt', aggregate: 'sum',
    definition: 'Số quyết định khen thưởng, biểu dương (mỗi người nhận một lượt) ký trong kỳ cho đơn vị, người của đơn vị hoặc mô hình của đơn vị.',
    definitionEn: 'Commendation and reward decisions (one per person receiving it) signed in the period for the unit, its people or its models.',
    compute: async (db, { unitId, from, to }) => {
      const r = await db.selectFrom('commendation_records').select((e) => e.fn.countAll<number>().as('n')).where('unit_id', 'in', await withDescendants(db, [unitId]))
        .where('decision_on', '>=', from).where('decision_on', '<=', to).executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  });
}
