import type { Ctx } from '../../platform/http/context.ts';
import { fieldErrors, type FieldErrors } from '../../platform/http/validate.ts';
import { disclosureForm, disclosureInput, type DisclosureInput } from './disclosures.schema.ts';

/** Reads the multipart staff form: fields, the forms ticked, the document and the notice-board photo. */
export async function readDisclosureForm(c: Ctx): Promise<{ ok: true; data: DisclosureInput; values: Record<string, string>; file: File | null; photo: File | null } | { ok: false; errors: FieldErrors; values: Record<string, string> }> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (k !== '_csrf' && typeof v === 'string') values[k] = v;
  const forms = ([] as unknown[]).concat(body.forms ?? []).filter((x): x is string => typeof x === 'string');
  values.forms = forms.join(',');
  const fileOf = (k: string) => { const f = body[k]; return f instanceof File && f.size > 0 ? f : null; };
  const t = c.get('t');
  const base = disclosureForm.safeParse(values);
  const errors: FieldErrors = base.success ? {} : fieldErrors(base.error, t);
  if (forms.length === 0) errors.forms = t('disclosures.error.noForm');
  if (!base.success || errors.forms) return { ok: false, errors, values };
  const f = base.data;
  const broadcastDays = (f.broadcastDays ?? '').split(/[\s,;]+/).filter(Boolean);
  const input = disclosureInput.safeParse({
    unitId: f.unitId, itemCode: f.itemCode, title: f.title, documentNo: f.documentNo, decisionOn: f.decisionOn, postedOn: f.postedOn,
    forms: forms.map((form) => ({
      form, url: ['portal', 'intranet', 'social_network'].includes(form) ? f.portalUrl || null : null,
      informedOn: form === 'village_heads' ? f.informedOn || null : null, broadcastDays: form === 'radio' ? broadcastDays : [],
    })),
  });
  if (!input.success) {
    const e = fieldErrors(input.error, t);
    return { ok: false, errors: Object.fromEntries(Object.entries(e).map(([k, v]) => [/broadcastDays/.test(k) ? 'broadcastDays' : k.startsWith('forms') ? 'forms' : k, v])), values };
  }
  return { ok: true, data: input.data, values, file: fileOf('file'), photo: fileOf('photo') };
}
