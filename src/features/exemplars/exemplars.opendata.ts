import { OPEN_LICENCE, registerDataset } from '../../platform/opendata/index.ts';
import { PUBLIC_STATUSES } from '../../domain/exemplars/workflow.ts';
import { publicEntries } from './exemplars.repository.ts';

/** Recognised "Dân vận khéo" models (plan 188 II.12), as on the public showcase: never drafts or proposals. */
registerDataset({
  id: 'exemplars',
  title: 'Mô hình, điển hình "Dân vận khéo" được công nhận', titleEn: 'Recognised "Dân vận khéo" models',
  description: 'Các mô hình, điển hình "Dân vận khéo" đã được công nhận và công bố (như trang giới thiệu công khai): tên, lĩnh vực, năm, cấp công nhận, ngày công nhận, xã, phường.',
  descriptionEn: 'Recognised and published "Dân vận khéo" models (as on the public showcase): name, field, year, level, recognition date, commune.',
  legalBasis: 'Kế hoạch số 188/KH-UBND, mục II.12',
  legalBasisEn: 'Plan 188/KH-UBND, item II.12',
  licence: OPEN_LICENCE, publisher: 'Ban Chỉ đạo phong trào thi đua "Dân vận khéo"',
  publisherEn: 'Steering Committee of the "Skilful mass mobilisation" emulation movement',
  columns: [
    { name: 'id', type: 'string', description: 'Mã mô hình', descriptionEn: 'Entry id' },
    { name: 'code', type: 'string', description: 'Số đăng ký', descriptionEn: 'Registration code' },
    { name: 'name', type: 'string', description: 'Tên mô hình, điển hình', descriptionEn: 'Name' },
    { name: 'kind', type: 'string', description: 'Mô hình hay điển hình', descriptionEn: 'Model or example' },
    { name: 'field', type: 'string', description: 'Lĩnh vực', descriptionEn: 'Field' },
    { name: 'year', type: 'integer', description: 'Năm đăng ký', descriptionEn: 'Year registered' },
    { name: 'level', type: 'string', description: 'Cấp công nhận', descriptionEn: 'Level of recognition' },
    { name: 'recognisedOn', type: 'date', description: 'Ngày công nhận', descriptionEn: 'Recognised on' },
    { name: 'unitName', type: 'string', description: 'Đơn vị xây dựng', descriptionEn: 'Unit that built it' },
    { name: 'communeCode', type: 'string', description: 'Mã xã, phường (mã đơn vị hành chính)', descriptionEn: 'Commune code' },
    { name: 'communeName', type: 'string', description: 'Tên xã, phường', descriptionEn: 'Commune name' },
    { name: 'url', type: 'string', description: 'Đường dẫn trang giới thiệu', descriptionEn: 'Path of the showcase page' },
  ],
  rows: async (db, { limit, offset }) => (await publicEntries(db, { limit, offset })).map((e) => ({
    id: e.id, code: e.code, name: e.name, kind: e.kind, field: e.field, year: e.year, level: e.level, recognisedOn: e.recognisedOn, unitName: e.unitName, communeCode: e.communeCode, communeName: e.communeName, url: `/showcase/exemplars/${e.id}`,
  })),
  updated: async (db) => (await db.selectFrom('exemplar_entries').select((e) => e.fn.max('updated_at').as('u')).where('status', 'in', [...PUBLIC_STATUSES]).executeTakeFirst())?.u ?? null,
});
