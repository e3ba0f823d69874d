import { Hono } from 'hono';
import { allow } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { formValues, type FieldErrors } from '../../platform/http/validate.ts';
import { Csrf, ErrorSummary, Field, Notice, useT } from '../../platform/views/components.tsx';
import { DEFAULT_FORMS } from '../../domain/exemplars/forms.ts';
import { FORM_CODES, formDefs, setFormDefs, type FormCode } from './exemplars.forms.ts';

/**
 * The summary forms' titles and column headings (the province's official headings were not found:
 * DVK-AND-INSPECTIONS.md §6.3 proposes defaults). Admins enter the confirmed wording; columns keep
 * their meaning and order, only the printed words change. Audited; the "proposed form" note then
 * disappears from the printed forms.
 */
export const formsSettingsPages = new Hono<AppEnv>();

const key = (code: FormCode, col?: string) => (col ? `${code}.col.${col}` : `${code}.title`);

function FormsForm({ values, errors, saved }: { values: Record<string, string>; errors?: FieldErrors; saved: boolean }) {
  const t = useT();
  return (
    <>
      {saved && <Notice>{t('exemplars.formsSettings.saved')}</Notice>}
      <ErrorSummary errors={errors} />
      <h1>{t('exemplars.formsSettings.title')}</h1>
      <p>{t('exemplars.formsSettings.intro')}</p>
      <form method="post" action="/exemplars/settings/forms" novalidate>
        <Csrf />
        {FORM_CODES.map((code) => (
          <fieldset>
            <legend><h2>{t(`exemplars.formsSettings.${code}`)}</h2></legend>
            <Field name={key(code)} label={t('exemplars.formsSettings.formTitle')} hint={t('exemplars.formsSettings.yearHint')} values={values} errors={errors} />
            {DEFAULT_FORMS[code].columns.map((c, i) => (
              <Field name={key(code, c.key)} label={t('exemplars.formsSettings.column', { n: i + 1 })} values={values} errors={errors} />
            ))}
          </fieldset>
        ))}
        <button type="submit">{t('form.save')}</button>
      </form>
    </>
  );
}

const render = (c: Ctx, values: Record<string, string>, errors?: FieldErrors) =>
  c.render(<FormsForm values={values} errors={errors} saved={!!c.req.query('saved')} />, { title: c.get('t')('exemplars.formsSettings.title') });

formsSettingsPages.get('/exemplars/settings/forms', allow('exemplars.settings'), async (c) => {
  const defs = await formDefs(c.get('deps').db);
  const values: Record<string, string> = {};
  for (const code of FORM_CODES) {
    values[key(code)] = defs[code].title;
    for (const col of defs[code].columns) values[key(code, col.key)] = col.heading;
  }
  return render(c, values);
});

formsSettingsPages.post('/exemplars/settings/forms', allow('exemplars.settings'), async (c) => {
  const t = c.get('t');
  const values = await formValues(c);
  const errors: FieldErrors = {};
  const headings = {} as Record<FormCode, { title: string; columns: Record<string, string> }>;
  for (const code of FORM_CODES) {
    const title = (values[key(code)] ?? '').trim();
    if (!title || title.length > 300) errors[key(code)] = t(title ? 'exemplars.formsSettings.tooLong' : 'validation.required');
    headings[code] = { title, columns: {} };
    for (const col of DEFAULT_FORMS[code].columns) {
      const h = (values[key(code, col.key)] ?? '').trim();
      if (!h || h.length > 200) errors[key(code, col.key)] = t(h ? 'exemplars.formsSettings.tooLong' : 'validation.required');
      // Two columns with the same heading would make the printed form ambiguous.
      else if (Object.values(headings[code].columns).some((x) => x.toLocaleLowerCase('vi') === h.toLocaleLowerCase('vi'))) errors[key(code, col.key)] = t('exemplars.formsSettings.duplicate');
      headings[code].columns[col.key] = h;
    }
  }
  if (Object.keys(errors).length) return (c.status(400), render(c, values, errors));
  await setFormDefs(c.get('deps').db, actorOf(c), headings);
  return c.redirect('/exemplars/settings/forms?saved=1', 303);
});
