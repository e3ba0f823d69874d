import { OPEN_LICENCE, registerDataset } from '../../platform/opendata/index.ts';

/** Closed consultations and their results (LDC Art. 25–29, 53–54): counts of comments and how they were answered; no commenter's name. */
registerDataset({
  id: 'consultations',
  title: 'Kết quả lấy ý kiến Nhân dân', titleEn: 'Results of public consultations',
  description: 'Các cuộc lấy ý kiến đã kết thúc: nội dung, thời gian, số ý kiến nhận được và số ý kiến được tiếp thu, tiếp thu một phần, không tiếp thu (có giải trình), đường dẫn báo cáo tổng hợp, giải trình. Không có tên người góp ý.',
  descriptionEn: 'Consultations that have closed: subject, dates, comments received and how many were accepted, partly accepted or not accepted (with an explanation), and the link to the summary and explanation report. No commenter is named.',
  legalBasis: 'Luật số 10/2022/QH15, Điều 25–29, 53–54; Điều 11 khoản 11',
  legalBasisEn: 'Law on Grassroots Democracy 10/2022/QH15, Art. 25–29, 53–54; Art. 11(11)',
  licence: OPEN_LICENCE, publisher: 'Ủy ban nhân dân các xã, phường; các cơ quan, đơn vị',
  publisherEn: "Commune and ward People's Committees; agencies and units",
  columns: [
    { name: 'id', type: 'string', description: 'Mã cuộc lấy ý kiến', descriptionEn: 'Consultation id' },
    { name: 'unitId', type: 'string', description: 'Mã đơn vị', descriptionEn: 'Unit id' },
    { name: 'unitName', type: 'string', description: 'Tên đơn vị', descriptionEn: 'Unit name' },
    { name: 'title', type: 'string', description: 'Nội dung lấy ý kiến', descriptionEn: 'Subject' },
    { name: 'matter', type: 'string', description: 'Loại nội dung theo Luật (mã Điều 25, 53)', descriptionEn: 'Kind of matter (Art. 25, 53 code)' },
    { name: 'opensOn', type: 'date', description: 'Ngày bắt đầu', descriptionEn: 'Opened on' },
    { name: 'closesOn', type: 'date', description: 'Ngày kết thúc', descriptionEn: 'Closed on' },
    { name: 'comments', type: 'integer', description: 'Số ý kiến nhận được', descriptionEn: 'Comments received' },
    { name: 'accepted', type: 'integer', description: 'Số ý kiến tiếp thu', descriptionEn: 'Accepted' },
    { name: 'partly', type: 'integer', description: 'Số ý kiến tiếp thu một phần', descriptionEn: 'Partly accepted' },
    { name: 'rejected', type: 'integer', description: 'Số ý kiến không tiếp thu (có giải trình)', descriptionEn: 'Not accepted (explained)' },
    { name: 'reportUrl', type: 'string', description: 'Đường dẫn báo cáo tổng hợp, giải trình', descriptionEn: 'Path of the summary and explanation report' },
  ],
  rows: async (db, { limit, offset }) => {
    const rows = await db.selectFrom('consultations').innerJoin('units', 'units.id', 'consultations.unit_id')
      .select(['consultations.id', 'consultations.unit_id', 'units.full_name', 'consultations.title', 'consultations.matter', 'consultations.opens_on', 'consultations.closes_on'])
      .where('consultations.status', '=', 'closed').orderBy('consultations.closes_on', 'desc').orderBy('consultations.id').limit(limit).offset(offset).execute();
    const ids = rows.map((r) => r.id);
    const counts = ids.length ? await db.selectFrom('consultation_comments').select(['consultation_id', 'decision', (e) => e.fn.countAll<number>().as('n')])
      .where('consultation_id', 'in', ids).groupBy(['consultation_id', 'decision']).execute() : [];
    const n = (id: string, d?: string) => counts.filter((c) => c.consultation_id === id && (d === undefined || c.decision === d)).reduce((s, c) => s + Number(c.n), 0);
    return rows.map((r) => ({ id: r.id, unitId: r.unit_id, unitName: r.full_name, title: r.title, matter: r.matter, opensOn: r.opens_on, closesOn: r.closes_on, comments: n(r.id), accepted: n(r.id, 'accepted'), partly: n(r.id, 'partly'), rejected: n(r.id, 'rejected'), reportUrl: `/consult/${r.id}/report` }));
  },
  updated: async (db) => (await db.selectFrom('consultations').select((e) => e.fn.max('updated_at').as('u')).where('status', '=', 'closed').executeTakeFirst())?.u ?? null,
});
