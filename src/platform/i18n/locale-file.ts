import { z } from 'zod';
import { vietnameseOf, type Messages } from './index.ts';
import citizenKeyList from './citizen-keys.json' with { type: 'json' };

/** The keys the citizen pages use (home, petition form and receipt, tracking, board, consultation form, showcase). */
export const CITIZEN_KEYS: readonly string[] = citizenKeyList;

/** A language code as used in `?lang=`: BCP 47-like, lower case (e.g. `jra`, `bdq`, `qps-ploc`). */
export const LOCALE_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/;

/** The shape of a language file: its name in that language, a note on its source, and the messages. */
export const localeFileSchema = z.object({
  code: z.string().regex(LOCALE_CODE, 'languages.error.code'),
  name: z.string().trim().min(1).max(80),
  note: z.string().trim().max(500).optional(),
  test: z.boolean().optional(),
  messages: z.record(z.string(), z.string()),
}).strict();
export type LocaleFile = z.infer<typeof localeFileSchema>;

const params = (s: string) => [...s.matchAll(/\{([a-zA-Z0-9_]+)\}/g)].map((m) => m[1]).sort().join(',');

/** Keeps the usable strings of a file: known keys, not blank, with the same {placeholders} as Vietnamese. */
export function usableMessages(messages: Record<string, string>): { messages: Messages; unknown: string[]; broken: string[] } {
  const out: Messages = {};
  const unknown: string[] = [];
  const broken: string[] = [];
  for (const [k, v] of Object.entries(messages)) {
    const vi = vietnameseOf(k);
    if (vi === undefined) unknown.push(k);
    else if (!v.trim() || params(v) !== params(vi)) broken.push(k);
    else out[k] = v;
  }
  return { messages: out, unknown, broken };
}

/** Coverage of the citizen pages: how many of their keys a language translates, and which are missing. */
export function citizenCoverage(messages: Messages): { translated: number; total: number; missing: string[] } {
  const missing = CITIZEN_KEYS.filter((k) => !(k in messages));
  return { translated: CITIZEN_KEYS.length - missing.length, total: CITIZEN_KEYS.length, missing };
}
