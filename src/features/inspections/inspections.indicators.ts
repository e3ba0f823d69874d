import type { Db } from '../../platform/db/index.ts';
import { registerIndicator } from '../../platform/indicators/index.ts';

const CLASS_LABELS = { HTXS: 'Hoàn thành xuất sắc', HTT: 'Hoàn thành tốt', HT: 'Hoàn thành', KHT: 'Không hoàn thành' } as const;
const CLASS_EN = { HTXS: 'completed excellently', HTT: 'completed well', HT: 'completed', KHT: 'not completed' } as const;

/** The unit's classification published by the People's Committee within the cut-off (the latest when several), or undefined. */
async function publishedIn(db: Db, unitId: string, from: string, to: string) {
  return db.selectFrom('inspection_assessments').select(['final_score', 'class', 'year']).where('unit_id', '=', unitId).where('status', '=', 'published')
    .where('published_on', '>=', from).where('published_on', '<=', to).orderBy('published_on', 'desc').orderBy('year', 'desc').executeTakeFirst();
}

/**
 * Yearly-report indicators from the published classification of mass-mobilisation work (issue 16
 * item 6): `xl.score`, the unit's final score, and `xl.htxs|htt|ht|kht`, 1 when it got that class
 * (0 for another class or not eligible), in the classification published during the report's
 * cut-off (the year-end decision of the year before falls in the annual report's cut-off). Null when
 * nothing was published for the unit in the period. A regime lists them to use them; plan 188's own
 * data form does not (it predates the classification).
 */
export function registerInspectionIndicators(): void {
  registerIndicator({
    code: 'xl.score', label: 'Điểm đánh giá, xếp loại công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở', labelEn: 'Score in the yearly mass-mobilisation assessment', unit: 'điểm', aggregate: 'avg',
    definition: 'Điểm cuối cùng (sau thẩm định của Sở Nội vụ) của đơn vị trong quyết định công bố kết quả xếp loại của UBND tỉnh ban hành trong thời gian chốt số liệu. Toàn tỉnh: bình quân của các đơn vị.',
    definitionEn: "Final score (after review by the Department of Home Affairs) of the unit in the provincial People's Committee decision announcing the classification, issued within the data cut-off. Province: the average of the units.",
    compute: async (db, { unitId, from, to }) => (await publishedIn(db, unitId, from, to))?.final_score ?? null,
  });
  for (const [cls, label] of Object.entries(CLASS_LABELS) as [keyof typeof CLASS_LABELS, string][]) {
    registerIndicator({
      code: `xl.${cls.toLowerCase()}`, label: `Xếp loại "${label}"`, labelEn: `Classified as ${CLASS_EN[cls]}`, unit: 'đơn vị', aggregate: 'sum',
      definition: `Ghi 1 nếu đơn vị được xếp loại "${label}" trong quyết định công bố kết quả xếp loại ban hành trong thời gian chốt số liệu, 0 nếu xếp loại khác hoặc không đủ điều kiện xếp loại. Toàn tỉnh: số đơn vị.`,
      definitionEn: `1 if the unit is classified as ${CLASS_EN[cls]} in the classification decision issued within the data cut-off, 0 if otherwise or not eligible. Province: the number of units.`,
      compute: async (db, { unitId, from, to }) => { const a = await publishedIn(db, unitId, from, to); return a ? (a.class === cls ? 1 : 0) : null; },
    });
  }
}
