import { OPEN_LICENCE, registerDataset } from '../../platform/opendata/index.ts';

/** The unit registry with its history: every unit, its validity, and what it became on a reorganisation (the 2025 merger). */
registerDataset({
  id: 'units',
  title: 'Danh mục đơn vị và lịch sử sắp xếp', titleEn: 'Unit registry and reorganisation history',
  description: 'Tỉnh, xã, phường, cơ quan, thôn, tổ dân phố trong Coso với thời gian hiệu lực; đơn vị kế thừa khi sắp xếp (hợp nhất tỉnh, kết thúc cấp huyện ngày 01/07/2025). Mã xã, phường theo danh mục đơn vị hành chính.',
  descriptionEn: 'Province, communes, agencies, villages and residential groups with their validity; the successor units of each reorganisation (the province merger and the end of districts on 01/07/2025). Commune codes follow the national list.',
  legalBasis: 'Nghị quyết số 202/2025/QH15; Nghị quyết số 1664/NQ-UBTVQH15; Nghị quyết số 203/2025/QH15',
  legalBasisEn: 'Resolution 202/2025/QH15; Resolution 1664/NQ-UBTVQH15; Resolution 203/2025/QH15',
  licence: { ...OPEN_LICENCE, attribution: 'Danh mục gốc: thanglequoc/vietnamese-provinces-database (MIT), theo danh mục của Tổng cục Thống kê và QĐ 19/2025/QĐ-TTg', attributionEn: 'Source list: thanglequoc/vietnamese-provinces-database (MIT), following the list of the General Statistics Office and Decision 19/2025/QĐ-TTg' },
  publisher: 'Sở Nội vụ', publisherEn: 'Department of Home Affairs',
  columns: [
    { name: 'id', type: 'string', description: 'Mã đơn vị trong Coso', descriptionEn: 'Coso unit id' },
    { name: 'code', type: 'string', description: 'Mã đơn vị hành chính (xã, phường, tỉnh) nếu có', descriptionEn: 'Administrative code, if any' },
    { name: 'name', type: 'string', description: 'Tên', descriptionEn: 'Name' },
    { name: 'fullName', type: 'string', description: 'Tên đầy đủ', descriptionEn: 'Full name' },
    { name: 'kind', type: 'string', description: 'Loại đơn vị (mã của Coso)', descriptionEn: 'Kind (Coso code)' },
    { name: 'parentId', type: 'string', description: 'Đơn vị cấp trên', descriptionEn: 'Parent unit id' },
    { name: 'validFrom', type: 'date', description: 'Có hiệu lực từ', descriptionEn: 'Valid from' },
    { name: 'validTo', type: 'date', description: 'Hết hiệu lực (trống: đang hoạt động)', descriptionEn: 'Valid until (empty: current)' },
    { name: 'successorIds', type: 'string', description: 'Đơn vị kế thừa, cách nhau bởi dấu chấm phẩy', descriptionEn: 'Successor unit ids, separated by semicolons' },
  ],
  rows: async (db, { limit, offset }) => {
    const units = await db.selectFrom('units').select(['id', 'code', 'name', 'full_name', 'kind', 'parent_id', 'valid_from', 'valid_to'])
      .orderBy('valid_from').orderBy('kind').orderBy('id').limit(limit).offset(offset).execute();
    const ids = units.map((u) => u.id);
    const lineage = ids.length ? await db.selectFrom('unit_lineage').select(['predecessor_id', 'successor_id']).where('predecessor_id', 'in', ids).execute() : [];
    return units.map((u) => ({ id: u.id, code: u.code, name: u.name, fullName: u.full_name, kind: u.kind, parentId: u.parent_id, validFrom: u.valid_from, validTo: u.valid_to, successorIds: lineage.filter((l) => l.predecessor_id === u.id).map((l) => l.successor_id).join(';') }));
  },
  updated: async (db) => (await db.selectFrom('units').select((e) => e.fn.max('updated_at').as('u')).executeTakeFirst())?.u ?? null,
});
