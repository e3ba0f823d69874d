import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './context.ts';
import { fieldErrors, validationError } from './validate.ts';

/** A new API router whose validation failures become our 400 error shape with the fields named. */
export function apiRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) throw validationError(fieldErrors(result.error as never, c.get('t')));
    },
  });
}

export { z };

/** A legal date in a response: `YYYY-MM-DD` (Vietnam's calendar). */
export const IsoDate = z.string().openapi({ format: 'date', example: '2026-03-15' });
/** An instant in a response: ISO-8601 UTC. */
export const Instant = z.string().openapi({ format: 'date-time', example: '2026-03-15T02:30:00.000Z' });
/** Any JSON value (a stored document whose shape the API does not fix, e.g. an audit event's changes). */
export const JsonValue = z.json().openapi('JsonValue');
/** The `{ ok: true, value }` answer of a command whose service returns `value`. */
export const okValue = <V extends z.ZodType>(value: V) => z.object({ ok: z.literal(true), value });
/** A text column whose values the services write from a fixed list (documented as an enum, typed as text). */
export const oneOf = (values: readonly string[], description?: string) => z.string().openapi({ enum: [...values], ...(description ? { description } : {}) });

/**
 * A multipart form body, described from the zod schema the handler validates it with (the handler
 * parses the form itself, files included, so no validator is attached here) plus its file fields.
 */
export function multipartBody(schema: z.ZodType, files: Record<string, string>, required: string[] = []) {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { $schema?: string; properties?: Record<string, unknown>; required?: string[] };
  const fileProps = Object.fromEntries(Object.entries(files).map(([k, description]) => [k, { type: 'string', format: 'binary', description }]));
  const schemaObject = { ...json, properties: { ...json.properties, ...fileProps }, required: [...(json.required ?? []), ...required] };
  return { body: { content: { 'multipart/form-data': { schema: schemaObject as never } }, required: true } };
}
