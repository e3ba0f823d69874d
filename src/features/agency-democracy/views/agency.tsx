import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Select, Table, useT } from '../../../platform/views/components.tsx';
import { conferenceDue, CONFERENCE, DIALOGUE, REGULATION_KINDS } from '../../../domain/democracy/index.ts';
import type { agencyRecords } from '../agency.repository.ts';

type Records = Awaited<ReturnType<typeof agencyRecords>>;
type Form = { errors?: FieldErrors; values?: Record<string, string>; form?: string };
const yes = (v: number, t: (k: string) => string) => <span class={`tag ${Number(v) ? 'green' : 'red'}`}>{t(Number(v) ? 'agency.yes' : 'agency.no')}</span>;

/**
 * What each unit on record still owes: the yearly conference on last year (due 31/03, Art. 50(1)) and
 * this year's periodic workplace dialogue (at least yearly, BLLĐ Art. 63(2)).
 */
function Gaps({ r, today }: { r: Records; today: string }) {
  const t = useT();
  const year = Number(today.slice(0, 4));
  const units = new Map<string, string>();
  for (const x of [...r.conferences, ...r.dialogues, ...r.regulations]) units.set(x.unit_id, x.unitName);
  const rows: [string, string][] = [];
  for (const [id, name] of units) {
    const due = conferenceDue(year - 1);
    if (today > due && !r.conferences.some((c) => c.unit_id === id && c.kind === 'annual' && Number(c.year) === year - 1)) rows.push([name, t('agency.gap.conference', { year: year - 1, date: formatDate(due), article: CONFERENCE.timing.article })]);
    if (!r.dialogues.some((d) => d.unit_id === id && Number(d.valid) && d.held_on.startsWith(String(year)))) rows.push([name, t('agency.gap.dialogue', { year, article: DIALOGUE.yearly.article })]);
  }
  if (!rows.length) return null;
  return <Table caption={t('agency.gaps')} head={[t('agency.unit'), t('agency.gapLabel')]} rows={rows.map(([n, g]) => [n, <span class="tag red">{g}</span>])} />;
}

/** Staff conferences, workplace dialogues and the regulation registry of the units in scope, with the forms to record them. */
export function AgencyPage({ r, units, today, canManage, errors, values, form }: { r: Records; units: [string, string][]; today: string; canManage: boolean } & Form) {
  const t = useT();
  const f = (name: string) => (form === name ? { errors, values } : { values: { unitId: values?.unitId ?? '' } });
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('agency.title')}</h1>
      <p>{t('agency.intro')}</p>
      <Gaps r={r} today={today} />
      <Table caption={t('agency.conferences')} empty={t('agency.none')} head={[t('agency.unit'), t('agency.year'), t('agency.heldOn'), t('agency.attendance'), t('agency.quorum'), t('agency.passed'), t('agency.followUpDue')]}
        rows={r.conferences.map((c) => [c.unitName, `${c.year}${c.kind === 'extraordinary' ? ` (${t('agency.extraordinary')})` : ''}`, <>{formatDate(c.held_on)}{c.kind === 'annual' && c.held_on > c.due_by && <span class="tag red">{t('agency.late')}</span>}</>, `${c.attendees}/${c.staff_total}`, yes(c.quorum, t), yes(c.passed, t), formatDate(c.follow_up_due)])} />
      <Table caption={t('agency.dialogues')} empty={t('agency.none')} head={[t('agency.unit'), t('agency.heldOn'), t('agency.reps'), t('agency.valid')]}
        rows={r.dialogues.map((d) => [d.unitName, formatDate(d.held_on), `${d.worker_reps_present}/${d.worker_reps}`, yes(d.valid, t)])} />
      <Table caption={t('agency.regulations')} empty={t('agency.none')} head={[t('agency.unit'), t('agency.regKind'), t('agency.regTitle'), t('agency.issuedOn'), t('agency.reviewDue')]}
        rows={r.regulations.map((g) => [g.unitName, t(`agency.reg.${g.kind}`), g.title, formatDate(g.issued_on), <span class={g.review_due < today ? 'tag red' : ''}>{formatDate(g.review_due)}</span>])} />
      {canManage && <>
        <form method="post" action="/agency-democracy/conferences" novalidate>
          <Csrf /><h2>{t('agency.newConference')}</h2>
          <Select name="unitId" label={t('agency.unit')} options={units} {...f('conferences')} />
          <Field name="year" label={t('agency.year')} hint={t('agency.yearHint')} width="short" {...f('conferences')} />
          <Select name="kind" label={t('agency.kind')} options={[['annual', t('agency.annual')], ['extraordinary', t('agency.extraordinary')]]} {...f('conferences')} />
          <Select name="requestedBy" label={t('agency.requestedBy')} hint={t('agency.requestedByHint')} options={[['', '—'], ['union', t('agency.requestedBy.union')], ['head', t('agency.requestedBy.head')], ['staff', t('agency.requestedBy.staff')]]} {...f('conferences')} />
          <Field name="requesting" label={t('agency.requesting')} width="short" {...f('conferences')} />
          <Field name="heldOn" label={t('agency.heldOn')} hint={t('agency.dateHint')} width="short" {...f('conferences')} />
          <Field name="staffTotal" label={t('agency.staffTotal')} width="short" {...f('conferences')} />
          <Field name="attendees" label={t('agency.attendees')} width="short" {...f('conferences')} />
          <Field name="resolutionYes" label={t('agency.resolutionYes')} width="short" {...f('conferences')} />
          <button type="submit">{t('form.save')}</button>
        </form>
        <form method="post" action="/agency-democracy/dialogues" novalidate>
          <Csrf /><h2>{t('agency.newDialogue')}</h2>
          <Select name="unitId" label={t('agency.unit')} options={units} {...f('dialogues')} />
          <Field name="heldOn" label={t('agency.heldOn')} hint={t('agency.dateHint')} width="short" {...f('dialogues')} />
          <Select name="legalRepPresent" label={t('agency.legalRep')} options={[['1', t('agency.yes')], ['', t('agency.no')]]} {...f('dialogues')} />
          <Field name="workerReps" label={t('agency.workerReps')} width="short" {...f('dialogues')} />
          <Field name="workerRepsPresent" label={t('agency.workerRepsPresent')} width="short" {...f('dialogues')} />
          <button type="submit">{t('form.save')}</button>
        </form>
        <form method="post" action="/agency-democracy/regulations" novalidate>
          <Csrf /><h2>{t('agency.newRegulation')}</h2>
          <Select name="unitId" label={t('agency.unit')} options={units} {...f('regulations')} />
          <Select name="kind" label={t('agency.regKind')} options={REGULATION_KINDS.map((k) => [k, t(`agency.reg.${k}`)])} {...f('regulations')} />
          <Field name="title" label={t('agency.regTitle')} {...f('regulations')} />
          <Field name="issuedOn" label={t('agency.issuedOn')} hint={t('agency.dateHint')} width="short" {...f('regulations')} />
          <button type="submit">{t('form.save')}</button>
        </form>
      </>}
    </>
  );
}
