import type { Db } from '../../platform/db/index.ts';
import { summarize } from '../../domain/exemplars/forms.ts';
import { countableEntries, type Scope } from './exemplars.repository.ts';
import { registerIndicator } from '../../platform/indicators/index.ts';
import { withDescendants } from '../units/index.ts';

export interface Indicator { key: string; labelKey: string; value: number }

/**
 * The DVK indicators for the reports capability (footnote 4 of the plan: results on the summary
 * form): the form 3 totals for a year over the given owner units ('all' = the whole province).
 */
export async function exemplarIndicators(db: Db, year: number, units: Scope = 'all'): Promise<Indicator[]> {
  const { total } = summarize(await countableEntries(db, year, units));
  return [
    { key: 'dvk.registered', labelKey: 'exemplars.indicator.registered', value: total.registeredCollective + total.registeredIndividual },
    { key: 'dvk.registered.collective', labelKey: 'exemplars.indicator.collective', value: total.registeredCollective },
    { key: 'dvk.registered.individual', labelKey: 'exemplars.indicator.individual', value: total.registeredIndividual },
    { key: 'dvk.effective', labelKey: 'exemplars.indicator.effective', value: total.effective },
    { key: 'dvk.recognised.commune', labelKey: 'exemplars.indicator.recognisedCommune', value: total['recognised.commune'] },
    { key: 'dvk.recognised.province', labelKey: 'exemplars.indicator.recognisedProvince', value: total['recognised.province'] },
    { key: 'dvk.typical', labelKey: 'exemplars.indicator.typical', value: total.typical },
    { key: 'dvk.commended', labelKey: 'exemplars.indicator.commended', value: total['commended.giay-khen'] + total['commended.bang-khen'] + total['commended.other'] },
    { key: 'dvk.replicated', labelKey: 'exemplars.indicator.replicated', value: total.replicated },
    { key: 'dvk.discontinued', labelKey: 'exemplars.indicator.discontinued', value: total.discontinued },
  ];
}

const localStart = (date: string) => new Date(`${date}T00:00:00+07:00`).toISOString();
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Units whose entries count for a unit: itself and its descendants. */
const ownerIds = (db: Db, unitId: string) => withDescendants(db, [unitId]);

/**
 * Registers the DVK indicators with the platform registry (plan 188 data form, footnote 4):
 * `dvk.models` (registered in the period, by registration time), `dvk.recognised` and
 * `dvk.commended` (by decision date), each for the unit and its descendants.
 */
export function registerExemplarIndicators(): void {
  registerIndicator({
    code: 'dvk.models', label: 'Mô hình, điển hình "Dân vận khéo" xây dựng', labelEn: '"Skilful mass mobilisation" models built', unit: 'mô hình', aggregate: 'sum',
    definition: 'Số mô hình, điển hình "Dân vận khéo" đơn vị đăng ký xây dựng trong kỳ theo Hướng dẫn 02-HD/BDVTU (mẫu số 3).',
    definitionEn: '"Skilful mass mobilisation" models and exemplars the unit registered in the period under Guidance 02-HD/BDVTU (form 3).',
    compute: async (db, { unitId, from, to }) => {
      const r = await db.selectFrom('exemplar_entries').select((e) => e.fn.countAll<number>().as('n')).where('unit_id', 'in', await ownerIds(db, unitId))
        .where('status', '!=', 'draft').where('created_at', '>=', localStart(from)).where('created_at', '<', localStart(nextDay(to))).executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  });
  const byDecision = (table: 'exemplar_recognitions' | 'exemplar_commendations') => async (db: Db, { unitId, from, to }: { unitId: string; from: string; to: string }) => {
    const r = await db.selectFrom(`${table} as x` as 'exemplar_recognitions as x').innerJoin('exemplar_entries as e', 'e.id', 'x.entry_id').select((e) => e.fn.count<number>('x.entry_id').distinct().as('n'))
      .where('e.unit_id', 'in', await ownerIds(db, unitId)).where('x.decision_on', '>=', from).where('x.decision_on', '<=', to).executeTakeFirst();
    return Number(r?.n ?? 0);
  };
  registerIndicator({ code: 'dvk.recognised', label: 'Mô hình, điển hình "Dân vận khéo" được công nhận', labelEn: '"Skilful mass mobilisation" models recognised', unit: 'mô hình', aggregate: 'sum',
    definition: 'Số mô hình, điển hình của đơn vị có quyết định công nhận (cấp xã hoặc cấp tỉnh) ký trong kỳ.', definitionEn: 'Models and exemplars of the unit with a recognition decision (commune or province level) signed in the period.', compute: byDecision('exemplar_recognitions') });
  registerIndicator({ code: 'dvk.commended', label: 'Mô hình, điển hình "Dân vận khéo" được khen thưởng', labelEn: '"Skilful mass mobilisation" models commended', unit: 'mô hình', aggregate: 'sum',
    definition: 'Số mô hình, điển hình của đơn vị có quyết định khen thưởng ký trong kỳ.', definitionEn: 'Models and exemplars of the unit with a commendation decision signed in the period.', compute: byDecision('exemplar_commendations') });
}
