import fs from 'node:fs';
import { Hono } from 'hono';
import { allow, authorize, scopeOf } from '../../platform/authz/index.ts';
import { audioPath, readyClip } from '../../platform/audio/clips.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { translateFields, type FieldErrors } from '../../platform/http/validate.ts';
import { ancestorIds, unitIdsInScope, unitNames } from '../units/index.ts';
import { subjectOf, subjectsIn } from './listen.subjects.ts';
import { uploadRecording } from './listen.service.ts';
import { ListenIndex, RecordingPage } from './views/listen.tsx';

export const listenPages = new Hono<AppEnv>();

/** Sends an audio file: inline for `<audio>`, as an attachment with `?download=1`. */
export function sendAudio(c: Ctx, dataDir: string, file: string, mime: string, name: string): Response {
  const p = audioPath(dataDir, file);
  if (!fs.existsSync(p)) throw notFound();
  const disposition = c.req.query('download') ? `attachment; filename="${name}"` : 'inline';
  return c.body(new Uint8Array(fs.readFileSync(p)), 200, { 'Content-Type': mime, 'Content-Disposition': disposition, 'Cache-Control': 'public, max-age=300' });
}

listenPages.get('/listen/clips/:id', allow('public'), async (c) => {
  const clip = await readyClip(c.get('deps').db, c.req.param('id'));
  if (!clip?.file_name || !clip.mime) throw notFound();
  return sendAudio(c, c.get('deps').config.dataDir, clip.file_name, clip.mime, `nghe-${clip.lang}-${clip.subject_id.slice(0, 8)}.${clip.file_name.split('.').pop()}`);
});

listenPages.get('/listen', allow('listen.record'), async (c) => {
  const { db } = c.get('deps');
  const subjects = await subjectsIn(db, await unitIdsInScope(db, scopeOf(c.get('user'), 'listen.record')));
  const names = await unitNames(db, subjects.map((s) => s.unitId));
  const clips = subjects.length ? await db.selectFrom('audio_clips').select(['subject_id', 'lang', 'source', 'status']).where('subject_id', 'in', subjects.map((s) => s.id)).execute() : [];
  return c.render(<ListenIndex subjects={subjects} unitNames={names} clips={clips} />, { title: c.get('t')('listen.staff.title') });
});

/** The item of a recording URL, after checking the user may record for its unit. */
async function recordable(c: Ctx) {
  const { db } = c.get('deps');
  const s = await subjectOf(db, c.req.param('type') ?? '', c.req.param('id') ?? '');
  if (!s) throw notFound();
  await authorize(c.get('user'), 'listen.record', s.unitId, (id) => ancestorIds(db, id));
  return s;
}

/** The recording form of an item, with its current clips; `errors` brings it back with status 400. */
async function recordingPage(c: Ctx, values: Record<string, string> = {}, errors?: FieldErrors) {
  const s = await recordable(c);
  if (errors) c.status(400);
  const clips = await c.get('deps').db.selectFrom('audio_clips').selectAll().where('subject_type', '=', s.type).where('subject_id', '=', s.id).execute();
  return c.render(<RecordingPage s={s} clips={clips} values={values} errors={errors} done={!errors && c.req.query('done') === '1'} />, { title: s.title });
}

listenPages.get('/listen/recordings/:type/:id', allow('listen.record'), (c) => recordingPage(c));

listenPages.post('/listen/recordings/:type/:id', allow('listen.record'), async (c) => {
  const s = await recordable(c);
  const body = await c.req.parseBody();
  const lang = typeof body.lang === 'string' ? body.lang.trim().toLowerCase() : '';
  const file = body.file instanceof File ? body.file : null;
  const r = await uploadRecording(c.get('deps').db, c.get('deps').config.dataDir, actorOf(c), s, lang, file);
  if (r.ok) return c.redirect(`/listen/recordings/${s.type}/${s.id}?done=1`, 303);
  return recordingPage(c, { lang }, translateFields(r.fields, c.get('t')));
});
