import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { checkOggFlac } from '../../../test/helpers/ogg-check.ts';
import { toOggFlac } from '../../platform/audio/ogg.ts';
import { audioInfo } from '../../platform/audio/sniff.ts';
import { hasEspeak } from '../../platform/audio/speech.ts';
import { synthesizePending } from '../../platform/audio/clips.ts';
import { localToday } from '../../platform/clock.ts';
import { getUnitByKey } from '../units/index.ts';

/** A tone of `seconds` as 16-bit mono PCM at 16 kHz. */
const tone = (seconds: number) => ({ sampleRate: 16000, channels: 1, samples: Int16Array.from({ length: Math.round(16000 * seconds) }, (_, i) => Math.round(6000 * Math.sin(i / 5))) });
const wavOf = (seconds: number) => {
  const p = tone(seconds);
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'ascii'); head.writeUInt32LE(36 + p.samples.length * 2, 4); head.write('WAVEfmt ', 8, 'ascii'); head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20); head.writeUInt16LE(1, 22); head.writeUInt32LE(16000, 24); head.writeUInt32LE(32000, 28); head.writeUInt16LE(2, 32); head.writeUInt16LE(16, 34);
  head.write('data', 36, 'ascii'); head.writeUInt32LE(p.samples.length * 2, 40);
  return Buffer.concat([head, Buffer.from(p.samples.buffer)]);
};
/** MPEG-1 layer III frames at 128 kbit/s, 44.1 kHz (417 bytes, 1152 samples each), silent. */
const mp3Of = (frames: number) => Buffer.concat(Array.from({ length: frames }, () => { const f = Buffer.alloc(417); f.writeUInt32BE(0xfffb9000, 0); return f; }));

test('recordings are recognised by content and measured: Ogg FLAC, WAV, MP3; anything else refused', () => {
  assert.deepEqual(audioInfo(toOggFlac(tone(2.5))), { kind: 'ogg', mime: 'audio/ogg', durationMs: 2500 });
  assert.deepEqual(audioInfo(wavOf(1.5)), { kind: 'wav', mime: 'audio/wav', durationMs: 1500 });
  const mp3 = audioInfo(mp3Of(100))!;
  assert.equal(mp3.kind, 'mp3');
  assert.equal(mp3.durationMs, Math.round((100 * 1152 * 1000) / 44100));
  assert.equal(audioInfo(Buffer.from('%PDF-1.7 '.repeat(20))), null);
  assert.equal(audioInfo(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(200)])), null);
});

const upload = async (a: Agent, path: string, lang: string, file: Buffer, name: string) => {
  const body = new FormData();
  body.set('_csrf', await a.csrf());
  body.set('lang', lang);
  body.set('file', new File([new Uint8Array(file)], name, { type: 'audio/ogg' }));
  return a.request(path, { method: 'POST', body });
};

forEachDialect('listening instead of reading', (dialect) => {
  let t: TestApp;
  let commune: string;
  let disclosures: { id: string; title: string }[];
  before(async () => {
    t = await createTestApp(dialect);
    commune = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    const today = localToday();
    disclosures = (await t.db.selectFrom('disclosures').select(['id', 'title', 'posted_until', 'removed_on']).where('unit_id', '=', commune).execute())
      .filter((d) => !d.removed_on && (!d.posted_until || d.posted_until >= today));
    assert.ok(disclosures.length >= 2, 'the demo posts at least two disclosures in Phường Pleiku');
  });
  after(() => t.close());

  test('a disclosure: "Nghe" queued in the background, then a plain <audio> with a download of valid Ogg FLAC of plausible length', { skip: !hasEspeak() && 'espeak-ng is not installed' }, async () => {
    const page = () => t.agent().get(`/board/d/${disclosures[0].id}`).then((r) => r.text());
    const first = await page();
    assert.match(first, /<h2 id="listen-title">Nghe<\/h2>/);
    assert.match(first, /id="listen-pending"/);
    assert.ok(!first.includes('<script'), 'no JavaScript needed');
    assert.match(await synthesizePending(t.db, t.config.dataDir), /^\d+\/\d+ synthesised$/);
    const html = await page();
    const src = /<audio controls="" preload="none" src="(\/listen\/clips\/[0-9a-f-]{36})"/.exec(html)?.[1];
    assert.ok(src, html.slice(html.indexOf('listen-title'), html.indexOf('listen-title') + 600));
    assert.ok(html.includes(`href="${src}?download=1"`), 'download link');
    assert.ok(!html.includes('listen-pending'));
    const res = await t.agent().get(src);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'audio/ogg');
    const ogg = Buffer.from(await res.arrayBuffer());
    const { seconds } = checkOggFlac(ogg);
    const words = html.includes(disclosures[0].title) ? disclosures[0].title.split(/\s+/).length + 20 : 20;
    assert.ok(seconds > words * 0.15 && seconds < words * 1.5, `${seconds.toFixed(1)} s for about ${words} words`);
    const dl = await t.agent().get(`${src}?download=1`);
    assert.match(dl.headers.get('content-disposition') ?? '', /^attachment; filename="nghe-vi-.*\.ogg"$/);
    assert.equal((await synthesizePending(t.db, t.config.dataDir)), '0/0 synthesised', 'cached: nothing made twice');
  });

  test('consultation report and petition status pages have "Nghe" too', async () => {
    const closed = await t.db.selectFrom('consultations').select('id').where('status', '=', 'closed').executeTakeFirst();
    assert.ok(closed, 'the demo has a closed consultation');
    assert.match(await (await t.agent().get(`/consult/${closed.id}/report`)).text(), /id="listen-title"/);
    await t.db.deleteFrom('petition_intake_attempts').execute();
    const a = t.agent();
    const sent = await a.post('/public/petitions', { senderName: 'Trần Văn Nghe', senderAddress: 'Tổ 2', title: 'Cống tắc', content: 'Cống tổ 2 tắc nhiều ngày, đề nghị xử lý.', addressedUnitId: commune });
    const [, code, key] = /\/public\/petitions\/([^/]+)\/receipt\?key=(.*)$/.exec(sent.headers.get('location') ?? '')!;
    const track = await (await a.get(`/public/petitions/track?code=${code}&key=${key}`)).text();
    assert.match(track, /id="listen-title"/);
    const clip = await t.db.selectFrom('audio_clips').select('text').where('subject_type', '=', 'petition').executeTakeFirstOrThrow();
    assert.match(clip.text ?? '', /Hồ sơ/);
    assert.ok(!(clip.text ?? '').includes('Trần Văn Nghe'), 'the spoken status carries no sender identity');
  });

  test('a commune uploads a Jrai recording: checked by content and duration, audited, offered on the public page', async () => {
    const officer = await t.as('demo.commune');
    const path = `/listen/recordings/disclosure/${disclosures[1].id}`;
    assert.equal((await officer.get('/listen')).status, 200);
    const png = await upload(officer, path, 'jra', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(300)]), 'anh.ogg');
    assert.equal(png.status, 400);
    assert.match(await png.text(), /không phải âm thanh OGG, MP3 hoặc WAV/);
    const short = await upload(officer, path, 'jra', toOggFlac(tone(0.5)), 'ngan.ogg');
    assert.equal(short.status, 400);
    assert.match(await short.text(), /từ 1 giây đến 20 phút/);
    const badLang = await upload(officer, path, 'Jrai!', toOggFlac(tone(2)), 'a.ogg');
    assert.match(await badLang.text(), /Mã ngôn ngữ gồm/);
    const ok = await upload(officer, path, 'jra', toOggFlac(tone(3)), 'jrai.ogg');
    assert.equal(ok.status, 303);
    const pub = await (await t.agent().get(`/board/d/${disclosures[1].id}`)).text();
    const m = /<figure class="listen-clip" lang="jra"><figcaption>jra · bản ghi âm của xã · 0:03<\/figcaption><audio controls="" preload="none" src="(\/listen\/clips\/[0-9a-f-]{36})"/.exec(pub);
    assert.ok(m, 'the recording is offered with its language and length');
    const audio = Buffer.from(await (await t.agent().get(m[1])).arrayBuffer());
    assert.equal(checkOggFlac(audio).seconds, 3);
    const ev = await t.db.selectFrom('audit_events').select(['action', 'changes', 'unit_id']).where('action', '=', 'audio.recording').execute();
    assert.equal(ev.length, 1);
    assert.equal(ev[0].unit_id, commune);
    assert.match(ev[0].changes ?? '', /"durationMs":3000/);
    const other = await t.as('demo.department');
    assert.equal((await upload(other, path, 'jra', toOggFlac(tone(2)), 'x.ogg')).status, 403, 'another unit may not record for this commune');
  });

  test('a loudspeaker bulletin: introduction plus two items as one Ogg file, audited; errors named', { skip: !hasEspeak() && 'espeak-ng is not installed' }, async () => {
    const officer = await t.as('demo.commune');
    const form = await (await officer.get('/listen/bulletins/new')).text();
    assert.ok(form.includes(disclosures[0].id) && form.includes(disclosures[1].id));
    const empty = await officer.post('/listen/bulletins/new', { title: '' });
    assert.equal(empty.status, 400);
    const errs = await empty.text();
    assert.match(errs, /Nhập tên bản tin/);
    assert.match(errs, /Chọn ít nhất một nội dung/);
    const body = new URLSearchParams({ _csrf: await officer.csrf(), title: 'Bản tin sáng thứ Hai', intro: '' });
    body.append('items', disclosures[0].id);
    body.append('items', disclosures[1].id);
    const r = await officer.request('/listen/bulletins/new', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(r.status, 303, await r.clone().text());
    const page = await (await officer.get(r.headers.get('location')!)).text();
    assert.match(page, /<audio controls="" preload="none" src="\/listen\/bulletins\/[0-9a-f-]{36}\/audio.ogg"/);
    assert.match(page, /Đài truyền thanh .*Pleiku xin thông báo/);
    const res = await officer.get(`${r.headers.get('location')}/audio.ogg`);
    const bulletin = checkOggFlac(Buffer.from(await res.arrayBuffer()));
    const single = await t.db.selectFrom('audio_clips').select('duration_ms').where('subject_id', '=', disclosures[0].id).where('source', '=', 'speech').executeTakeFirstOrThrow();
    assert.ok(bulletin.seconds * 1000 > (single.duration_ms ?? 0) + 3000, `bulletin ${bulletin.seconds} s holds more than one item (${single.duration_ms} ms) plus the introduction`);
    assert.equal((await t.db.selectFrom('audit_events').select('id').where('action', '=', 'audio.bulletin').execute()).length, 1);
    assert.equal((await t.agent().get(`${r.headers.get('location')}/audio.ogg`)).status === 200, false, 'bulletins are for staff');
  });
});
