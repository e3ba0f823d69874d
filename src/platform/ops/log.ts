import { nowIso } from '../clock.ts';

/** How log lines are written: one JSON object per line (LOG_FORMAT=json) or readable text (default). */
export type LogFormat = 'json' | 'text';
type Fields = Record<string, string | number | boolean | null | undefined>;
type Sink = (line: string) => void;

let format: LogFormat = 'text';
let sink: Sink = (line) => process.stdout.write(line + '\n');

/** Sets the format (from config at start) and, for tests, where lines go. */
export function configureLog(opts: { format?: LogFormat; sink?: Sink }): void {
  if (opts.format) format = opts.format;
  if (opts.sink) sink = opts.sink;
}

/** A text value quoted when it holds spaces, so `key=value` pairs stay readable and parseable. */
const textValue = (v: string | number | boolean) => (typeof v === 'string' && /[\s"=]/.test(v) ? JSON.stringify(v) : String(v));

/** Writes one structured log line: `time`, `level` and `msg` first, then the fields (undefined left out). */
export function logLine(level: 'info' | 'warn' | 'error', msg: string, fields: Fields = {}): void {
  const kept = Object.entries(fields).filter(([, v]) => v !== undefined) as [string, string | number | boolean | null][];
  const time = nowIso();
  if (format === 'json') sink(JSON.stringify({ time, level, msg, ...Object.fromEntries(kept) }));
  else sink(`${time} ${level.toUpperCase().padEnd(5)} ${msg}${kept.map(([k, v]) => ` ${k}=${v === null ? '-' : textValue(v)}`).join('')}`);
}

const SECRET = /pass|token|secret|key|code|session|csrf|auth/i;

/** The path with the query kept but secret-looking values (token, password, key, code…) replaced by `***`. */
export function safePath(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const k of new Set(params.keys())) if (SECRET.test(k)) params.set(k, '***');
  const s = params.toString();
  return url.slice(0, q) + (s ? `?${s.replaceAll('%2A%2A%2A', '***')}` : '');
}
