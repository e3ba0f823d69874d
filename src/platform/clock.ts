/**
 * The product's one clock. Every "now" and "today" in Coso (pages, services, jobs, deadline clocks,
 * reminders, seeds, exports) comes from here, so that a demo, a test run or a user's bug report can
 * be replayed on any date:
 *
 *   COSO_NOW=2027-10-15T08:00:00+07:00 npm start
 *
 * starts the clock at that instant (an ISO timestamp; without an offset it is read as Vietnam time,
 * a bare date as 08:00 Vietnam time) and lets it run on from there, so that session timeouts, job
 * leases and rate-limit windows still work. COSO_CLOCK=frozen stops it at that instant instead.
 * Without COSO_NOW it is the system clock. This is the only module that reads the system clock
 * (test/platform/clock.test.ts enforces it).
 */

const TZ = 'Asia/Ho_Chi_Minh';

interface State { offsetMs: number; frozenAt: number | null }
let state: State | undefined;

/** Reads an instant: ISO with offset, ISO without offset (Vietnam time), or a bare date (08:00 Vietnam time). */
export function parseInstant(input: string): number | null {
  const s = input.trim();
  let iso = s;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) iso = `${s}T08:00:00+07:00`;
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) iso = `${s}+07:00`;
  else if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

function load(): State {
  if (state) return state;
  const raw = process.env.COSO_NOW?.trim();
  if (!raw) return (state = { offsetMs: 0, frozenAt: null });
  const at = parseInstant(raw);
  if (at === null) throw new Error(`COSO_NOW="${raw}" is not an ISO timestamp (e.g. 2027-10-15T08:00:00+07:00)`);
  const frozen = process.env.COSO_CLOCK === 'frozen';
  return (state = { offsetMs: at - Date.now(), frozenAt: frozen ? at : null });
}

/** The current instant in milliseconds since the epoch, from the product's clock. */
export function nowMs(): number {
  const s = load();
  return s.frozenAt ?? Date.now() + s.offsetMs;
}

/** The current instant as a Date (a fresh object each call). */
export function nowDate(): Date {
  return new Date(nowMs());
}

/** The current instant as an ISO-8601 UTC string (instants are made in the app, never by the database). */
export function nowIso(): string {
  return nowDate().toISOString();
}

let dayFormat: Intl.DateTimeFormat | undefined;
/** The calendar date in Vietnam of an instant, as 'YYYY-MM-DD'. */
export function localDateOf(instant: Date | number): string {
  dayFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
  return dayFormat.format(instant);
}

/** Today's calendar date in Vietnam as 'YYYY-MM-DD' (legal dates are local dates). */
export function localToday(): string {
  return localDateOf(nowMs());
}

/** True when COSO_NOW (or a test) has moved the clock away from the system clock. */
export function clockIsShifted(): boolean {
  const s = load();
  return s.frozenAt !== null || s.offsetMs !== 0;
}

/**
 * Moves this process's clock (tests and the CLI only): to `at` and running on from there, or
 * frozen at `at`; `null` goes back to COSO_NOW / the system clock.
 */
export function setClock(at: string | Date | number | null, opts: { frozen?: boolean } = {}): void {
  if (at === null) {
    state = undefined;
    return;
  }
  const ms = typeof at === 'string' ? parseInstant(at) : typeof at === 'number' ? at : at.getTime();
  if (ms === null || Number.isNaN(ms)) throw new Error(`setClock: not an instant: ${String(at)}`);
  state = { offsetMs: ms - Date.now(), frozenAt: opts.frozen ? ms : null };
}

/**
 * Runs `fn` with this process's clock frozen at `at`, then puts the clock back. The demo seed uses
 * it to replay a province's recent history (a petition received 60 days ago, accepted 58 days ago)
 * so that every date, clock and audit entry is consistent; never used while serving requests.
 */
export async function atInstant<T>(at: string | number, fn: () => Promise<T>): Promise<T> {
  const saved = load();
  setClock(at, { frozen: true });
  try {
    return await fn();
  } finally {
    state = saved;
  }
}
