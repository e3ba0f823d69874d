import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { OpenAPIHono } from '@hono/zod-openapi';
import { allow, defineActions } from './platform/authz/index.ts';
import type { AppDeps, AppEnv } from './platform/http/context.ts';
import type { Feature } from './platform/http/feature.ts';
import { HttpError } from './platform/http/errors.ts';
import { auditGuard, contextMiddleware, csrfCheck, languageMiddleware, securityHeaders } from './platform/http/middleware.ts';
import { csrfMiddleware, sessionMiddleware } from './platform/http/session.ts';
import { handleError, handleNotFound } from './platform/http/error-handler.tsx';
import { registerMessages } from './platform/i18n/index.ts';
import { LocaleStore } from './platform/i18n/locales.ts';
import { registerNav } from './platform/views/layout.tsx';
import { pageRenderer } from './platform/views/render.tsx';
import { features } from './features/index.ts';
import { API_INFO, buildOpenApiDocument } from './platform/http/openapi.ts';
import { apiDocsPages } from './platform/http/api-docs.tsx';
import { metricsRoutes, requestLog } from './platform/ops/http.ts';

/** Builds the application: middleware in a readable order, then each feature's pages and API. */
export function buildApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(requestLog());
  app.use(contextMiddleware(deps));
  app.use(securityHeaders());
  app.use(bodyLimit({ maxSize: 12 * 1024 * 1024, onError: () => { throw new HttpError(413, 'too_large', 'error.tooLarge'); } }));
  app.use(languageMiddleware(LocaleStore.fromDir(deps.config.localesDir, deps.config.env)));
  app.use(sessionMiddleware());
  app.use(csrfMiddleware());
  app.use(csrfCheck());
  app.use(auditGuard());
  app.use(pageRenderer());

  const api = new OpenAPIHono<AppEnv>();
  for (const f of features as Feature[]) {
    if (f.actions) defineActions(f.actions);
    if (f.messages) registerMessages(f.name, f.messages.vi, f.messages.en);
    for (const n of f.nav ?? []) registerNav(n);
    if (f.pages) app.route('/', f.pages);
    if (f.api) api.route('/', f.api);
  }
  let doc: ReturnType<typeof buildOpenApiDocument> | undefined;
  const openApi = () => (doc ??= buildOpenApiDocument(api, API_INFO));
  api.get('/openapi.json', allow('public'), (c) => c.json(openApi()));
  app.route('/', apiDocsPages(openApi));
  app.route('/', metricsRoutes());
  app.route('/api/v1', api);
  app.onError(handleError);
  app.notFound(handleNotFound);
  return app;
}

export type App = ReturnType<typeof buildApp>;
