import { record, inTransaction } from '../../platform/audit/index.ts';
import type { Actor } from '../../platform/audit/index.ts';
import { nowIso, type Db } from '../../platform/db/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { localeFileSchema } from '../../platform/i18n/locale-file.ts';
import { toLocale, type Locale } from '../../platform/i18n/locales.ts';

export type UploadError = 'empty' | 'json' | 'shape' | 'reserved';
const KEYS: Record<UploadError, string> = {
  empty: 'languages.error.empty', json: 'languages.error.json', shape: 'languages.error.shape', reserved: 'languages.error.reserved',
};

/** Checks an uploaded language file and stores it (replacing the same code), audited in the same transaction. */
export async function uploadLocale(db: Db, actor: Actor, text: string): Promise<Result<Locale, UploadError>> {
  const bad = (e: UploadError) => fail(e, { file: KEYS[e] });
  if (!text.trim()) return bad('empty');
  let json: unknown;
  try { json = JSON.parse(text); } catch { return bad('json'); }
  const r = localeFileSchema.safeParse(json);
  if (!r.success) return bad('shape');
  if (r.data.code === 'vi' || r.data.code === 'en') return bad('reserved');
  const at = nowIso();
  const locale = toLocale(r.data, 'upload', at);
  await inTransaction(db, async (trx) => {
    const row = { name: r.data.name, note: r.data.note ?? null, messages: JSON.stringify(r.data.messages), uploaded_by: actor.userId, updated_at: at };
    const exists = await trx.selectFrom('locales').select('code').where('code', '=', r.data.code).executeTakeFirst();
    if (exists) await trx.updateTable('locales').set(row).where('code', '=', r.data.code).execute();
    else await trx.insertInto('locales').values({ code: r.data.code, created_at: at, ...row }).execute();
    await record(trx, actor, {
      action: exists ? 'locale.replace' : 'locale.upload', subjectType: 'locale', subjectId: r.data.code,
      changes: { name: r.data.name, translated: locale.coverage.translated, total: locale.coverage.total, listed: locale.listed },
    });
  });
  return ok(locale);
}
