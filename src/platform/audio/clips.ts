import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { nowIso, type Db, type Trx } from '../db/index.ts';
import { readWav, toOggFlac, type Pcm } from './ogg.ts';
import { hasEspeak, synthesize } from './speech.ts';
import type { AudioInfo } from './sniff.ts';

/** One audio file of a public item: Vietnamese speech made by espeak-ng, or a recording a commune uploaded. */
export interface AudioClipsTable {
  id: string;
  subject_type: string;
  subject_id: string;
  lang: string;
  source: 'speech' | 'recording';
  text: string | null;
  text_hash: string | null;
  status: 'pending' | 'ready' | 'failed';
  mime: string | null;
  duration_ms: number | null;
  size: number | null;
  file_name: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
declare module '../db/tables.ts' {
  interface Database { audio_clips: AudioClipsTable }
}
export type ClipRow = AudioClipsTable;
export interface Subject { type: string; id: string }

const hash = (s: string) => createHash('sha256').update(s).digest('hex');
/** Where audio files live: `<DATA_DIR>/audio/<name>`. */
export const audioPath = (dataDir: string, name: string) => path.join(dataDir, 'audio', path.basename(name));

function write(dataDir: string, name: string, buf: Uint8Array): void {
  fs.mkdirSync(path.join(dataDir, 'audio'), { recursive: true });
  fs.writeFileSync(audioPath(dataDir, name), buf);
}

/**
 * The audio of an item: asks for Vietnamese speech of `text` (queued for the background job when
 * missing or when the text changed) and returns the clips ready to play, and whether speech is pending.
 */
export async function speechFor(db: Db, s: Subject, text: string): Promise<{ clips: ClipRow[]; pending: boolean }> {
  const h = hash(text);
  const rows = await db.selectFrom('audio_clips').selectAll().where('subject_type', '=', s.type).where('subject_id', '=', s.id).execute();
  const speech = rows.find((r) => r.source === 'speech' && r.lang === 'vi');
  const at = nowIso();
  if (!speech) {
    await db.insertInto('audio_clips').values({ id: randomUUID(), subject_type: s.type, subject_id: s.id, lang: 'vi', source: 'speech', text, text_hash: h, status: 'pending', mime: null, duration_ms: null, size: null, file_name: null, created_by: null, created_at: at, updated_at: at })
      .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'lang', 'source']).doNothing()).execute();
  } else if (speech.text_hash !== h) {
    await db.updateTable('audio_clips').set({ text, text_hash: h, status: 'pending', updated_at: at }).where('id', '=', speech.id).execute();
  }
  const fresh = speech && speech.text_hash === h;
  const clips = rows.filter((r) => r.status === 'ready' && (r.source === 'recording' || fresh));
  return { clips: clips.sort((a, b) => (a.source === b.source ? a.lang.localeCompare(b.lang) : a.source === 'speech' ? -1 : 1)), pending: !fresh || speech.status === 'pending' };
}

/** Speech of Vietnamese text as PCM (several texts joined by a second of silence); null without espeak-ng. */
export async function speechPcm(texts: string[]): Promise<Pcm | null> {
  const parts: Pcm[] = [];
  for (const t of texts) {
    const wav = await synthesize(t);
    const pcm = wav && readWav(wav);
    if (!pcm) return null;
    parts.push(pcm);
  }
  if (!parts.length || parts.some((p) => p.sampleRate !== parts[0].sampleRate || p.channels !== parts[0].channels)) return null;
  const { sampleRate, channels } = parts[0];
  const gap = sampleRate * channels;
  const samples = new Int16Array(parts.reduce((n, p) => n + p.samples.length, 0) + gap * (parts.length - 1));
  let off = 0;
  parts.forEach((p, i) => { samples.set(p.samples, off); off += p.samples.length + (i < parts.length - 1 ? gap : 0); });
  return { sampleRate, channels, samples };
}

/** Writes PCM as an Ogg FLAC file; returns its name, size and duration. */
export function saveOgg(dataDir: string, stem: string, pcm: Pcm) {
  const ogg = toOggFlac(pcm);
  const name = `${stem}.ogg`;
  write(dataDir, name, ogg);
  return { name, size: ogg.length, durationMs: Math.round((pcm.samples.length / pcm.channels / pcm.sampleRate) * 1000) };
}

/** The background job: synthesises up to `limit` queued speech clips. Returns a short report. */
export async function synthesizePending(db: Db, dataDir: string, limit = 5): Promise<string> {
  if (!hasEspeak()) return 'espeak-ng missing';
  const rows = await db.selectFrom('audio_clips').selectAll().where('status', '=', 'pending').where('source', '=', 'speech').orderBy('updated_at').limit(limit).execute();
  let done = 0;
  for (const r of rows) {
    const pcm = await speechPcm([r.text ?? '']);
    const saved = pcm && saveOgg(dataDir, `${r.id}-${(r.text_hash ?? '').slice(0, 12)}`, pcm);
    await db.updateTable('audio_clips').set(saved ? { status: 'ready', mime: 'audio/ogg', file_name: saved.name, size: saved.size, duration_ms: saved.durationMs, updated_at: nowIso() } : { status: 'failed', updated_at: nowIso() })
      .where('id', '=', r.id).where('text_hash', '=', r.text_hash).execute();
    if (saved) done++;
  }
  return `${done}/${rows.length} synthesised`;
}

/** Stores an uploaded recording of an item in a language (replacing that language's earlier recording). */
export async function saveRecording(trx: Trx, dataDir: string, s: Subject, lang: string, buf: Buffer, info: AudioInfo, userId: string | null): Promise<ClipRow> {
  const at = nowIso();
  const old = await trx.selectFrom('audio_clips').selectAll().where('subject_type', '=', s.type).where('subject_id', '=', s.id).where('lang', '=', lang).where('source', '=', 'recording').executeTakeFirst();
  const id = old?.id ?? randomUUID();
  const name = `${id}-${hash(buf.toString('base64')).slice(0, 12)}.${info.kind}`;
  write(dataDir, name, buf);
  const row: ClipRow = { id, subject_type: s.type, subject_id: s.id, lang, source: 'recording', text: null, text_hash: null, status: 'ready', mime: info.mime, duration_ms: info.durationMs, size: buf.length, file_name: name, created_by: userId, created_at: old?.created_at ?? at, updated_at: at };
  if (old) await trx.updateTable('audio_clips').set(row).where('id', '=', id).execute();
  else await trx.insertInto('audio_clips').values(row).execute();
  return row;
}

/** A clip ready to play, or undefined. */
export const readyClip = (db: Db, id: string) => db.selectFrom('audio_clips').selectAll().where('id', '=', id).where('status', '=', 'ready').executeTakeFirst();
