import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { Agent, forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { citizenTour } from '../../../test/helpers/citizen-tour.ts';
import { messagesOf, observeKeys } from '../../platform/i18n/index.ts';
import { CITIZEN_KEYS } from '../../platform/i18n/locale-file.ts';
import { pseudo, pseudoLocale } from './pseudo.ts';

const KEYS_FILE = new URL('../../platform/i18n/citizen-keys.json', import.meta.url);
const SHIPPED = new URL('../../../locales/qps-ploc.json', import.meta.url);

/** A multipart upload of a language file through the admin form. */
async function upload(agent: Agent, json: string) {
  const body = new FormData();
  body.set('_csrf', await agent.csrf());
  body.set('file', new File([json], 'lang.json', { type: 'application/json' }));
  return agent.request('/admin/languages', { method: 'POST', body });
}

forEachDialect('citizen pages in additional languages', (dialect) => {
  let t: TestApp;
  let dir: string;
  before(async () => {
    t = await createTestApp(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-locales-'));
  });
  after(async () => { fs.rmSync(dir, { recursive: true, force: true }); await t.close(); });

  test('the citizen pages ask only for keys on the citizen list (so coverage means what it says)', async () => {
    const used = new Set<string>();
    observeKeys((k) => used.add(k));
    const stops = await citizenTour(t, t.agent()).finally(() => observeKeys(null));
    assert.ok(stops.length >= 16, stops.map((s) => s.path).join(' '));
    for (const s of stops) assert.ok(s.status < 500, `${s.path} → ${s.status}`);
    const known = new Set(Object.keys(messagesOf('vi')));
    const keys = [...used].filter((k) => known.has(k)).sort();
    if (process.env.WRITE_CITIZEN_KEYS === '1') fs.writeFileSync(KEYS_FILE, JSON.stringify([...new Set([...CITIZEN_KEYS, ...keys])].sort(), null, 1) + '\n');
    const missing = keys.filter((k) => !CITIZEN_KEYS.includes(k));
    assert.deepEqual(missing, [], 'keys used by citizen pages but missing from citizen-keys.json (WRITE_CITIZEN_KEYS=1 adds them)');
    for (const k of CITIZEN_KEYS) assert.ok(known.has(k), `citizen-keys.json names ${k}, which no bundle has`);
  });

  test('the shipped test language is current: the English strings of the citizen pages, pseudo-localised', () => {
    const shipped = JSON.parse(fs.readFileSync(SHIPPED, 'utf8'));
    assert.deepEqual(shipped, pseudoLocale(CITIZEN_KEYS, messagesOf('en')), 'run: node --import tsx locales/make-pseudo.ts');
    assert.equal(shipped.test, true);
  });

  test('a developer adds a JSON file: pages shown in it, missing keys in Vietnamese per string, not offered until complete', async () => {
    const { messages } = pseudoLocale(CITIZEN_KEYS, messagesOf('en'));
    delete messages['petitions.public.title'];
    fs.writeFileSync(path.join(dir, 'qps-ploc.json'), JSON.stringify({ code: 'qps-ploc', name: 'Pseudo', test: true, messages }));
    const app = buildApp({ db: t.db, dialect, config: loadConfig({ NODE_ENV: 'test', DATA_DIR: t.config.dataDir, LOCALES_DIR: dir }) });
    const citizen = new Agent(app);
    const form = await (await citizen.get('/public/petitions/new?lang=qps-ploc')).text();
    assert.match(form, /<html lang="qps-ploc">/);
    assert.ok(form.includes(pseudo(messagesOf('en')['petitions.continue'])), 'a translated string is shown');
    assert.ok(form.includes(messagesOf('vi')['petitions.public.title']), 'the missing string falls back to Vietnamese');
    assert.ok(!form.includes(messagesOf('en')['petitions.public.title']), 'never to English');
    const home = await (await new Agent(app).get('/')).text();
    assert.ok(!home.includes('hreflang="qps-ploc"'), 'an incomplete language is not offered');
    const admin = new Agent(app);
    await admin.login('demo.admin');
    const list = await (await admin.get('/admin/languages')).text();
    assert.match(list, /qps-ploc/);
    assert.ok(list.includes(`${CITIZEN_KEYS.length - 1}/${CITIZEN_KEYS.length}`), 'coverage shown');
    const detail = await (await admin.get('/admin/languages/qps-ploc')).text();
    assert.match(detail, /petitions\.public\.title/);
  });

  test('an administrator uploads a complete file: listed, offered in the switch, citizen pages in it; audited', async () => {
    const admin = await t.as('demo.admin');
    const bad = await upload(admin, '{"code": "jra"');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /không phải JSON hợp lệ/);
    const reserved = await upload(admin, JSON.stringify({ code: 'vi', name: 'x', messages: {} }));
    assert.equal(reserved.status, 400);
    const full = pseudoLocale(CITIZEN_KEYS, messagesOf('en'));
    const r = await upload(admin, JSON.stringify({ ...full, code: 'qps-test', messages: { ...full.messages, 'no.such.key': 'x', 'nav.page': 'P' } }));
    assert.equal(r.status, 303);
    const detail = await (await admin.get(r.headers.get('location')!)).text();
    assert.match(detail, /no\.such\.key/);
    assert.match(detail, /nav\.page/, 'a string without the {page} parameter is left out');
    const list = await (await admin.get('/admin/languages')).text();
    assert.match(list, new RegExp(`qps-ploc[\\s\\S]*?${CITIZEN_KEYS.length}/${CITIZEN_KEYS.length}[\\s\\S]*?<td>Có</td>`), 'the shipped file, read after every feature registered its messages, is complete');
    assert.match(list, new RegExp(`qps-test[\\s\\S]*?${CITIZEN_KEYS.length - 1}/${CITIZEN_KEYS.length}`));
    const fixed = await upload(admin, JSON.stringify({ ...full, code: 'qps-test' }));
    assert.equal(fixed.status, 303);
    const csv = await (await admin.get('/admin/languages.csv')).text();
    assert.match(csv, new RegExp(`qps-test,.*,${CITIZEN_KEYS.length},${CITIZEN_KEYS.length},Có`));
    const home = await (await t.agent().get('/')).text();
    assert.match(home, /hreflang="qps-test"/);
    const stops = await citizenTour(t, t.agent(), 'qps-test');
    for (const s of stops) {
      assert.match(s.html, /<html lang="qps-test">/, s.path);
      assert.ok(s.html.includes('⟦'), `${s.path} shows the language`);
    }
    const audit = await t.db.selectFrom('audit_events').select(['action', 'changes']).where('subject_type', '=', 'locale').where('subject_id', '=', 'qps-test').orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['locale.upload', 'locale.replace']);
    assert.match(audit[1].changes ?? '', /"listed":true/);
    const anon = await t.agent().get('/admin/languages');
    assert.ok([302, 303, 401].includes(anon.status), `anonymous → ${anon.status}`);
    const officer = await t.as('demo.commune');
    assert.equal((await officer.get('/admin/languages')).status, 403);
  });
});
