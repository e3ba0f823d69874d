import { Hono } from 'hono';
import { allow, ROLES } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { formValues, type FieldErrors } from '../../platform/http/validate.ts';
import { Csrf, ErrorSummary, Field, Notice, Select, useT } from '../../platform/views/components.tsx';
import { LEVELS } from '../../domain/exemplars/workflow.ts';
import type { RecognitionConfig } from '../../domain/exemplars/recognition.ts';
import { recognitionConfig, setRecognitionConfig } from './exemplars.service.ts';

/**
 * Who recognises DVK models at each level (DVK-AND-INSPECTIONS.md §1.1: not confirmed for Gia Lai
 * after the 2025 restructuring, so it is configurable): roles, whether the grant must cover the
 * entry's unit, and the recognising body printed with decisions. Admins only; audited.
 */
export const settingsPages = new Hono<AppEnv>();

/** Config → flat form values: `<level>.role.<role>` = "1", `<level>.scope`, `<level>.body`. */
function toValues(cfg: RecognitionConfig): Record<string, string> {
  const v: Record<string, string> = {};
  for (const l of LEVELS) {
    for (const r of cfg[l].roles) v[`${l}.role.${r}`] = '1';
    v[`${l}.scope`] = cfg[l].scope;
    v[`${l}.body`] = cfg[l].body;
  }
  return v;
}

/** Flat form values → config, or field errors (each level needs a role, a valid scope and the body's name). */
function parse(v: Record<string, string>): { ok: true; cfg: RecognitionConfig } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const cfg = {} as RecognitionConfig;
  for (const l of LEVELS) {
    const roles = ROLES.filter((r) => v[`${l}.role.${r}`] === '1');
    const scope = v[`${l}.scope`];
    const body = (v[`${l}.body`] ?? '').trim();
    if (roles.length === 0) errors[`${l}.role.${ROLES[0]}`] = 'exemplars.settings.error.roles';
    if (scope !== 'unit' && scope !== 'province') errors[`${l}.scope`] = 'validation.required';
    if (!body || body.length > 300) errors[`${l}.body`] = body ? 'exemplars.settings.error.body' : 'validation.required';
    cfg[l] = { roles: [...roles], scope: scope === 'province' ? 'province' : 'unit', body };
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, cfg };
}

function SettingsForm({ values, errors, saved }: { values: Record<string, string>; errors?: FieldErrors; saved: boolean }) {
  const t = useT();
  return (
    <>
      {saved && <Notice>{t('exemplars.settings.saved')}</Notice>}
      <ErrorSummary errors={errors} />
      <h1>{t('exemplars.settings.title')}</h1>
      <p>{t('exemplars.settings.intro')}</p>
      <form method="post" action="/exemplars/settings" novalidate>
        <Csrf />
        {LEVELS.map((l) => {
          const err = errors?.[`${l}.role.${ROLES[0]}`];
          return (
            <fieldset class={err ? 'field-error' : undefined}>
              <legend><h2>{t(`exemplars.level.${l}`)}</h2></legend>
              <div class="field">
                <p><strong>{t('exemplars.settings.roles')}</strong></p>
                {err && <p class="error-message" id={`e-${l}.role.${ROLES[0]}`}>{err}</p>}
                {ROLES.map((r) => (
                  <div><label><input type="checkbox" id={`f-${l}.role.${r}`} name={`${l}.role.${r}`} value="1" checked={values[`${l}.role.${r}`] === '1'} /> {t(`role.${r}`)}</label></div>
                ))}
              </div>
              <Select name={`${l}.scope`} label={t('exemplars.settings.scope')} values={values} errors={errors}
                options={[['unit', t('exemplars.settings.scope.unit')], ['province', t('exemplars.settings.scope.province')]]} />
              <Field name={`${l}.body`} label={t('exemplars.settings.body')} values={values} errors={errors} />
            </fieldset>
          );
        })}
        <button type="submit">{t('form.save')}</button>
      </form>
    </>
  );
}

const render = (c: Ctx, values: Record<string, string>, errors?: FieldErrors) =>
  c.render(<SettingsForm values={values} errors={errors} saved={!!c.req.query('saved')} />, { title: c.get('t')('exemplars.settings.title') });

settingsPages.get('/exemplars/settings', allow('exemplars.settings'), async (c) => render(c, toValues(await recognitionConfig(c.get('deps').db))));

settingsPages.post('/exemplars/settings', allow('exemplars.settings'), async (c) => {
  const values = await formValues(c);
  const r = parse(values);
  if (!r.ok) return (c.status(400), render(c, values, Object.fromEntries(Object.entries(r.errors).map(([k, m]) => [k, c.get('t')(m)]))));
  await setRecognitionConfig(c.get('deps').db, actorOf(c), r.cfg);
  return c.redirect('/exemplars/settings?saved=1', 303);
});
