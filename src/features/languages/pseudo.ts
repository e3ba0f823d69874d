import type { Messages } from '../../platform/i18n/index.ts';

const MAP: Record<string, string> = { a: 'ä', e: 'é', i: 'î', o: 'ö', u: 'ü', y: 'ý', n: 'ñ', c: 'ç', A: 'Å', E: 'É', I: 'Î', O: 'Ö', U: 'Ü', N: 'Ñ', C: 'Ç' };

/** Pseudo-localises one English string: accented look-alikes in ⟦…⟧, {placeholders} kept as they are. */
export function pseudo(s: string): string {
  return `⟦${s.split(/(\{[a-zA-Z0-9_]+\})/).map((part, i) => (i % 2 ? part : [...part].map((ch) => MAP[ch] ?? ch).join(''))).join('')}⟧`;
}

/**
 * The shipped test language `qps-ploc` (a machine transform of the English strings, never a
 * translation): shows, in tests and demos, which strings a page takes from a language file.
 */
export function pseudoLocale(keys: readonly string[], english: Messages) {
  return {
    code: 'qps-ploc',
    // the pages say in each UI language that this is a machine-made test language (`test: true`); the file names its maker
    name: '⟦Pseudo⟧',
    note: 'node --import tsx locales/make-pseudo.ts',
    test: true,
    messages: Object.fromEntries(keys.filter((k) => english[k] !== undefined).map((k) => [k, pseudo(english[k])])),
  };
}
