import { Hono } from 'hono';
import { allow, scopeOf } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { fieldErrors, formValues, translateFields } from '../../platform/http/validate.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { findUnits, unitIdsInScope } from '../units/index.ts';
import { staffPetitionInput } from './petitions.schema.ts';
import { createPetition } from './petitions.service.ts';
import { IntakeForm } from './views/intake.tsx';

export const intakePages = new Hono<AppEnv>();

/** Units the user may enter petitions for (today's units in scope). */
export async function intakeUnits(c: Ctx, action = 'petitions.intake'): Promise<[string, string][]> {
  const { db } = c.get('deps');
  const scope = await unitIdsInScope(db, scopeOf(c.get('user'), action));
  const units = await findUnits(db, { at: localToday() });
  return units.filter((u) => (scope === 'all' ? ['province-committee', 'department', 'commune-committee'].includes(u.kind) : scope.includes(u.id))).map((u) => [u.id, u.fullName]);
}

const render = async (c: Ctx, values: Record<string, string>, errors?: Record<string, string>) =>
  c.render(<IntakeForm values={values} errors={errors} units={await intakeUnits(c)} />, { title: c.get('t')('petitions.new') });

intakePages.get('/petitions/new', allow('petitions.intake'), (c) => render(c, { receivedOn: formatDate(localToday()), channel: 'letter' }));

intakePages.post('/petitions/new', allow('petitions.intake'), async (c) => {
  const t = c.get('t');
  const body = await c.req.parseBody({ all: true });
  const values = await formValues(c);
  const r = staffPetitionInput.safeParse(Object.fromEntries(Object.entries(values).filter(([k, v]) => k !== 'anonymous' || v)));
  const units = await intakeUnits(c);
  if (!r.success || !units.some(([id]) => id === r.data.handlingUnitId)) {
    c.status(400);
    return render(c, values, r.success ? { handlingUnitId: t('petitions.error.unitMissing') } : fieldErrors(r.error, t));
  }
  const uploads = ([] as unknown[]).concat(body.scans ?? []).filter((f): f is File => f instanceof File && f.size > 0);
  try {
    const { db, config } = c.get('deps');
    const created = await createPetition(db, actorOf(c), { ...r.data, uploads, dataDir: config.dataDir });
    return c.redirect(`/petitions/${created.id}?code=${created.trackingCode}&key=${encodeURIComponent(created.accessKey)}`, 303);
  } catch (e) {
    if (!(e instanceof HttpError) || e.status !== 400) throw e;
    c.status(400);
    return render(c, values, translateFields(e.fields, t));
  }
});
