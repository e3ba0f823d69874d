import { Hono } from 'hono';
import type { z } from 'zod';
import { allow, authorize, mayEnter, scopeOf } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import type { Result } from '../../platform/http/errors.ts';
import { readForm, type FieldErrors } from '../../platform/http/validate.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { ancestorIds, unitIdsInScope } from '../units/index.ts';
import { explain } from '../community/index.ts';
import { agencyRecords, agencyUnits } from './agency.repository.ts';
import { conferenceInput, dialogueInput, regulationInput } from './agency.schema.ts';
import { recordConference, recordDialogue, registerRegulation } from './agency.service.ts';
import { AgencyPage } from './views/agency.tsx';

export const agencyPages = new Hono<AppEnv>();

async function render(c: Ctx, form?: { errors?: FieldErrors; values?: Record<string, string>; form: string }) {
  const { db } = c.get('deps');
  const user = c.get('user');
  const r = await agencyRecords(db, await unitIdsInScope(db, scopeOf(user, 'agency.view')));
  const units = (await agencyUnits(db, await unitIdsInScope(db, scopeOf(user, 'agency.manage')))).map((u): [string, string] => [u.id, u.full_name]);
  if (form?.errors) c.status(400);
  return c.render(<AgencyPage r={r} units={units} today={localToday()} canManage={mayEnter(user, 'agency.manage')} errors={form?.errors} values={form?.values} form={form?.form} />, { title: c.get('t')('agency.title') });
}

agencyPages.get('/agency-democracy', allow('agency.view'), (c) => render(c));

const steps: { path: string; schema: z.ZodType; run: (c: Ctx, d: any) => Promise<Result<unknown>> }[] = [
  { path: 'conferences', schema: conferenceInput, run: (c, d) => recordConference(c.get('deps').db, actorOf(c), d) },
  { path: 'dialogues', schema: dialogueInput, run: (c, d) => recordDialogue(c.get('deps').db, actorOf(c), d) },
  { path: 'regulations', schema: regulationInput, run: (c, d) => registerRegulation(c.get('deps').db, actorOf(c), d) },
];
for (const s of steps) {
  agencyPages.post(`/agency-democracy/${s.path}`, allow('agency.manage'), async (c) => {
    const form = await readForm(c, s.schema);
    if (!form.ok) return render(c, { ...form, form: s.path });
    await authorize(c.get('user'), 'agency.manage', (form.data as { unitId: string }).unitId, (id) => ancestorIds(c.get('deps').db, id));
    const r = await s.run(c, form.data);
    if (!r.ok) return render(c, { errors: explain(r.fields, c.get('t')), values: form.values, form: s.path });
    return c.redirect('/agency-democracy', 303);
  });
}
