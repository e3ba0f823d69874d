import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate, inLang } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Select, Table, useT } from '../../../platform/views/components.tsx';
import { daysBetween } from '../../../domain/calendar/index.ts';
import { REGISTER_SOURCES, type AnswerTerm } from '../../../domain/oversight/index.ts';
import type { RegisterRow } from '../register.repository.ts';
import { OUTCOMES } from '../register.schema.ts';
import type { RegisterEntriesTable } from '../oversight.tables.ts';
import type { DigestLine } from '../register.digest.ts';

type Form = { errors?: FieldErrors; values?: Record<string, string> };
const COLOR: Record<string, string> = { open: '', overdue: 'red', answered: 'green', 'answered-late': 'grey', closed: 'grey' };

/** The state of an entry as a tag: days left, days overdue, answered (on time or late) or closed. */
export function StateTag({ r, today }: { r: Pick<RegisterRow, 'state' | 'answerDue' | 'answeredOn'>; today: string }) {
  const t = useT();
  const n = daysBetween(today, r.answerDue);
  const label = r.state === 'open' ? t('register.daysLeft', { days: n, date: formatDate(r.answerDue) }) : r.state === 'overdue' ? t('register.overdueBy', { days: -n }) : t(`register.state.${r.state}`);
  return <span class={`tag ${COLOR[r.state]}`} data-state={r.state}>{label}</span>;
}

export function Filters({ values, units }: { values: Record<string, string>; units: [string, string][] }) {
  const t = useT();
  return (
    <form method="get" action="/recommendations" class="filters">
      <Select name="source" label={t('register.source')} values={values} options={[['', t('register.all')], ...REGISTER_SOURCES.map((s): [string, string] => [s, t(`register.src.${s}`)])]} />
      <Select name="state" label={t('register.stateLabel')} values={values} options={[['', t('register.all')], ...['open', 'overdue', 'answered', 'closed'].map((s): [string, string] => [s, t(`register.state.${s}`)])]} />
      {units.length > 1 && <Select name="unitId" label={t('register.assignee')} values={values} options={[['', t('register.all')], ...units]} />}
      <Field name="from" label={t('register.receivedFrom')} hint={t('register.dateHint')} values={values} width="short" />
      <Field name="to" label={t('register.receivedTo')} hint={t('register.dateHint')} values={values} width="short" />
      <button type="submit" class="button secondary">{t('register.filter')}</button>
    </form>
  );
}

export function RegisterList({ rows, today }: { rows: RegisterRow[]; today: string }) {
  const t = useT();
  return <Table caption={t('register.list')} empty={t('register.none')} head={[t('register.subject'), t('register.source'), t('register.assignee'), t('register.receivedDue'), t('register.stateLabel')]}
    rows={rows.map((r) => [<><a href={r.href}>{r.subject}</a><br /><span class="caption">{r.issuer}{r.documentNumber ? ` · ${r.documentNumber}` : ''}</span>{r.origin === 'board' && <> <span class="tag grey">{t('register.fromBoards')}</span></>}</>,
      t(`register.src.${r.source}`), r.unitName, <>{formatDate(r.receivedOn)}<br />→ {formatDate(r.answerDue)}</>, <StateTag r={r} today={today} />])} />;
}

export function EntryForm({ errors, values, units, issuer }: Form & { units: [string, string][]; issuer: string | null }) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('register.new')}</h1>
      <form method="post" action="/recommendations/new" novalidate>
        <Csrf />
        <Select name="source" label={t('register.source')} errors={errors} values={values} options={REGISTER_SOURCES.map((s) => [s, t(`register.src.${s}`)])} />
        <Field name="issuerName" label={t('register.issuer')} hint={issuer ? t('register.issuerHintFront', { name: issuer }) : t('register.issuerHint')} errors={errors} values={values} />
        <Field name="documentNumber" label={t('register.documentNumber')} hint={t('register.documentNumberHint')} errors={errors} values={values} width="short" />
        <Field name="documentDate" label={t('register.documentDate')} hint={t('register.dateHint')} errors={errors} values={values} width="short" />
        <Field name="receivedOn" label={t('register.receivedOn')} hint={t('register.dateHint')} errors={errors} values={values} width="short" />
        <Field name="subject" label={t('register.subject')} errors={errors} values={values} />
        <div class={`field${errors?.content ? ' field-error' : ''}`}>
          <label for="f-content">{t('register.content')}</label>
          {errors?.content && <p class="error-message" id="e-content">{errors.content}</p>}
          <textarea id="f-content" name="content" aria-invalid={errors?.content ? 'true' : undefined}>{values?.content ?? ''}</textarea>
        </div>
        <Select name="assigneeUnitId" label={t('register.assignee')} errors={errors} values={values} options={[['', '—'], ...units]} />
        <p class="hint">{t('register.dueHint')}</p>
        <button type="submit">{t('register.file')}</button>
      </form>
    </>
  );
}

export function EntryPage(p: { e: RegisterEntriesTable; row: RegisterRow; unitName: string; today: string; canAnswer: boolean; canClose: boolean } & Form) {
  const t = useT();
  const e = p.e;
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <span class="caption">{t(`register.src.${e.source}`)}</span>
      <h1>{e.subject}</h1>
      <p><StateTag r={p.row} today={p.today} /></p>
      <dl class="summary">
        <dt>{t('register.issuer')}</dt><dd>{e.issuer_name}</dd>
        <dt>{t('register.documentNumber')}</dt><dd>{e.document_number}, {formatDate(e.document_date)}</dd>
        <dt>{t('register.receivedOn')}</dt><dd>{formatDate(e.received_on)}</dd>
        <dt>{t('register.assignee')}</dt><dd>{p.unitName}</dd>
        <dt>{t('register.answerDue')}</dt><dd>{formatDate(e.answer_due)} <span class="muted">({t('register.term', { days: e.term_days, unit: t(`register.unit.${e.term_unit}`) })}; {e.term_basis}{e.term_verified ? '' : ` — ${t('register.unverified')}`})</span></dd>
        {e.answered_on && <><dt>{t('register.answer')}</dt><dd>{t(`register.outcome.${e.outcome}`)} · {e.answer_document}, {formatDate(e.answered_on)}<br />{e.answer_text}</dd></>}
        {e.closed_on && <><dt>{t('register.closedOn')}</dt><dd>{formatDate(e.closed_on)}{e.close_note ? ` · ${e.close_note}` : ''}</dd></>}
      </dl>
      <h2>{t('register.content')}</h2>
      <p class="prewrap">{e.content}</p>
      {p.canAnswer && e.status === 'open' && (
        <form method="post" action={`/recommendations/${e.id}/answer`} novalidate>
          <Csrf />
          <h2>{t('register.recordAnswer')}</h2>
          <Field name="answeredOn" label={t('register.answeredOn')} hint={t('register.dateHint')} errors={p.errors} values={p.values ?? { answeredOn: formatDate(p.today) }} width="short" />
          <Select name="outcome" label={t('register.outcome')} errors={p.errors} values={p.values} options={OUTCOMES.map((o) => [o, t(`register.outcome.${o}`)])} />
          <Field name="answerDocument" label={t('register.answerDocument')} hint={t('register.documentNumberHint')} errors={p.errors} values={p.values} width="short" />
          <div class={`field${p.errors?.answerText ? ' field-error' : ''}`}>
            <label for="f-answerText">{t('register.answerText')}</label>
            <div class="hint">{t('register.answerTextHint')}</div>
            {p.errors?.answerText && <p class="error-message" id="e-answerText">{p.errors.answerText}</p>}
            <textarea id="f-answerText" name="answerText">{p.values?.answerText ?? ''}</textarea>
          </div>
          <button type="submit">{t('form.save')}</button>
        </form>
      )}
      {p.canClose && e.status === 'answered' && (
        <form method="post" action={`/recommendations/${e.id}/close`} novalidate>
          <Csrf />
          <h2>{t('register.close')}</h2>
          <Field name="closedOn" label={t('register.closedOn')} hint={t('register.dateHint')} errors={p.errors} values={p.values ?? { closedOn: formatDate(p.today) }} width="short" />
          <Field name="note" label={t('register.closeNote')} errors={p.errors} values={p.values} />
          <button type="submit">{t('register.close')}</button>
        </form>
      )}
    </>
  );
}

const COUNTS = ['received', 'answeredOnTime', 'answeredLate', 'overdue', 'open', 'accepted', 'partly', 'explained'] as const;

export function DigestPage(p: { year: number; half: 1 | 2; from: string; to: string; lines: DigestLine[]; total: DigestLine; rows: RegisterRow[]; today: string }) {
  const t = useT();
  const q = `year=${p.year}&half=${p.half}`;
  const other = p.half === 1 ? { year: p.year - 1, half: 2 } : { year: p.year, half: 1 };
  return (
    <>
      <h1>{t('register.digest.title', { half: p.half, year: p.year })}</h1>
      <p>{t('register.digest.intro', { from: formatDate(p.from), to: formatDate(p.to) })}</p>
      <p class="actions"><a class="button" href={`/recommendations/digest/docx?${q}`}>{t('register.digest.docx')}</a> <a class="button secondary" href={`/recommendations/digest/xlsx?${q}`}>{t('register.digest.xlsx')}</a> <a href={`/recommendations/digest?year=${other.year}&half=${other.half}`}>{t('register.digest.previous')}</a></p>
      <Table caption={t('register.digest.summary')} head={[t('register.source'), ...COUNTS.map((k) => t(`register.digest.${k}`))]}
        rows={[...p.lines.map((l) => [t(`register.src.${l.source}`), ...COUNTS.map((k) => String(l[k]))]), [<strong>{t('register.digest.total')}</strong>, ...COUNTS.map((k) => <strong>{p.total[k]}</strong>)]]} />
      <RegisterList rows={p.rows} today={p.today} />
    </>
  );
}

export function TermsPage({ terms, errors, values, canConfigure }: Form & { terms: (AnswerTerm & { own: boolean })[]; canConfigure: boolean }) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('register.terms.title')}</h1>
      <p>{t('register.terms.intro')}</p>
      <Table caption={t('register.terms.list')} head={[t('register.source'), t('register.terms.length'), t('register.termBasis'), t('register.terms.validity'), t('register.terms.status')]}
        rows={terms.map((x) => [t(`register.src.${x.source}`), t('register.term', { days: x.days, unit: t(`register.unit.${x.unit}`) }), <>{x.legalBasis}{x.note && <p class="muted">{inLang(t.lang, x.note, x.noteEn)}</p>}</>,
          `${formatDate(x.validFrom)}${x.validTo ? ` – ${formatDate(x.validTo)}` : ''}`, x.own ? <span class="tag">{t('register.terms.province')}</span> : <span class={`tag ${x.verified ? 'green' : 'red'}`}>{t(x.verified ? 'register.verified' : 'register.unverified')}</span>])} />
      {canConfigure && (
        <form method="post" action="/recommendations/terms" novalidate>
          <Csrf />
          <h2>{t('register.terms.add')}</h2>
          <Select name="source" label={t('register.source')} errors={errors} values={values} options={REGISTER_SOURCES.map((s) => [s, t(`register.src.${s}`)])} />
          <Field name="days" label={t('register.terms.days')} errors={errors} values={values} width="short" type="number" />
          <Select name="unit" label={t('register.terms.unit')} errors={errors} values={values} options={[['calendar-days', t('register.unit.calendar-days')], ['working-days', t('register.unit.working-days')]]} />
          <Field name="legalBasis" label={t('register.termBasis')} hint={t('register.terms.basisHint')} errors={errors} values={values} />
          <Field name="validFrom" label={t('register.terms.validFrom')} hint={t('register.dateHint')} errors={errors} values={values} width="short" />
          <Field name="validTo" label={t('register.terms.validTo')} hint={t('register.dateHint')} errors={errors} values={values} width="short" />
          <Field name="note" label={t('register.terms.note')} errors={errors} values={values} />
          <button type="submit">{t('form.save')}</button>
        </form>
      )}
    </>
  );
}

