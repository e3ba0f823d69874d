import { OPEN_LICENCE, registerDataset } from '../../platform/opendata/index.ts';

/** Every posting made on a public notice board (LDC Art. 11–13, 46–47): what was posted, by whom, when. */
registerDataset({
  id: 'disclosures',
  title: 'Nội dung công khai trên bảng tin', titleEn: 'Notice board disclosures',
  description: 'Mọi nội dung các xã, phường và cơ quan đã niêm yết công khai: mục theo Luật, tiêu đề, văn bản, ngày niêm yết, ngày hết niêm yết, ngày gỡ.',
  descriptionEn: 'Every item communes and agencies have posted on their notice boards: the item of the Law, title, document, posting and removal dates.',
  legalBasis: 'Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 11–13, 46–47',
  legalBasisEn: 'Law on Grassroots Democracy 10/2022/QH15, Art. 11–13, 46–47',
  licence: OPEN_LICENCE, publisher: 'Ủy ban nhân dân các xã, phường; các cơ quan, đơn vị',
  publisherEn: "Commune and ward People's Committees; agencies and units",
  columns: [
    { name: 'id', type: 'string', description: 'Mã nội dung', descriptionEn: 'Posting id' },
    { name: 'unitId', type: 'string', description: 'Mã đơn vị niêm yết (xem tập "units")', descriptionEn: 'Unit id (see the "units" dataset)' },
    { name: 'unitName', type: 'string', description: 'Tên đơn vị', descriptionEn: 'Unit name' },
    { name: 'itemCode', type: 'string', description: 'Mục phải công khai theo Luật (mã danh mục của Coso)', descriptionEn: 'Item of the Law (Coso catalogue code)' },
    { name: 'title', type: 'string', description: 'Tiêu đề nội dung', descriptionEn: 'Title' },
    { name: 'documentNo', type: 'string', description: 'Số, ký hiệu văn bản (nếu có)', descriptionEn: 'Document number, if any' },
    { name: 'decisionOn', type: 'date', description: 'Ngày ban hành văn bản', descriptionEn: 'Date of the document' },
    { name: 'postedOn', type: 'date', description: 'Ngày niêm yết', descriptionEn: 'Posted on' },
    { name: 'postedUntil', type: 'date', description: 'Niêm yết đến ngày (trống: thường xuyên)', descriptionEn: 'Posted until (empty: permanent)' },
    { name: 'removedOn', type: 'date', description: 'Ngày gỡ khỏi bảng tin (nếu đã gỡ)', descriptionEn: 'Removed on, if removed' },
    { name: 'late', type: 'boolean', description: 'Niêm yết muộn so với hạn Luật định', descriptionEn: 'Posted after the legal deadline' },
  ],
  rows: async (db, { limit, offset }) => (await db.selectFrom('disclosures').innerJoin('units', 'units.id', 'disclosures.unit_id')
    .select(['disclosures.id', 'disclosures.unit_id', 'units.full_name', 'disclosures.item_code', 'disclosures.title', 'disclosures.document_no', 'disclosures.decision_on', 'disclosures.posted_on', 'disclosures.posted_until', 'disclosures.removed_on', 'disclosures.late'])
    .orderBy('disclosures.posted_on', 'desc').orderBy('disclosures.id').limit(limit).offset(offset).execute())
    .map((r) => ({ id: r.id, unitId: r.unit_id, unitName: r.full_name, itemCode: r.item_code, title: r.title, documentNo: r.document_no, decisionOn: r.decision_on, postedOn: r.posted_on, postedUntil: r.posted_until, removedOn: r.removed_on, late: Boolean(Number(r.late)) })),
  updated: async (db) => (await db.selectFrom('disclosures').select((e) => e.fn.max('updated_at').as('u')).executeTakeFirst())?.u ?? null,
});
