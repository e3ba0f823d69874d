/**
 * A small API client typed only by the types openapi-typescript generates from /api/v1/openapi.json
 * (`./api.d.ts`, written by test/platform/openapi.heavy.test.ts): if the document lies about a path, a
 * field or an enum, this file stops type-checking.
 */
import type { paths } from './api.d.ts';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;
type JsonBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Ok<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends { responses: { [K in S]: { content: { 'application/json': infer R } } } } ? R : never;
type Query<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? Q : never;

/** The three calls: a token, the signed-in user, one page of units (the servers entry gives the base). */
export function cosoClient(fetchFn: Fetch, base: string) {
  const call = async <T>(path: string, init: RequestInit, expect: number): Promise<T> => {
    const res = await fetchFn(base + path, init);
    if (res.status !== expect) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  return {
    token: (body: JsonBody<'/auth/token', 'post'>) =>
      call<Ok<'/auth/token', 'post', 200>>('/auth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, 200),
    me: (token: string) => call<Ok<'/me', 'get', 200>>('/me', { headers: auth(token) }, 200),
    units: (token: string, query: NonNullable<Query<'/units'>>) =>
      call<Ok<'/units', 'get', 200>>(`/units?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, { headers: auth(token) }, 200),
  };
}

/** What the generated types must refuse (checked by tsc, never run). */
export function mustNotTypeCheck(c: ReturnType<typeof cosoClient>, consultation: JsonBody<'/consultations', 'post'>) {
  // @ts-expect-error a consultation's matter is one of the Art. 25/53 codes, not any string
  const wrong: JsonBody<'/consultations', 'post'>['matter'] = 'ldc99.1';
  // @ts-expect-error the token request needs a password
  void c.token({ username: 'x' });
  return [wrong, consultation.matter satisfies `ldc${string}`];
}
