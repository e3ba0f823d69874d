import type { MiddlewareHandler } from 'hono';
import { jsxRenderer } from 'hono/jsx-renderer';
import { Layout } from './layout.tsx';

declare module 'hono' {
  interface ContextRenderer {
    (content: string | Promise<string>, props: { title: string }): Response | Promise<Response>;
  }
}

/** Wraps every page in the Layout; pages call `c.render(<Body/>, { title })`. */
export function pageRenderer(): MiddlewareHandler {
  return jsxRenderer(({ children, title }) => <Layout title={title}>{children}</Layout>, { docType: false });
}
