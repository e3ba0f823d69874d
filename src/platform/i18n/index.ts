import viPlatform from './messages/vi.json' with { type: 'json' };
import enPlatform from './messages/en.json' with { type: 'json' };

export type Lang = 'vi' | 'en';
export const LANGS: Lang[] = ['vi', 'en'];
export type Messages = Record<string, string>;
/** A translator; `lang` says which bundle it reads ('vi' or 'en'; absent for an additional language, which falls back to Vietnamese). */
export type T = ((key: string, params?: Record<string, string | number>) => string) & { lang?: Lang };

const bundles: { name: string; vi: Messages; en: Messages }[] = [];
const merged: Record<Lang, Messages> = { vi: {}, en: {} };

/** Adds a feature's message bundle (both languages must have the same keys; a test checks it). */
export function registerMessages(name: string, vi: Messages, en: Messages): void {
  if (bundles.some((b) => b.name === name)) return;
  bundles.push({ name, vi, en });
  Object.assign(merged.vi, vi);
  Object.assign(merged.en, en);
}
registerMessages('platform', viPlatform, enPlatform);

/** Every registered bundle, for the test that keeps vi and en key sets identical. */
export function messageBundles() {
  return bundles;
}

let keyObserver: ((key: string) => void) | null = null;

/** Lets a test see every key a page asks for (to keep the list of citizen-page keys true); null stops it. */
export function observeKeys(fn: ((key: string) => void) | null): void {
  keyObserver = fn;
}

/** Returns a translator for one language; unknown keys fall back to Vietnamese, then the key itself. */
export function translator(lang: Lang): T {
  return Object.assign(translatorOver(merged[lang]), { lang });
}

/**
 * A text kept in two languages beside each other (domain data: `name`/`nameEn`, `note`/`noteEn`, …):
 * the English one when English is chosen and it exists, else the Vietnamese one.
 */
export function inLang(lang: string | undefined, vi: string, en: string | undefined): string {
  return (lang === 'en' && en) || vi;
}

/** A translator over an additional language's messages, falling back to Vietnamese per string. */
export function translatorOver(messages: Messages): T {
  return (key, params) => {
    keyObserver?.(key);
    let s = messages[key] ?? merged.vi[key] ?? key;
    if (params) for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
}

/** Every registered message of one language (for tools that derive a language file from it). */
export function messagesOf(lang: Lang): Messages {
  return merged[lang];
}

/** The Vietnamese text of a key (undefined when no bundle has it). */
export function vietnameseOf(key: string): string | undefined {
  return merged.vi[key];
}

const TZ = 'Asia/Ho_Chi_Minh';

/** Formats a calendar date 'YYYY-MM-DD' as dd/mm/yyyy (no time-zone shift: it is already local). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** Formats an instant (ISO UTC) as dd/mm/yyyy HH:mm in Vietnam time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(d);
  const g = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${g('day')}/${g('month')}/${g('year')} ${g('hour')}:${g('minute')}`;
}

/** Today's date and the date of an instant in Vietnam come from the product's one clock. */
export { localDateOf, localToday } from '../clock.ts';

/** Parses dd/mm/yyyy or yyyy-mm-dd into 'YYYY-MM-DD', or null when it is not a real date. */
export function parseDateInput(input: string): string | null {
  const s = input.trim();
  let y: number, m: number, d: number;
  let mt = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (mt) { d = +mt[1]; m = +mt[2]; y = +mt[3]; }
  else if ((mt = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) { y = +mt[1]; m = +mt[2]; d = +mt[3]; }
  else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Formats a number the vi-VN way (1.234,5). */
export function formatNumber(n: number, lang: Lang = 'vi'): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n);
}
