import type { YearCalendar } from '../../../domain/calendar/index.ts';
import { weekdayNameVi } from '../../../domain/calendar/index.ts';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Table, useT } from '../../../platform/views/components.tsx';

/** Lines of the admin form for a year's entries: `dd/mm/yyyy; kind; name`. */
export const scheduleText = (cal: YearCalendar) => cal.entries.map((e) => `${formatDate(e.date)}; ${e.kind}; ${e.name}`).join('\n');

export function YearPage(p: { cal: YearCalendar; canManage: boolean; errors?: FieldErrors; values: Record<string, string>; saved?: boolean }) {
  const t = useT();
  const { cal } = p;
  return (
    <>
      <ErrorSummary errors={p.errors} />
      {p.saved && <div class="notice" role="status">{t('calendar.saved')}</div>}
      <span class="caption">{t('calendar.caption')}</span>
      <h1>{t('calendar.yearTitle', { year: cal.year })}</h1>
      <nav class="actions" aria-label={t('calendar.years')}>
        <a href={`/calendar/${cal.year - 1}`}>← {cal.year - 1}</a>
        <a href={`/calendar/${cal.year + 1}`}>{cal.year + 1} →</a>
        <a href={`/api/v1/public/calendar/${cal.year}`}>JSON</a>
        {p.canManage && <a href="/deadlines/settings">{t('calendar.navSettings')}</a>}
      </nav>
      <p><strong>{t('calendar.origin')}:</strong> {t(`calendar.origin.${cal.origin}`)} — {cal.source}</p>
      <Table
        caption={t('calendar.entries')}
        head={[t('calendar.col.date'), t('calendar.col.weekday'), t('calendar.col.kind'), t('calendar.col.name')]}
        empty="—"
        rows={cal.entries.map((e) => [formatDate(e.date), weekdayNameVi(e.date), t(`calendar.kind.${e.kind}`), <>{e.name}{!e.verified && <span class="tag grey"> {t('calendar.unverified')}</span>}</>])}
      />
      {p.canManage && (
        <>
          <h2>{t('calendar.edit')}</h2>
          <p class="hint">{t('calendar.editHint')}</p>
          <form method="post" action={`/calendar/${cal.year}`} novalidate>
            <Csrf />
            <Field name="source" label={t('calendar.source')} hint={t('calendar.sourceHint')} errors={p.errors} values={p.values} />
            <div class={`field${p.errors?.text ? ' field-error' : ''}`}>
              <label for="f-text">{t('calendar.text')}</label>
              <div class="hint">{t('calendar.textHint')}</div>
              {p.errors?.text && <p class="error-message" id="e-text">{p.errors.text}</p>}
              <textarea id="f-text" name="text" rows={14}>{p.values.text ?? ''}</textarea>
            </div>
            <button type="submit">{t('form.save')}</button>
          </form>
          {cal.origin === 'override' && (
            <form method="post" action={`/calendar/${cal.year}/reset`} class="actions">
              <Csrf />
              <button type="submit" class="secondary">{t('calendar.reset')}</button>
            </form>
          )}
        </>
      )}
    </>
  );
}
