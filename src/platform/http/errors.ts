/** An error that maps to an HTTP status and a translatable message; `fields` names the bad inputs. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500,
    readonly code: string,
    readonly messageKey: string,
    readonly fields?: Record<string, string>,
    readonly params?: Record<string, string | number>,
    /** Further members of the API error object (e.g. `current`, `currentVersion` of a 409 conflict). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(code);
  }
}

export const notFound = () => new HttpError(404, 'not_found', 'error.notFound');
export const forbidden = () => new HttpError(403, 'forbidden', 'error.forbidden');
/** 409: the change no longer applies to the record as it is now (e.g. closed meanwhile); `current` is that record. */
export const conflict = (code: string, messageKey: string, current: unknown) => new HttpError(409, code, messageKey, undefined, undefined, { current });
export const unauthorized = () => new HttpError(401, 'unauthorized', 'error.unauthorized');

/** Typed outcome of a service: expected failures are values, not exceptions. */
export type Result<T, E extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: E; fields?: Record<string, string> };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E extends string>(error: E, fields?: Record<string, string>): Result<never, E> => ({ ok: false, error, fields });
