import { randomUUID } from 'node:crypto';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { saveOgg, saveRecording, speechPcm, type Subject } from '../../platform/audio/clips.ts';
import { audioInfo } from '../../platform/audio/sniff.ts';
import { nowIso, type Db } from '../../platform/db/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { LOCALE_CODE } from '../../platform/i18n/locale-file.ts';

/** Limits on an uploaded recording (product limits, not law): 10 MB, 1 second to 20 minutes. */
export const RECORDING_LIMITS = { maxBytes: 10 * 1024 * 1024, minMs: 1000, maxMs: 20 * 60 * 1000 };

/** Checks an uploaded recording by its content (Ogg, WAV or MP3) and duration, and stores it, audited. */
export async function uploadRecording(db: Db, dataDir: string, actor: Actor, s: Subject & { unitId: string }, lang: string, file: File | null): Promise<Result<string, 'invalid'>> {
  const fields: Record<string, string> = {};
  if (!LOCALE_CODE.test(lang)) fields.lang = 'listen.error.lang';
  const buf = file && file.size > 0 ? Buffer.from(await file.arrayBuffer()) : null;
  const info = buf && buf.length <= RECORDING_LIMITS.maxBytes ? audioInfo(buf) : null;
  if (!buf) fields.file = 'listen.error.empty';
  else if (buf.length > RECORDING_LIMITS.maxBytes) fields.file = 'listen.error.tooLarge';
  else if (!info) fields.file = 'listen.error.type';
  else if (info.durationMs < RECORDING_LIMITS.minMs || info.durationMs > RECORDING_LIMITS.maxMs) fields.file = 'listen.error.duration';
  if (Object.keys(fields).length || !buf || !info) return fail('invalid', fields);
  const row = await inTransaction(db, async (trx) => {
    const r = await saveRecording(trx, dataDir, s, lang, buf, info, actor.userId);
    await record(trx, actor, { action: 'audio.recording', subjectType: s.type, subjectId: s.id, unitId: s.unitId, changes: { lang, mime: info.mime, durationMs: info.durationMs, size: buf.length }, visibility: 'unit' });
    return r;
  });
  return ok(row.id);
}

export interface BulletinItem { type: 'disclosure'; id: string; title: string; text: string }

/** Assembles a loudspeaker bulletin: the introduction, then each item, as one Ogg file; audited. */
export async function makeBulletin(db: Db, dataDir: string, actor: Actor, b: { unitId: string; title: string; intro: string; items: BulletinItem[] }): Promise<Result<string, 'no_speech'>> {
  const pcm = await speechPcm([b.intro, ...b.items.map((i) => i.text), 'Hết bản tin. Xin cảm ơn bà con đã lắng nghe.']);
  if (!pcm) return fail('no_speech', { items: 'listen.error.noSpeech' });
  const id = randomUUID();
  const saved = saveOgg(dataDir, `bulletin-${id}`, pcm);
  await inTransaction(db, async (trx) => {
    await trx.insertInto('audio_bulletins').values({
      id, unit_id: b.unitId, title: b.title, intro: b.intro, items: JSON.stringify(b.items.map(({ type, id: itemId, title }) => ({ type, id: itemId, title }))),
      file_name: saved.name, duration_ms: saved.durationMs, size: saved.size, created_by: actor.userId, created_at: nowIso(),
    }).execute();
    await record(trx, actor, { action: 'audio.bulletin', subjectType: 'audio_bulletin', subjectId: id, unitId: b.unitId, changes: { title: b.title, items: b.items.length, durationMs: saved.durationMs }, visibility: 'unit' });
  });
  return ok(id);
}
