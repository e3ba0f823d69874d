import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Select, Table, useT, TextArea } from '../../../platform/views/components.tsx';
import { CONFERENCE_RULES, agendaOf, attendanceShare, atYearEnd, noticeBy, noticeOnTime } from '../../../domain/democracy/index.ts';
import type { ConferencesTable } from '../conferences.tables.ts';
import type { CommuneCompliance, EventCheck } from '../conferences.compliance.ts';
import { QA_ROWS } from '../conferences.schema.ts';

type Form = { errors?: FieldErrors; values?: Record<string, string> };
type Row = ConferencesTable & { unitName: string };

const Area = TextArea;

export function ListPage({ year, rows, canManage }: { year: number; rows: Row[]; canManage: boolean }) {
  const t = useT();
  return (
    <>
      <h1>{t('conferences.title')} <span class="muted">· {year}</span></h1>
      <p class="lead">{t('conferences.intro')}</p>
      <form method="get" action="/conferences" class="filters">
        <Field name="year" label={t('conferences.year')} values={{ year: String(year) }} width="short" />
        <button type="submit" class="button secondary">{t('conferences.show')}</button>
      </form>
      <p class="actions">
        {canManage && <a class="button" href="/conferences/new">{t('conferences.new')}</a>} <a href={`/conferences/compliance?year=${year}`}>{t('conferences.compliance')}</a>
      </p>
      <Table caption={t('conferences.list')} empty={t('conferences.none')} head={[t('conferences.heldOn'), t('conferences.unit'), t('conferences.kindLabel'), t('conferences.status')]}
        rows={rows.map((r) => [<a href={`/conferences/${r.id}`}>{formatDate(r.held_on)}</a>, r.unitName, t(`conferences.kind.${r.kind}`), t(`conferences.status.${r.status}`)])} />
    </>
  );
}

export function NewPage({ units, errors, values }: Form & { units: [string, string][] }) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('conferences.new')}</h1>
      <p class="hint">{t('conferences.noticeRule', { days: CONFERENCE_RULES.notice.days })}</p>
      <form method="post" action="/conferences" novalidate>
        <Csrf />
        <Select name="unitId" label={t('conferences.unit')} hint={t('conferences.unitHint')} errors={errors} values={values} options={units} />
        <Field name="heldOn" label={t('conferences.heldOn')} hint={t('conferences.dateHint')} errors={errors} values={values} width="short" />
        <Field name="place" label={t('conferences.place')} errors={errors} values={values} />
        <Field name="convener" label={t('conferences.convener')} hint={t('conferences.convenerHint')} errors={errors} values={values} />
        <Field name="planSentOn" label={t('conferences.planSentOn')} hint={t('conferences.planHint')} errors={errors} values={values} width="short" />
        <Field name="noticeSentOn" label={t('conferences.noticeSentOn')} hint={t('conferences.dateHint')} errors={errors} values={values} width="short" />
        <button type="submit">{t('conferences.schedule')}</button>
      </form>
    </>
  );
}

/** The report to the commune committees: sent on time or late (with its date), or not sent yet (with its due day). */
const reportCell = (t: (k: string, p?: Record<string, string | number>) => string, e: EventCheck) =>
  e.reportSentOn ? `${yesNo(t, e.reportOnTime)} (${formatDate(e.reportSentOn)})` : t(e.reportOnTime === false ? 'conferences.reportOverdue' : 'conferences.reportPending', { due: formatDate(e.reportDue) });

const yesNo = (t: (k: string) => string, v: boolean | null) => (v === null ? t('conferences.notRecorded') : v ? t('conferences.onTime') : t('conferences.late'));

export function DetailPage({ c, unitName, communeName, canManage, errors, values, which }: Form & { c: ConferencesTable; unitName: string; communeName: string; canManage: boolean; which?: 'notice' | 'minutes' }) {
  const t = useT();
  const agenda = JSON.parse(c.agenda ?? '[]') as string[];
  const qa = JSON.parse(c.questions ?? '[]') as { question: string; answer: string }[];
  const by = noticeBy(c.held_on);
  // The form that was sent keeps its values and errors; the other shows what is stored.
  const n: Form = which === 'notice' ? { errors, values } : {};
  const m: Form = which === 'minutes' ? { errors, values } : {};
  const chosen = m.values ? (m.values.agenda ?? '').split(',') : agenda;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="caption">{communeName}</span>
      <h1>{t(`conferences.kind.${c.kind}`)} · {unitName}</h1>
      <p class="hint">{t(`conferences.basis.${c.kind}`)}</p>
      <dl class="summary">
        <dt>{t('conferences.heldOn')}</dt><dd>{formatDate(c.held_on)}</dd>
        <dt>{t('conferences.place')}</dt><dd>{c.place}</dd>
        <dt>{t('conferences.convener')}</dt><dd>{c.convener}</dd>
        {c.kind === 'village-periodic' && <><dt>{t('conferences.planSentOn')}</dt><dd>{formatDate(c.plan_sent_on) || t('conferences.notRecorded')}</dd></>}
        <dt>{t('conferences.noticeSentOn')}</dt><dd id="notice">{formatDate(c.notice_sent_on) || t('conferences.notRecorded')}{by && ` · ${t('conferences.noticeBy', { date: formatDate(by) })}`}{c.notice_sent_on && ` · ${yesNo(t, noticeOnTime(c.notice_sent_on, c.held_on))}`}</dd>
        {c.kind === 'village-periodic' && !atYearEnd(c.held_on) && <><dt>{t('conferences.yearEnd')}</dt><dd><span class="tag red">{t('conferences.notYearEnd')}</span></dd></>}
        <dt>{t('conferences.status')}</dt><dd>{t(`conferences.status.${c.status}`)}</dd>
      </dl>
      {c.status === 'held' && <>
        <h2>{t('conferences.minutes')}</h2>
        <p id="attendance">{t('conferences.attendanceLine', { present: c.households_present ?? 0, total: c.households_total ?? 0, share: attendanceShare(c.households_present ?? 0, c.households_total ?? 0) })}</p>
        <ul>{agendaOf(c.kind as never).map((a) => <li>{agenda.includes(a) ? '✓' : '✗'} {t(`conferences.agenda.${a}`)}</li>)}</ul>
        <Table caption={t('conferences.questions')} empty={t('conferences.noQuestions')} head={[t('conferences.question'), t('conferences.answer')]} rows={qa.map((x) => [x.question, x.answer])} />
        <h3>{t('conferences.conclusions')}</h3><p>{c.conclusions}</p>
        {c.commendations && <><h3>{t('conferences.commendations')}</h3><p>{c.commendations}</p></>}
        {c.kind === 'village-periodic' && <p id="report">{c.report_sent_on ? t('conferences.reportSent', { date: formatDate(c.report_sent_on) }) : t('conferences.reportMissing')}</p>}
        <p><a href={`/conferences/${c.id}/minutes.docx`}>{t('conferences.docx')}</a></p>
      </>}
      {canManage && c.status === 'scheduled' && <form method="post" action={`/conferences/${c.id}/notice`} novalidate>
        <Csrf />
        <h2>{t('conferences.recordNotice')}</h2>
        <Field name="noticeSentOn" label={t('conferences.noticeSentOn')} hint={t('conferences.dateHint')} errors={n.errors} values={n.values ?? { noticeSentOn: formatDate(c.notice_sent_on) }} width="short" />
        {c.kind === 'village-periodic' && <Field name="planSentOn" label={t('conferences.planSentOn')} hint={t('conferences.planHint')} errors={n.errors} values={n.values ?? { planSentOn: formatDate(c.plan_sent_on) }} width="short" />}
        <button type="submit" class="button secondary">{t('conferences.saveNotice')}</button>
      </form>}
      {canManage && <form method="post" action={`/conferences/${c.id}/minutes`} novalidate>
        <Csrf />
        <h2>{t(c.status === 'held' ? 'conferences.editMinutes' : 'conferences.recordMinutes')}</h2>
        <Field name="heldOn" label={t('conferences.heldOn')} hint={t('conferences.dateHint')} errors={m.errors} values={m.values ?? { heldOn: formatDate(c.held_on) }} width="short" />
        <Field name="householdsPresent" label={t('conferences.householdsPresent')} errors={m.errors} values={m.values ?? { householdsPresent: String(c.households_present ?? '') }} width="short" />
        <Field name="householdsTotal" label={t('conferences.householdsTotal')} hint={t('conferences.totalHint')} errors={m.errors} values={m.values ?? { householdsTotal: String(c.households_total ?? '') }} width="short" />
        <fieldset class={`field${m.errors?.agenda ? ' field-error' : ''}`} id="f-agenda"><legend>{t('conferences.agendaCovered')}</legend>
          {m.errors?.agenda && <p class="error-message">{m.errors.agenda}</p>}
          {agendaOf(c.kind as never).map((a) => <div><label><input type="checkbox" name="agenda" value={a} checked={chosen.includes(a)} /> {t(`conferences.agenda.${a}`)}</label></div>)}
        </fieldset>
        {Array.from({ length: QA_ROWS }, (_, i) => <div class="qa">
          <Field name={`q${i + 1}`} label={t('conferences.questionN', { n: i + 1 })} errors={m.errors} values={m.values ?? { [`q${i + 1}`]: qa[i]?.question ?? '' }} />
          <Field name={`a${i + 1}`} label={t('conferences.answerN', { n: i + 1 })} errors={m.errors} values={m.values ?? { [`a${i + 1}`]: qa[i]?.answer ?? '' }} />
        </div>)}
        <Area name="conclusions" label={t('conferences.conclusions')} errors={m.errors} values={m.values ?? { conclusions: c.conclusions ?? '' }} />
        <Area name="commendations" label={t('conferences.commendations')} errors={m.errors} values={m.values ?? { commendations: c.commendations ?? '' }} />
        <Field name="reportSentOn" label={t('conferences.reportSentOn')} hint={t('conferences.reportHint')} errors={m.errors} values={m.values ?? { reportSentOn: formatDate(c.report_sent_on) }} width="short" />
        <button type="submit">{t('conferences.saveMinutes')}</button>
      </form>}
    </>
  );
}

const cell = (t: (k: string, p?: Record<string, string | number>) => string, e: EventCheck | null, periodic: boolean) => e
  ? <a href={`/conferences/${e.id}`}>{formatDate(e.heldOn)}{periodic && !e.atYearEnd ? ` (${t('conferences.notYearEnd')})` : ''}</a>
  : <span class="tag red">{t('conferences.notHeld')}</span>;

export function CompliancePage({ year, rows, counts }: { year: number; rows: CommuneCompliance[]; counts: { communes: number; dialogues: number; villages: number; periodic: number } }) {
  const t = useT();
  return (
    <>
      <h1>{t('conferences.compliance')} · {year}</h1>
      <p class="hint">{t('conferences.complianceHint')}</p>
      <form method="get" action="/conferences/compliance" class="filters">
        <Field name="year" label={t('conferences.year')} values={{ year: String(year) }} width="short" />
        <button type="submit" class="button secondary">{t('conferences.show')}</button>
      </form>
      <p id="summary">{t('conferences.summary', counts)}</p>
      <Table caption={t('conferences.byCommune')} empty={t('conferences.none')} head={[t('conferences.unit'), t('conferences.kind.commune-dialogue'), t('conferences.notice'), t('conferences.villagesHeld')]}
        rows={rows.map((r) => [r.name, cell(t, r.dialogue, false), r.dialogue ? yesNo(t, r.dialogue.noticeOnTime) : '', `${r.villages.filter((v) => v.periodic).length}/${r.villages.length}`])} />
      <Table caption={t('conferences.byVillage')} empty={t('conferences.none')} head={[t('conferences.unit'), t('conferences.kind.village-periodic'), t('conferences.notice'), t('conferences.report')]}
        rows={rows.flatMap((r) => r.villages.map((v) => [`${v.name} · ${r.name}`, cell(t, v.periodic, true), v.periodic ? yesNo(t, v.periodic.noticeOnTime) : '', v.periodic ? reportCell(t, v.periodic) : '']))} />
    </>
  );
}
