import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { forEachDialect, createTestApp, type TestApp, type Agent } from '../../../test/helpers/app.ts';
import { verifyChain } from '../../platform/audit/index.ts';
import { getUnitByKey } from '../units/index.ts';
import { parseCsv } from './tasks.bulk.ts';
import { currentVersion } from '../../../test/helpers/concurrency.ts';

type Json = Record<string, any>;

test('parseCsv: quotes, doubled quotes, CRLF, semicolons, BOM', () => {
  assert.deepEqual(parseCsv('\uFEFFMã,Ghi chú\r\n"a","x, ""y"""\r\nb,\r\n'), [['Mã', 'Ghi chú'], ['a', 'x, "y"'], ['b', '']]);
  assert.deepEqual(parseCsv('Mã;Tiến độ (%)\n"a";50'), [['Mã', 'Tiến độ (%)'], ['a', '50']]);
});

forEachDialect('plans: bulk export and import of progress', (dialect) => {
  let t: TestApp;
  let commune: Agent;
  let pleiku: string;
  let planId: string;
  const taskRow = (id: string) => t.db.selectFrom('tasks').select(['id', 'progress', 'progress_manual', 'status', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const updatesOf = async (id: string) => (await t.db.selectFrom('task_updates').select('id').where('task_id', '=', id).execute()).length;
  const upload = async (a: Agent, path: string, file: Blob, name: string, extra: Record<string, string> = {}) => {
    const f = new FormData();
    f.set('_csrf', await a.csrf());
    for (const [k, v] of Object.entries(extra)) f.set(k, v);
    f.set('file', file, name);
    return a.request(path, { method: 'POST', body: f });
  };
  const xlsxGrid = async (buf: ArrayBuffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf);
    const rows: string[][] = [];
    wb.worksheets[0].eachRow((r) => { rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))); });
    return { wb, rows };
  };

  before(async () => {
    t = await createTestApp(dialect);
    commune = await t.as('demo.commune');
    pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    planId = (await t.db.selectFrom('plans').select('id').where('document_number', '=', '188/KH-UBND').executeTakeFirstOrThrow()).id;
    // Three tasks of Phường Pleiku, one of Sở Tư pháp exists in the demo data.
    for (const title of ['Hội nghị đối thoại', 'Niêm yết công khai', 'Tập huấn quy chế']) {
      const r = await commune.post('/tasks', { title, unitId: pleiku, dueOn: '31/12/2099' });
      assert.equal(r.status, 303, title);
    }
  });
  after(() => t.close());

  test('the task list exports to XLSX and CSV in the user’s scope; the coverage matrix too', async () => {
    const x = await commune.get('/tasks.xlsx');
    assert.equal(x.status, 200);
    assert.match(x.headers.get('content-type') ?? '', /spreadsheetml/);
    const { rows } = await xlsxGrid(await x.arrayBuffer());
    assert.match(rows[0][0], /Danh sách nhiệm vụ/);
    assert.deepEqual(rows[1].slice(0, 3), ['Mã', 'Nhiệm vụ', 'Đơn vị chủ trì']);
    assert.equal(rows.length - 2, 3, 'only Pleiku’s three tasks');
    assert.ok(rows.slice(2).every((r) => r[2] === 'Phường Pleiku'));
    const raw = Buffer.from(await (await commune.get('/tasks.csv')).arrayBuffer());
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
    const csv = raw.subarray(3).toString('utf8');
    assert.ok(csv.startsWith('Mã,Nhiệm vụ'), csv.slice(0, 50));
    assert.equal(csv.trim().split('\r\n').length, 4);
    const coord = await t.as('demo.coordinator');
    const cov = await coord.get(`/plans/${planId}/coverage.xlsx`);
    assert.equal(cov.status, 200);
    const grid = await xlsxGrid(await cov.arrayBuffer());
    assert.deepEqual(grid.rows[1].slice(0, 4), ['Đơn vị', 'Kế hoạch của đơn vị', 'Ngày ban hành', 'II.1']);
    assert.equal(grid.rows[1].length, 3 + 12);
    const issued = grid.rows.find((r) => r[2] === '20/02/2025');
    assert.ok(issued && issued.slice(3).every((c) => c === 'Đã đưa vào kế hoạch' || c === 'Quá hạn'), JSON.stringify(issued));
    assert.equal((await commune.get(`/plans/${planId}/coverage.xlsx`)).status, 403);
    const covCsv = await (await coord.get(`/plans/${planId}/coverage.csv`)).text();
    assert.ok(covCsv.includes('Phường Pleiku'));
  });

  test('import round trip: edit the exported XLSX, preview (no change), apply (one transaction, audited)', async () => {
    const { wb, rows } = await xlsxGrid(await (await commune.get('/tasks.xlsx')).arrayBuffer());
    const ws = wb.worksheets[0];
    const target = rows[2][0];
    ws.getRow(3).getCell(9).value = 45;
    ws.getRow(3).getCell(12).value = 'Đã họp 3 tổ dân phố';
    ws.getRow(4).getCell(8).value = 'vướng mắc';
    const blocked = rows[3][0];
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await taskRow(target);
    const preview = await upload(commune, '/tasks/import', new Blob([buf]), 'tien-do.xlsx');
    assert.equal(preview.status, 200);
    const html = await preview.text();
    assert.ok(html.includes('2 nhiệm vụ sẽ được cập nhật, 1 dòng không thay đổi, 0 dòng có lỗi'), html.slice(html.indexOf('<h2'), html.indexOf('<h2') + 400));
    assert.ok(html.includes('0% → 45%') && html.includes('Vướng mắc'));
    assert.deepEqual(await taskRow(target), before, 'the preview changes nothing');
    const changes = /name="changes" value="([^"]+)"/.exec(html)![1].replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'");
    const r = await commune.post('/tasks/import/apply', { fileName: 'tien-do.xlsx', changes });
    assert.equal(r.status, 303);
    assert.match(r.headers.get('location') ?? '', /imported=2/);
    const after = await taskRow(target);
    assert.equal(Number(after.progress), 45);
    assert.equal(Number(after.progress_manual), 1);
    assert.equal(after.status, 'in-progress');
    assert.equal((await taskRow(blocked)).status, 'blocked');
    const page = await (await commune.get(`/tasks/${target}`)).text();
    assert.ok(page.includes('Đã họp 3 tổ dân phố'));
    assert.equal((await verifyChain(t.db)).ok, true);
    const ev = await t.db.selectFrom('audit_events').select('action').where('action', '=', 'tasks.import').execute();
    assert.equal(ev.length, 1);
  });

  test('per-row errors in Vietnamese (CSV): bad progress, unknown id, another unit’s task, overdue as a status, duplicate; nothing applied', async () => {
    const mine = (await t.db.selectFrom('tasks').select('id').where('unit_id', '=', pleiku).orderBy('created_at').execute()).map((r) => r.id);
    const foreign = (await t.db.selectFrom('tasks').select(['id', 'unit_id']).where('unit_id', '!=', pleiku).executeTakeFirstOrThrow()).id;
    const csv = ['Mã,Tiến độ (%),Trạng thái,Ghi chú cập nhật', `${mine[0]},150,,`, `không-có-mã,10,,`, `${foreign},10,,`, `${mine[1]},,Quá hạn,`, `${mine[2]},20,,`, `${mine[2]},30,,`].join('\r\n');
    const before = await Promise.all(mine.map(taskRow));
    const r = await upload(commune, '/tasks/import', new Blob([csv]), 'loi.csv');
    assert.equal(r.status, 400);
    const html = (await r.text()).replace(/&#39;|&quot;/g, "'");
    for (const s of ['Dòng 2, cột «Tiến độ (%)»: Tiến độ phải là số nguyên từ 0 đến 100', 'Dòng 3, cột «Mã»: Không có nhiệm vụ với mã này', 'Dòng 4, cột «Mã»: Nhiệm vụ không thuộc đơn vị bạn được cập nhật',
      'Dòng 5, cột «Trạng thái»', 'Dòng 7, cột «Mã»: Nhiệm vụ này đã có ở dòng khác trong tệp']) assert.ok(html.includes(s), s);
    assert.ok(html.includes('error-summary') && !html.includes('name="changes"'), 'no apply button while there are errors');
    assert.deepEqual(await Promise.all(mine.map(taskRow)), before);
  });

  test('apply is all or nothing: a task changed after the preview refuses the whole file', async () => {
    const mine = (await t.db.selectFrom('tasks').select('id').where('unit_id', '=', pleiku).where('title', 'in', ['Niêm yết công khai', 'Tập huấn quy chế']).execute()).map((r) => r.id);
    const csv = `Mã;Tiến độ (%)\n${mine[0]};70\n${mine[1]};80\n`;
    const preview = await upload(commune, '/tasks/import', new Blob([csv]), 'hai-dong.csv');
    assert.equal(preview.status, 200);
    const changes = /name="changes" value="([^"]+)"/.exec(await preview.text())![1].replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const token = await t.token('demo.commune');
    const patch = await t.app.request(`/api/v1/tasks/${mine[1]}`, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'blocked', lockVersion: await currentVersion(t.db, 'tasks', mine[1]) }) });
    assert.equal(patch.status, 200);
    const before = [await updatesOf(mine[0]), Number((await taskRow(mine[0])).progress)];
    const r = await commune.post('/tasks/import/apply', { fileName: 'hai-dong.csv', changes });
    assert.equal(r.status, 400);
    assert.ok((await r.text()).includes('Nhiệm vụ đã được cập nhật sau khi xem trước'));
    assert.deepEqual([await updatesOf(mine[0]), Number((await taskRow(mine[0])).progress)], before, 'the first row was not applied either');
    const forged = await commune.post('/tasks/import/apply', { fileName: 'x.csv', changes: '[{"line":2,"taskId":"x"}]' });
    assert.equal(forged.status, 400);
  });

  test('refused files: not CSV/XLSX by content, not UTF-8, no heading row; the API previews and applies', async () => {
    const pdf = await upload(commune, '/tasks/import', new Blob(['%PDF-1.4\n%%EOF']), 'tien-do.csv');
    assert.equal(pdf.status, 400);
    assert.ok((await pdf.text()).includes('Chỉ nhận tệp CSV hoặc Excel'));
    const latin = await upload(commune, '/tasks/import', new Blob([Buffer.from([0x4d, 0xe3, 0x2c, 0x54, 0x69, 0xea, 0x6e, 0x0a])]), 'cu.csv');
    assert.ok((await latin.text()).includes('mã hoá UTF-8'));
    const noHead = await upload(commune, '/tasks/import', new Blob(['a,b\n1,2\n']), 'x.csv');
    assert.ok((await noHead.text()).includes('Không tìm thấy dòng tiêu đề'));
    const none = await upload(commune, '/tasks/import', new Blob([]), 'x.csv');
    assert.equal(none.status, 400);

    const token = await t.token('demo.commune');
    const id = (await t.db.selectFrom('tasks').select('id').where('unit_id', '=', pleiku).where('title', '=', 'Niêm yết công khai').executeTakeFirstOrThrow()).id;
    const call = async (csv: string, apply: boolean) => {
      const f = new FormData();
      f.set('file', new Blob([csv]), 'api.csv');
      if (apply) f.set('apply', 'true');
      const r = await t.app.request('/api/v1/tasks/import', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: f });
      return { status: r.status, body: (await r.json()) as Json };
    };
    const bad = await call(`id,progress\n${id},abc\n`, true);
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.fields['row.2.progress'], /số nguyên từ 0 đến 100/);
    const dry = await call(`id,progress\n${id},90\n`, false);
    assert.deepEqual([dry.status, dry.body.applied, dry.body.changes.length], [200, false, 1]);
    assert.notEqual(Number((await taskRow(id)).progress), 90);
    const done = await call(`id,progress,status\n${id},90,in-progress\n`, true);
    assert.deepEqual([done.status, done.body.applied], [200, true]);
    assert.equal(Number((await taskRow(id)).progress), 90);
    const observer = await t.token('demo.observer');
    const f = new FormData();
    f.set('file', new Blob([`id,progress\n${id},10\n`]), 'x.csv');
    assert.equal((await t.app.request('/api/v1/tasks/import', { method: 'POST', headers: { authorization: `Bearer ${observer}` }, body: f })).status, 403);
    assert.equal((await verifyChain(t.db)).ok, true);
  });
});
