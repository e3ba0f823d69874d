import type { YearCalendar } from '../../../domain/calendar/index.ts';
import type { MovedDeadline } from '../calendar.recompute.ts';
import { weekday } from '../../../domain/calendar/index.ts';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate, inLang } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Table, useT } from '../../../platform/views/components.tsx';

/** Lines of the admin form for a year's entries: `dd/mm/yyyy; kind; name`. */
export const scheduleText = (cal: YearCalendar) => cal.entries.map((e) => `${formatDate(e.date)}; ${e.kind}; ${e.name}`).join('\n');

/** Per year: official schedule entered (or bundled), or the Labour Code defaults not yet confirmed. */
function YearsStatus(p: { years: { year: number; origin: YearCalendar['origin'] }[] }) {
  const t = useT();
  return (
    <section id="years-status">
      <Table
        caption={t('calendar.yearsStatus')}
        head={[t('calendar.col.year'), t('calendar.col.status')]}
        rows={p.years.map((y) => [<a href={`/calendar/${y.year}`}>{y.year}</a>, y.origin === 'default' ? <strong class="tag red">{t('calendar.status.default')}</strong> : <span class="tag green">{t('calendar.status.official')}</span>])}
      />
    </section>
  );
}

/** The deadlines moved by the schedule change just saved (issue 18 item 13). */
function MovedList(p: { moved: MovedDeadline[] }) {
  const t = useT();
  if (!p.moved.length) return <p id="moved-deadlines">{t('calendar.moved.none')}</p>;
  return (
    <section id="moved-deadlines">
      <Table
        caption={t('calendar.moved.title', { n: p.moved.length })}
        head={[t('calendar.moved.case'), t('calendar.moved.clock'), t('calendar.moved.before'), t('calendar.moved.after')]}
        rows={p.moved.map((m) => [<a href={m.href}>{m.label}</a>, m.clock, formatDate(m.before), formatDate(m.after)])}
      />
    </section>
  );
}

export function YearPage(p: { cal: YearCalendar; canManage: boolean; errors?: FieldErrors; values: Record<string, string>; saved?: boolean; moved?: MovedDeadline[] | null; years: { year: number; origin: YearCalendar['origin'] }[] }) {
  const t = useT();
  const { cal } = p;
  return (
    <>
      <ErrorSummary errors={p.errors} />
      {p.saved && <div class="notice" role="status">{t('calendar.saved')}</div>}
      {p.saved && p.moved && <MovedList moved={p.moved} />}
      <span class="caption">{t('calendar.caption')}</span>
      <h1>{t('calendar.yearTitle', { year: cal.year })}</h1>
      <nav class="actions" aria-label={t('calendar.years')}>
        <a href={`/calendar/${cal.year - 1}`}>← {cal.year - 1}</a>
        <a href={`/calendar/${cal.year + 1}`}>{cal.year + 1} →</a>
        <a href={`/api/v1/public/calendar/${cal.year}`}>JSON</a>
        {p.canManage && <a href="/deadlines/settings">{t('calendar.navSettings')}</a>}
      </nav>
      <p><strong>{t('calendar.origin')}:</strong> {t(`calendar.origin.${cal.origin}`)} — {inLang(t.lang, cal.source, cal.sourceEn)}</p>
      <YearsStatus years={p.years} />
      <Table
        caption={t('calendar.entries')}
        head={[t('calendar.col.date'), t('calendar.col.weekday'), t('calendar.col.kind'), t('calendar.col.name')]}
        empty="—"
        rows={cal.entries.map((e) => [formatDate(e.date), t(`calendar.weekday.${weekday(e.date)}`), t(`calendar.kind.${e.kind}`), <>{inLang(t.lang, e.name, e.nameEn)}{!e.verified && <span class="tag grey"> {t('calendar.unverified')}</span>}</>])}
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
              <textarea id="f-text" name="text" rows={14} lang="vi">{p.values.text ?? ''}</textarea>
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
