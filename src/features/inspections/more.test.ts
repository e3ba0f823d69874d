import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { currentVersion } from '../../../test/helpers/concurrency.ts';
import { REGISTRATION_ITEMS } from '../../domain/exemplars/forms.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { docxParagraphs } from '../../platform/docx/read.ts';

type Json = Record<string, any>;

/** Issue 16, the rest: good models into the "Dân vận khéo" registry, the §7.3 summary as DOCX, indicators from the published classes, evidence files on findings. */
forEachDialect('inspections: good models, summary DOCX, indicators, evidence', (dialect) => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let pleiku: string, tuPhap: string;
  let concluded: Json, open: Json;
  const year = Number(localToday().slice(0, 4));
  const call = async (who: string, method: string, path: string, body?: unknown) => {
    const r = await t.app.request(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${tok[who]}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, body: (text.startsWith('{') ? JSON.parse(text) : {}) as Json, text };
  };
  const unitKey = async (key: string) => (await t.db.selectFrom('units').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;

  before(async () => {
    t = await createTestApp(dialect);
    pleiku = await unitKey('commune:23575:2025-07-01');
    tuPhap = await unitKey('body:52:tu-phap');
    for (const u of ['demo.coordinator', 'demo.leader', 'demo.observer', 'demo.commune', 'demo.department']) tok[u] = await t.token(u);
    const planId = (await call('demo.coordinator', 'GET', '/inspection-plans')).body.items.find((p: Json) => p.year === year).id;
    const targets = (await call('demo.coordinator', 'GET', `/inspection-plans/${planId}`)).body.targets as Json[];
    concluded = targets.find((x) => x.unitId === pleiku)!;
    open = targets.find((x) => x.unitId === tuPhap)!;
  });
  after(() => t.close());

  test('a good model found in a conclusion becomes a draft entry of the unit in the registry, linked and audited; the unit registers it; the target page follows its status', async () => {
    const bad = await call('demo.coordinator', 'POST', `/inspection-targets/${concluded.id}/good-models`, { name: '', kind: 'model', subject: 'collective', field: 'weather' });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.fields.name && bad.body.error.fields.field, JSON.stringify(bad.body));
    assert.equal((await call('demo.commune', 'POST', `/inspection-targets/${concluded.id}/good-models`, { name: 'x', kind: 'model', subject: 'collective', field: 'economy' })).status, 403, 'only the coordinator proposes');
    assert.equal((await call('demo.coordinator', 'POST', `/inspection-targets/${open.id}/good-models`, { name: 'x', kind: 'model', subject: 'collective', field: 'economy' })).status, 400, 'no conclusion yet');
    const made = await call('demo.coordinator', 'POST', `/inspection-targets/${concluded.id}/good-models`, { name: 'Ngày thứ Bảy lắng nghe dân nói', kind: 'model', subject: 'collective', field: 'political-system' });
    assert.equal(made.status, 201, made.text);
    const entryId = made.body.value.entryId as string;
    const entry = await t.db.selectFrom('exemplar_entries').select(['status', 'unit_id', 'kind', 'field', 'name']).where('id', '=', entryId).executeTakeFirstOrThrow();
    assert.deepEqual(entry, { status: 'draft', unit_id: pleiku, kind: 'model', field: 'political-system', name: 'Ngày thứ Bảy lắng nghe dân nói' });
    const events = (await t.db.selectFrom('audit_events').select(['action', 'subject_id']).where((e) => e.or([e('subject_id', '=', entryId), e('action', '=', 'inspections.good-model.propose')])).execute()).map((e) => e.action);
    assert.ok(events.includes('exemplars.draft') && events.includes('inspections.good-model.propose'), events.join());
    const view = await call('demo.observer', 'GET', `/inspection-targets/${concluded.id}`);
    assert.deepEqual(view.body.goodModels.map((m: Json) => [m.entryId, m.status]), [[entryId, 'draft']], 'the issued conclusion lists its candidates');
    const commune = await t.as('demo.commune');
    const page = await (await commune.get(`/inspection-targets/${concluded.id}`)).text();
    assert.match(page, new RegExp(`<a href="/exemplars/${entryId}">Ngày thứ Bảy lắng nghe dân nói</a>`));
    assert.match(page, /data-testid="candidate-status">Nháp</);
    assert.doesNotMatch(page, /action="\/inspection-targets\/[^"]+\/good-models"/, 'the unit has no proposing form');
    assert.equal((await (await t.as('demo.department')).get(`/exemplars/${entryId}/edit`)).status, 403, 'another unit cannot complete it');
    const sheet = Object.fromEntries(REGISTRATION_ITEMS.map((k) => [`registration.${k}`, `Nội dung ${k}`]));
    const done = await commune.post(`/exemplars/${entryId}/edit`, { kind: 'model', subject: 'collective', field: 'political-system', track: 'government', unitId: pleiku, communeCode: '23575', name: 'Ngày thứ Bảy lắng nghe dân nói', draft: '0', lockVersion: String(await currentVersion(t.db, 'exemplar_entries', entryId)), ...sheet });
    assert.equal(done.status, 303, (await done.text()).slice(0, 1500));
    assert.match(await (await commune.get(`/inspection-targets/${concluded.id}`)).text(), /data-testid="candidate-status">Đã đăng ký</);
    const coordPage = await (await (await t.as('demo.coordinator')).get(`/inspection-targets/${concluded.id}`)).text();
    assert.match(coordPage, /action="\/inspection-targets\/[^"]+\/good-models"/);
    const form = await (await t.as('demo.coordinator')).post(`/inspection-targets/${concluded.id}/good-models`, { name: 'Tổ tự quản', kind: 'model', subject: 'collective', field: '' });
    assert.equal(form.status, 400);
    const html = await form.text();
    assert.match(html, /href="#f-field"/);
    assert.match(html, /value="Tổ tự quản"/, 'typed values kept');
  });

  test('the §7.3 summary table as a Decree 30 DOCX beside the XLSX: every target for the coordinator, issued ones for overseers, refused to units', async () => {
    const coord = await t.as('demo.coordinator');
    const res = await coord.get(`/inspection-assessments/summary.docx?year=${year}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /wordprocessingml/);
    const lines = docxParagraphs(Buffer.from(await res.arrayBuffer()));
    for (const re of [/^SỞ NỘI VỤ$/, /^Số: +\/BC-SNV$/, /^BÁO CÁO$/, new RegExp(`^Tổng hợp kết quả kiểm tra công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở năm ${year}$`), /^Đơn vị được kiểm tra$/, /^Mô hình hay phát hiện$/, /^Phường Pleiku$/, /^Sở Tư pháp/, /^Chưa ban hành kết luận$/, /^Nơi nhận:$/]) assert.ok(lines.some((l) => re.test(l)), `${re} in ${lines.slice(0, 40).join(' | ')}`);
    assert.ok(lines.some((l) => new RegExp(`^Năm ${year}, Sở Nội vụ kiểm tra 6 đơn vị .*ban hành thông báo kết luận đối với 1 đơn vị`).test(l)), lines.join(' | ').slice(0, 1500));
    const obs = docxParagraphs(Buffer.from(await (await (await t.as('demo.observer')).get(`/inspection-assessments/summary.docx?year=${year}`)).arrayBuffer()));
    assert.ok(obs.includes('Phường Pleiku'));
    assert.ok(!obs.some((l) => l.startsWith('Sở Tư pháp')) && !obs.includes('Chưa ban hành kết luận'), 'overseers see issued conclusions only');
    assert.equal((await (await t.as('demo.commune')).get(`/inspection-assessments/summary.docx?year=${year}`)).status, 403);
    assert.match(await (await coord.get(`/inspection-assessments?year=${year}`)).text(), /href="\/inspection-assessments\/summary.docx\?year=\d{4}"/);
  });

  test('results feed the yearly report: an annual period of a regime listing xl.* computes the published score and class of the unit', async () => {
    const published = (await call('demo.coordinator', 'GET', `/inspection-assessments?year=${year - 1}`)).body.items.find((a: Json) => a.unit_id === pleiku);
    assert.equal(published.status, 'published');
    // The province's data form as data: the plan 188 regime with the classification indicators added (plan 188's own form does not list them).
    const base = await t.db.selectFrom('report_regimes').selectAll().where('code', '=', 'kh-188-2025').executeTakeFirstOrThrow();
    const regimeId = `xl-test-${dialect}`;
    await t.db.insertInto('report_regimes').values({ ...base, id: regimeId, code: `kh-188-xl-${dialect}`, indicators: JSON.stringify([...JSON.parse(base.indicators), 'xl.score', 'xl.htxs', 'xl.htt', 'xl.ht', 'xl.kht']) }).execute();
    const res = await (await t.as('demo.coordinator')).post(`/report-regimes/${regimeId}/periods`, { title: `Báo cáo năm ${year} (thử)`, kind: 'annual', from: `15/12/${year - 1}`, to: `14/09/${year}`, due: `15/10/${year}`, dueMode: 'before' });
    assert.equal(res.status, 303, (await res.text()).slice(0, 800));
    const periodId = res.headers.get('location')!.split('/')[2].split('?')[0];
    const report = await call('demo.commune', 'GET', `/reports/${periodId}/${pleiku}`);
    assert.equal(report.status, 200, report.text);
    const computed = Object.fromEntries(report.body.indicators.map((i: Json) => [i.code, i.computed]));
    assert.ok(published.published_on >= `${year - 1}-12-15` && published.published_on <= `${year}-09-14`, 'the demo publishes last year\'s classes in January');
    assert.equal(computed['xl.score'], published.final_score, 'the annual report prefills the published final score');
    assert.equal(computed[`xl.${published.class.toLowerCase()}`], 1);
    assert.equal(['htxs', 'htt', 'ht', 'kht'].reduce((n, k) => n + (computed[`xl.${k}`] ?? 0), 0), 1, 'one class only');
    const other = await call('demo.coordinator', 'GET', `/reports/${periodId}/${(await unitKey('body:52:xay-dung'))}`);
    assert.equal(Object.fromEntries(other.body.indicators.map((i: Json) => [i.code, i.computed]))['xl.score'], null, 'nothing published for that unit: no value');
  });

  test('evidence files per checklist item: checked by content, kept with the findings, downloadable by the unit and the team, never by another unit before publication', async () => {
    const coord = await t.as('demo.coordinator');
    const upload = async (targetId: string, code: string, file: File) => {
      const fd = new FormData();
      fd.append('_csrf', await coord.csrf());
      fd.append('code', code);
      fd.append('file', file);
      return coord.request(`/inspection-targets/${targetId}/evidence`, { method: 'POST', body: fd });
    };
    const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const fake = await upload(open.id, 'TC1', new File([Buffer.from('<html>not a pdf</html>')], 'bien-ban.pdf'));
    assert.equal(fake.status, 400);
    const html = await fake.text();
    assert.match(html, /href="#f-file"/);
    assert.match(html, /Chỉ nhận tệp PDF, DOCX, XLSX, JPG hoặc PNG/);
    assert.match(html, /<option value="TC1" selected/, 'the chosen criterion kept');
    assert.equal((await upload(open.id, 'TC99', new File([PDF], 'x.pdf'))).status, 400, 'unknown criterion');
    const good = await upload(open.id, 'TC1', new File([PDF], 'Kế hoạch triển khai.pdf'));
    assert.equal(good.status, 303, (await good.text()).slice(0, 800));
    const view = (await call('demo.coordinator', 'GET', `/inspection-targets/${open.id}`)).body;
    assert.deepEqual(view.evidence.map((e: Json) => [e.code, e.name, e.kind]), [['TC1', 'Kế hoạch triển khai.pdf', 'pdf']]);
    const href = `/inspection-targets/${open.id}/evidence/${view.evidence[0].id}`;
    assert.match(await (await coord.get(`/inspection-targets/${open.id}`)).text(), new RegExp(`data-testid="evidence-TC1"><li><a href="${href}">Kế hoạch triển khai.pdf</a>`));
    const own = await (await t.as('demo.department')).get(href);
    assert.equal(own.status, 200, 'the inspected unit downloads its own evidence');
    assert.equal(own.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(Buffer.from(await own.arrayBuffer()), PDF);
    assert.equal((await (await t.as('demo.commune')).get(href)).status, 403, 'another unit: page');
    assert.equal((await call('demo.commune', 'GET', href)).status, 403, 'another unit: API');
    assert.equal((await (await t.as('demo.observer')).get(href)).status, 403, 'observers only once the conclusion is issued');
    assert.equal((await call('demo.coordinator', 'GET', href)).status, 200, 'the API serves it to the coordinator');
    const minutesRes = await coord.get(`/inspection-targets/${concluded.id}/minutes.docx`);
    assert.equal(minutesRes.status, 200);
    assert.ok(docxParagraphs(Buffer.from(await minutesRes.arrayBuffer())).includes('Tài liệu kiểm chứng'), 'the minutes have the evidence column');
    assert.equal((await upload(concluded.id, 'TC1', new File([PDF], 'muon.pdf'))).status, 400, 'findings are frozen once the conclusion is issued');
    const events = await t.db.selectFrom('audit_events').select('changes').where('action', '=', 'inspections.evidence.add').where('subject_id', '=', open.id).execute();
    assert.equal(events.length, 1, 'refused uploads leave no audit event');
    assert.equal(await t.db.selectFrom('inspection_evidence').select('id').where('target_id', '=', concluded.id).execute().then((r) => r.length), 0);
  });

  test('closing a recommendation not yet remediated (page form): 400 with the reason, nothing changed, not a silent redirect', async () => {
    const rec = await t.db.selectFrom('inspection_recommendations').select(['id', 'target_id']).where('remediated_on', 'is', null).where('closed_on', 'is', null).executeTakeFirstOrThrow();
    const coord = await t.as('demo.coordinator');
    const r = await coord.post(`/inspection-recommendations/${rec.id}/close`, {});
    assert.equal(r.status, 400);
    assert.match(await r.text(), /Chưa có báo cáo khắc phục/);
    const row = await t.db.selectFrom('inspection_recommendations').select('closed_on').where('id', '=', rec.id).executeTakeFirstOrThrow();
    assert.equal(row.closed_on, null);
  });
});
