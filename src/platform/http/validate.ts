import type { z } from 'zod';
import { HttpError } from './errors.ts';
import type { Ctx } from './context.ts';
import type { T } from '../i18n/index.ts';

export type FieldErrors = Record<string, string>;

/** Turns zod issues into one Vietnamese (or English) message per field, by translation key. */
export function fieldErrors(error: z.ZodError, t: T): FieldErrors {
  const out: FieldErrors = {};
  // Own properties only: a field named `constructor` or `__proto__` (sent by a client) must be named, not read from Object.prototype.
  const has = (k: string) => Object.hasOwn(out, k);
  const set = (k: string, msg: string) => Object.defineProperty(out, k, { value: msg, enumerable: true, writable: true, configurable: true });
  for (const issue of error.issues) {
    const i = issue as z.core.$ZodIssue & { input?: unknown; minimum?: number; maximum?: number; keys?: string[]; origin?: string };
    if (i.code === 'unrecognized_keys') {
      for (const k of i.keys ?? []) if (!has(k)) set(k, t('validation.unknownField'));
      continue;
    }
    const field = i.path.length ? i.path.join('.') : '_';
    if (has(field)) continue;
    let msg: string;
    if (i.code === 'invalid_type' && (i.input === undefined || i.input === null || /received (undefined|null)/.test(i.message))) msg = t('validation.required');
    else if (i.code === 'invalid_type') msg = t('validation.invalidType');
    else if (i.code === 'too_small' && i.origin === 'string' && i.minimum === 1) msg = t('validation.required');
    else if (i.code === 'too_small') msg = t(i.origin === 'string' ? 'validation.tooShort' : 'validation.tooSmall', { min: Number(i.minimum) });
    else if (i.code === 'too_big') msg = t(i.origin === 'string' ? 'validation.tooLong' : 'validation.tooBig', { max: Number(i.maximum) });
    else if (i.code === 'invalid_value') msg = t('validation.invalidChoice');
    else if (i.message && /^[a-z]+\.[A-Za-z.]+$/.test(i.message)) msg = t(i.message);
    else msg = t('validation.invalid');
    set(field, msg);
  }
  return out;
}

/** A 400 error carrying the named fields. */
export function validationError(fields: FieldErrors): HttpError {
  return new HttpError(400, 'validation_failed', 'error.validation', fields);
}

/** Reads and validates a JSON body for the API; any problem becomes a 400 with the fields named. */
export async function readJson<S extends z.ZodType>(c: Ctx, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpError(400, 'invalid_json', 'error.invalidJson', { _: c.get('t')('error.invalidJson') });
  }
  const r = schema.safeParse(body);
  if (!r.success) throw validationError(fieldErrors(r.error, c.get('t')));
  return r.data;
}

/** Reads the submitted form as plain strings (last value wins; files are dropped here). */
export async function formValues(c: Ctx): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    if (typeof last === 'string') out[k] = last;
  }
  return out;
}

export type FormResult<T> = { ok: true; data: T; values: Record<string, string> } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Validates a submitted form; on failure returns the errors and the values to re-render the form with. */
export async function readForm<S extends z.ZodType>(c: Ctx, schema: S): Promise<FormResult<z.infer<S>>> {
  const values = await formValues(c);
  const r = schema.safeParse(values);
  if (r.success) return { ok: true, data: r.data, values };
  return { ok: false, errors: fieldErrors(r.error, c.get('t')), values };
}

/** Query string as a plain record (first value), for zod parsing of GET filters. */
export function queryValues(c: Ctx): Record<string, string> {
  const q = c.req.query();
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)]));
}

/** Translates a service's field errors (message keys) for display. */
export function translateFields(fields: Record<string, string> | undefined, t: T): FieldErrors {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k, t(v)]));
}
