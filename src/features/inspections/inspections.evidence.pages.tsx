import { Hono } from 'hono';
import { allow } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { translateFields } from '../../platform/http/validate.ts';
import { sendFile } from '../../platform/files/index.ts';
import { targetFor, targetWith } from './inspections.access.ts';
import { addEvidence, evidenceFile } from './inspections.evidence.ts';
import { renderTarget } from './inspections.pages.tsx';

export const evidencePages = new Hono<AppEnv>();

/** Uploads an evidence file for one checklist item (team members and the coordinator, until the conclusion is issued). */
evidencePages.post('/inspection-targets/:id/evidence', allow('inspections.record'), async (c) => {
  const { t } = await targetWith(c, c.req.param('id'), 'record');
  const body = await c.req.parseBody();
  const code = typeof body.code === 'string' ? body.code : '';
  const r = await addEvidence(c.get('deps').db, actorOf(c), t.id, { code, file: body.file instanceof File ? body.file : null, dataDir: c.get('deps').config.dataDir });
  if (!r.ok) return renderTarget(c, t.id, { values: { code }, errors: translateFields(r.fields ?? { file: 'validation.invalid' }, c.get('t')) });
  return c.redirect(`/inspection-targets/${t.id}#evidence`, 303);
});

/** Downloads an evidence file: only for those who may read the target's findings (never another unit). */
export async function evidenceDownload(c: Ctx) {
  const { t, rights } = await targetFor(c, c.req.param('id')!);
  if (!rights.findings) throw forbidden();
  const e = await evidenceFile(c.get('deps').db, t.id, c.req.param('evidenceId')!);
  if (!e) throw notFound();
  return sendFile(c, c.get('deps').db, c.get('deps').config.dataDir, e.file_id);
}
evidencePages.get('/inspection-targets/:id/evidence/:evidenceId', allow('inspections.view'), evidenceDownload);
