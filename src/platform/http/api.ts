import { OpenAPIHono } from '@hono/zod-openapi';
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

/** The error body schema of every API error (for the OpenAPI document). */
export { z } from '@hono/zod-openapi';
