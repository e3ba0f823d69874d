import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { Csrf, ErrorSummary, Field, Select, Table, useT, TextArea } from '../../../platform/views/components.tsx';
import { COMMENDATION_FORMS, COMMENDATION_LEVELS, DEMOCRACY_VIOLATION_BASES, DISCIPLINE_MEASURES, PERSON_CATEGORIES, RECIPIENT_KINDS, RECORD_VOCABULARY_BASIS } from '../../../domain/oversight/index.ts';

export type RecordKind = 'commendations' | 'discipline' | 'training';
type Form = { errors?: FieldErrors; values?: Record<string, string> };
const opts = (t: (k: string) => string, prefix: string, xs: readonly string[], any = false): [string, string][] => [...(any ? [['', t('register.all')] as [string, string]] : []), ...xs.map((x): [string, string] => [x, t(`${prefix}.${x}`)])];

export function RecordTabs({ kind }: { kind: RecordKind }) {
  const t = useT();
  return <nav class="actions" aria-label={t('records.title')}>{(['commendations', 'discipline', 'training'] as const).map((k) => k === kind ? <strong>{t(`records.${k}`)}</strong> : <a href={`/records/${k}`}>{t(`records.${k}`)}</a>)}</nav>;
}

/** The filters of a list (GET; the same query drives the CSV and XLSX links). */
export function RecordFilters({ kind, values, units, query }: { kind: RecordKind; values: Record<string, string>; units: [string, string][]; query: string }) {
  const t = useT();
  return (
    <>
      <form method="get" action={`/records/${kind}`} class="filters">
        {units.length > 1 && <Select name="unitId" label={t('records.unit')} values={values} options={[['', t('register.all')], ...units]} />}
        <Field name="from" label={t('records.from')} hint={t('register.dateHint')} values={values} width="short" />
        <Field name="to" label={t('records.to')} hint={t('register.dateHint')} values={values} width="short" />
        {kind === 'commendations' && <><Select name="form" label={t('records.form')} values={values} options={opts(t, 'records.form', COMMENDATION_FORMS, true)} /><Select name="level" label={t('records.level')} values={values} options={opts(t, 'records.level', COMMENDATION_LEVELS, true)} /></>}
        {kind === 'discipline' && <Select name="measure" label={t('records.measure')} values={values} options={opts(t, 'records.measure', DISCIPLINE_MEASURES, true)} />}
        <button type="submit" class="button secondary">{t('register.filter')}</button>
      </form>
      <p class="actions"><a href={`/records/${kind}/export/csv${query ? `?${query}` : ''}`}>CSV</a> <a href={`/records/${kind}/export/xlsx${query ? `?${query}` : ''}`}>XLSX</a></p>
    </>
  );
}

export function RecordList({ caption, head, rows }: { caption: string; head: string[]; rows: Child[][] }) {
  const t = useT();
  return <Table caption={caption} empty={t('records.none')} head={head} rows={rows} />;
}

const Area = TextArea;

export function CommendationForm({ errors, values, units, exemplars }: Form & { units: [string, string][]; exemplars: [string, string][] }) {
  const t = useT();
  return (
    <form method="post" action="/records/commendations" novalidate>
      <Csrf />
      <h2>{t('records.newCommendation')}</h2>
      <p class="hint">{t('records.vocabularyBasis', { basis: RECORD_VOCABULARY_BASIS.commendation.basis })}</p>
      <Select name="form" label={t('records.form')} errors={errors} values={values} options={opts(t, 'records.form', COMMENDATION_FORMS)} />
      <Select name="level" label={t('records.level')} errors={errors} values={values} options={opts(t, 'records.level', COMMENDATION_LEVELS)} />
      <Field name="issuer" label={t('records.issuer')} hint={t('records.issuerHint')} errors={errors} values={values} />
      <Field name="decisionNumber" label={t('records.decisionNumber')} errors={errors} values={values} width="short" />
      <Field name="decisionOn" label={t('records.decisionOn')} hint={t('register.dateHint')} errors={errors} values={values} width="short" />
      <Select name="recipientKind" label={t('records.recipientKind')} errors={errors} values={values} options={opts(t, 'records.recipient', RECIPIENT_KINDS)} />
      <Select name="unitId" label={t('records.recipientUnit')} hint={t('records.recipientUnitHint')} errors={errors} values={values} options={[['', '—'], ...units]} />
      <Field name="personName" label={t('records.personName')} hint={t('records.personHint')} errors={errors} values={values} />
      <Select name="exemplarId" label={t('records.exemplar')} errors={errors} values={values} options={[['', '—'], ...exemplars]} />
      <Area name="reason" label={t('records.reason')} errors={errors} values={values} />
      <button type="submit">{t('form.save')}</button>
    </form>
  );
}

export function DisciplineForm({ errors, values, units }: Form & { units: [string, string][] }) {
  const t = useT();
  return (
    <form method="post" action="/records/discipline" novalidate>
      <Csrf />
      <h2>{t('records.newDiscipline')}</h2>
      <p class="hint">{t('records.privacy')}</p>
      <Select name="unitId" label={t('records.unit')} errors={errors} values={values} options={[['', '—'], ...units]} />
      <Field name="personName" label={t('records.personName')} errors={errors} values={values} />
      <Field name="personPosition" label={t('records.personPosition')} errors={errors} values={values} />
      <Select name="personCategory" label={t('records.personCategory')} errors={errors} values={values} options={opts(t, 'records.category', PERSON_CATEGORIES)} />
      <Area name="violation" label={t('records.violation')} errors={errors} values={values} />
      <Field name="legalBasis" label={t('records.legalBasis')} hint={t('records.legalBasisHint', { examples: DEMOCRACY_VIOLATION_BASES.slice(0, 2).join('; ') })} errors={errors} values={values} />
      <Select name="measure" label={t('records.measure')} hint={t('records.vocabularyBasis', { basis: RECORD_VOCABULARY_BASIS.discipline.basis })} errors={errors} values={values} options={opts(t, 'records.measure', DISCIPLINE_MEASURES)} />
      <Field name="decisionNumber" label={t('records.decisionNumber')} errors={errors} values={values} width="short" />
      <Field name="decisionOn" label={t('records.decisionOn')} hint={t('register.dateHint')} errors={errors} values={values} width="short" />
      <Field name="decidedBy" label={t('records.decidedBy')} errors={errors} values={values} />
      <button type="submit">{t('form.save')}</button>
    </form>
  );
}

export function TrainingForm({ errors, values, units }: Form & { units: [string, string][] }) {
  const t = useT();
  return (
    <form method="post" action="/records/training" novalidate>
      <Csrf />
      <h2>{t('records.newTraining')}</h2>
      <Select name="unitId" label={t('records.unit')} hint={t('records.trainingUnitHint')} errors={errors} values={values} options={[['', '—'], ...units]} />
      <Field name="organiser" label={t('records.organiser')} errors={errors} values={values} />
      <Field name="topic" label={t('records.topic')} errors={errors} values={values} />
      <Field name="startsOn" label={t('records.startsOn')} hint={t('register.dateHint')} errors={errors} values={values} width="short" />
      <Field name="endsOn" label={t('records.endsOn')} hint={t('register.dateHint')} errors={errors} values={values} width="short" />
      <Field name="hours" label={t('records.hours')} errors={errors} values={values} width="short" type="number" />
      <Area name="participants" label={t('records.participants')} hint={t('records.participantsHint')} errors={errors} values={values} />
      <button type="submit">{t('form.save')}</button>
    </form>
  );
}

export function RecordPage({ kind, intro, children, errors }: { kind: RecordKind; intro: string; children: Child; errors?: FieldErrors }) {
  const t = useT();
  return <><ErrorSummary errors={errors} /><h1>{t(`records.${kind}`)}</h1><RecordTabs kind={kind} /><p>{intro}</p>{children}</>;
}

