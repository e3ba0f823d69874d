import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionsFrom, transition } from './workflow.ts';
import { countForm3, DEFAULT_FORMS, FORM3_KEYS, REGISTRATION_ITEMS, similarNames, summarize, type CountableEntry } from './forms.ts';
import { DEFAULT_RECOGNITION, mayRecognize } from './recognition.ts';

test('workflow: the main path from draft to replicated', () => {
  let s = transition('draft', 'register');
  assert.deepEqual(s, { ok: true, to: 'registered' });
  assert.deepEqual(transition('registered', 'build'), { ok: true, to: 'building' });
  assert.deepEqual(transition('building', 'propose'), { ok: true, to: 'proposed' });
  assert.deepEqual(transition('proposed', 'review'), { ok: true, to: 'under-review' });
  assert.deepEqual(transition('under-review', 'recognize', { level: 'commune' }), { ok: true, to: 'recognised' });
  assert.deepEqual(transition('recognised', 'typical'), { ok: true, to: 'typical' });
  assert.deepEqual(transition('typical', 'commend'), { ok: true, to: 'commended' });
  assert.deepEqual(transition('commended', 'replicate'), { ok: true, to: 'replicated' });
  s = transition('replicated', 'discontinue');
  assert.deepEqual(s, { ok: true, to: 'discontinued' });
});

test('workflow: refused transitions and level raising', () => {
  assert.equal(transition('draft', 'propose').ok, false);
  assert.equal(transition('registered', 'recognize', { level: 'province' }).ok, false);
  assert.equal(transition('rejected', 'propose').ok, false);
  assert.equal(transition('discontinued', 'replicate').ok, false);
  assert.deepEqual(transition('returned', 'propose'), { ok: true, to: 'proposed' });
  assert.deepEqual(transition('recognised', 'recognize', { currentLevel: 'commune', level: 'province' }), { ok: true, to: 'recognised' });
  assert.deepEqual(transition('commended', 'recognize', { currentLevel: 'commune', level: 'province' }), { ok: true, to: 'commended' });
  assert.deepEqual(transition('recognised', 'recognize', { currentLevel: 'province', level: 'commune' }), { ok: false, reason: 'level_not_higher' });
  assert.ok(actionsFrom('registered').includes('propose'));
  assert.ok(!actionsFrom('draft').includes('recognize'));
});

test('recognition: configurable who recognises at each level', () => {
  const anc = new Map([['village', ['commune', 'province']], ['commune', ['province']]]);
  const head = [{ role: 'unit-head', unitId: 'commune', includeDescendants: true }];
  const pw = ['admin', 'coordinator', 'leader', 'observer'];
  assert.equal(mayRecognize(DEFAULT_RECOGNITION, 'commune', head, ['village'], anc, pw), true);
  assert.equal(mayRecognize(DEFAULT_RECOGNITION, 'commune', head, ['other'], anc, pw), false);
  assert.equal(mayRecognize(DEFAULT_RECOGNITION, 'province', head, ['commune'], anc, pw), false);
  const leader = [{ role: 'leader', unitId: 'province', includeDescendants: true }];
  assert.equal(mayRecognize(DEFAULT_RECOGNITION, 'province', leader, ['commune'], anc, pw), true);
  const cfg = { ...DEFAULT_RECOGNITION, province: { roles: ['coordinator'], scope: 'province' as const, body: 'Sở Nội vụ' } };
  assert.equal(mayRecognize(cfg, 'province', leader, ['commune'], anc, pw), false);
});

test('registration sheet has the 10 items of Thanh Khê 249/MTTQ-BTT: "Thực trạng, lý do … Khả năng duy trì, nhân rộng"', () => {
  assert.equal(REGISTRATION_ITEMS.length, 10);
  assert.equal(REGISTRATION_ITEMS[0], 'situation');
  assert.equal(REGISTRATION_ITEMS[9], 'sustainability');
});

test('form 3 counts', () => {
  const base: CountableEntry = { unitId: 'u1', status: 'registered', subject: 'collective', field: 'economy', typical: false, levels: [], commendationForms: [], replications: 0 };
  const es: CountableEntry[] = [
    base,
    { ...base, status: 'draft' },
    { ...base, subject: 'individual', field: 'political-system', status: 'commended', levels: ['commune', 'province'], typical: true, commendationForms: ['bang-khen', 'bang-khen', 'giai-thuong'] },
    { ...base, status: 'replicated', levels: ['commune'], replications: 2 },
    { ...base, status: 'discontinued', levels: ['commune'] },
    { ...base, unitId: 'u2', field: 'defence-security' },
  ];
  const r = countForm3(es.filter((e) => e.unitId === 'u1'));
  assert.equal(r.registeredCollective, 3);
  assert.equal(r.registeredIndividual, 1);
  assert.equal(r['field.economy'], 3);
  assert.equal(r['field.political-system'], 1);
  assert.equal(r.effective, 2);
  assert.equal(r['recognised.commune'], 3);
  assert.equal(r['recognised.province'], 1);
  assert.equal(r.typical, 1);
  assert.equal(r['commended.bang-khen'], 1);
  assert.equal(r['commended.other'], 1);
  assert.equal(r.replicated, 1);
  assert.equal(r.discontinued, 1);
  const s = summarize(es);
  assert.equal(s.rows.length, 2);
  assert.equal(s.total.registeredCollective, 4);
  assert.deepEqual(FORM3_KEYS.length, DEFAULT_FORMS.form3.columns.length - 3);
});

test('similar names for the duplicate warning', () => {
  assert.ok(similarNames('ngay thu bay lang nghe dan noi', 'ngay thu bay lang nghe dan noi'));
  assert.ok(similarNames('ngay thu bay lang nghe dan noi', 'mo hinh ngay thu bay lang nghe dan noi'));
  assert.ok(!similarNames('ngay thu bay lang nghe dan noi', 'duong giao thong nong thon'));
});

test('forms 1–3: every proposed title and column heading has its English (shown when English is chosen)', () => {
  for (const f of Object.values(DEFAULT_FORMS)) {
    assert.ok(f.titleEn?.includes('{year}'), f.code);
    assert.deepEqual(f.columns.filter((c) => !c.headingEn).map((c) => c.key), [], f.code);
  }
});
