import type { Locale } from '../../../platform/i18n/locales.ts';
import { vietnameseOf } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { Csrf, ErrorSummary, Notice, Table, useT } from '../../../platform/views/components.tsx';

const pct = (l: Locale) => (l.coverage.total ? Math.floor((100 * l.coverage.translated) / l.coverage.total) : 100);

/** The languages with their citizen-page coverage, and the upload form. */
export function LanguagesPage({ locales, problems, errors }: { locales: Locale[]; problems: string[]; errors?: FieldErrors }) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('languages.title')}</h1>
      <p>{t('languages.intro')}</p>
      {problems.length > 0 && <p class="notice" role="alert">{t('languages.badFiles', { files: problems.join(', ') })}</p>}
      <Table caption={t('languages.caption')} empty={t('languages.none')}
        head={[t('languages.col.code'), t('languages.col.name'), t('languages.col.source'), t('languages.col.coverage'), t('languages.col.listed')]}
        rows={locales.map((l) => [
          <a href={`/admin/languages/${l.code}`}>{l.code}</a>,
          <span lang={l.code}>{l.name}</span>,
          <>{t(`languages.source.${l.source}`)}{l.test && <strong class="tag"> {t('languages.testLanguage')}</strong>}</>,
          t('languages.coverageOf', { translated: l.coverage.translated, total: l.coverage.total, pct: pct(l) }),
          t(l.listed ? 'languages.listed' : 'languages.notListed'),
        ])} />
      <p><a href="/admin/languages.csv">{t('languages.csv')}</a> · <a href="/admin/languages/keys.json">{t('languages.keys')}</a></p>
      <h2>{t('languages.upload')}</h2>
      <p class="hint">{t('languages.uploadHint')}</p>
      <form method="post" action="/admin/languages" enctype="multipart/form-data" novalidate>
        <Csrf />
        <div class={`field${errors?.file ? ' field-error' : ''}`}>
          <label for="f-file">{t('languages.file')}</label>
          {errors?.file && <p class="error-message" id="e-file">{errors.file}</p>}
          <input id="f-file" name="file" type="file" accept="application/json,.json" aria-invalid={errors?.file ? 'true' : undefined} />
        </div>
        <button type="submit">{t('languages.send')}</button>
      </form>
    </>
  );
}

/** One language: coverage, the citizen-page strings still in Vietnamese, and strings left out. */
export function LanguageDetail({ locale, done }: { locale: Locale; done: boolean }) {
  const t = useT();
  return (
    <>
      <p><a href="/admin/languages">← {t('languages.back')}</a></p>
      {done && <Notice>{t('languages.uploaded')}</Notice>}
      <h1><span lang={locale.code}>{locale.name}</span> ({locale.code})</h1>
      {locale.test && <p class="notice">{t('languages.testNote')}</p>}
      {locale.note && <p>{t('languages.note')}: {locale.note}</p>}
      <p>{t('languages.coverageOf', { translated: locale.coverage.translated, total: locale.coverage.total, pct: pct(locale) })} · {t(locale.listed ? 'languages.listed' : 'languages.notListed')}</p>
      <p><a href={`/?lang=${locale.code}`}>{t('languages.preview')}</a></p>
      <Table caption={t('languages.missing')} empty={t('languages.noneMissing')} head={[t('languages.col.key'), t('languages.col.vi')]}
        rows={locale.coverage.missing.map((k) => [<code>{k}</code>, vietnameseOf(k) ?? ''])} />
      {(locale.broken.length > 0 || locale.unknown.length > 0) && (
        <Table caption={t('languages.rejected')} head={[t('languages.col.key'), t('languages.col.reason')]}
          rows={[...locale.broken.map((k) => [<code>{k}</code>, t('languages.reason.broken')]), ...locale.unknown.map((k) => [<code>{k}</code>, t('languages.reason.unknown')])]} />
      )}
    </>
  );
}
