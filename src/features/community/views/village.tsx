import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Pagination, Select, Table, useT } from '../../../platform/views/components.tsx';
import { FORMS, MATTERS, PROPOSERS } from '../../../domain/democracy/index.ts';
import type { HouseholdsTable } from '../community.tables.ts';

type Village = { id: string; name: string; communeName: string };
type DecisionRow = { id: string; matter: string; form: string; question: string; status: string; passed: number | null; vote_on: string | null; villageName?: string };

/** Status tag of a decision (open, passed, failed, ballot offered, recognised…). */
export function StatusTag({ d }: { d: { status: string; passed: number | null } }) {
  const t = useT();
  const key = d.status === 'closed' ? (Number(d.passed) ? 'passed' : 'failed') : d.status;
  const colour = key === 'passed' || key === 'recognized' ? 'green' : key === 'failed' || key === 'refused' || key === 'annulled' ? 'red' : key === 'open' ? '' : 'grey';
  return <span class={`tag ${colour}`}>{t(`community.status.${key}`)}</span>;
}

export function DecisionTable({ rows, showVillage }: { rows: DecisionRow[]; showVillage?: boolean }) {
  const t = useT();
  const head = [t('community.question'), ...(showVillage ? [t('community.village')] : []), t('community.matter'), t('community.form'), t('community.voteOn'), t('community.statusLabel')];
  return <Table caption={t('community.decisions')} head={head} empty={t('community.noDecisions')} rows={rows.map((d) => [
    <a href={`/community/decisions/${d.id}`}>{d.question}</a>, ...(showVillage ? [d.villageName ?? ''] : []), t(`community.matter.${d.matter}`), t(`community.form.${d.form}`), formatDate(d.vote_on), <StatusTag d={d} />,
  ])} />;
}

export function VillagePage(p: { village: Village; at: string; count: number; optedIn: number; households: HouseholdsTable[]; page: number; hasNext: boolean; decisions: DecisionRow[]; canManage: boolean; errors?: FieldErrors; values?: Record<string, string> }) {
  const t = useT();
  const v = p.village;
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <span class="caption">{v.communeName}</span>
      <h1>{v.name}</h1>
      <form method="get" action={`/community/villages/${v.id}`} class="filters">
        <Field name="at" label={t('community.countOn')} hint={t('community.dateHint')} values={{ at: formatDate(p.at) }} errors={p.errors} width="short" />
        <button type="submit" class="button secondary">{t('community.show')}</button>
      </form>
      <p class="lead"><strong data-testid="household-count">{t('community.householdCount', { count: p.count, date: formatDate(p.at) })}</strong> · {t('community.optedIn', { count: p.optedIn })}</p>
      {p.canManage && <p class="actions"><a class="button" href={`/community/villages/${v.id}/decisions/new`}>{t('community.newDecision')}</a></p>}
      <DecisionTable rows={p.decisions} />
      <h2>{t('community.households')}</h2>
      {p.canManage && <details open={!!p.errors && Object.keys(p.errors).length > 0}>
        <summary>{t('community.addOrImport')}</summary>
        <h2>{t('community.addHousehold')}</h2>
        <form method="post" action={`/community/villages/${v.id}/households`} novalidate>
          <Csrf />
          <Field name="representative" label={t('community.representative')} hint={t('community.representativeHint')} errors={p.errors} values={p.values} />
          <Field name="address" label={t('community.address')} errors={p.errors} values={p.values} />
          <Field name="addedOn" label={t('community.addedOn')} hint={t('community.dateHint')} errors={p.errors} values={p.values} width="short" />
          <button type="submit">{t('community.add')}</button>
        </form>
        <h2>{t('community.import')}</h2>
        <form method="post" action={`/community/villages/${v.id}/import`} novalidate>
          <Csrf />
          <div class={`field${p.errors?.csv ? ' field-error' : ''}`}>
            <label for="f-csv">{t('community.csv')}</label>
            <div class="hint">{t('community.csvHint')}</div>
            {p.errors?.csv && <p class="error-message">{p.errors.csv}</p>}
            <textarea id="f-csv" name="csv">{p.values?.csv ?? ''}</textarea>
          </div>
          <button type="submit">{t('community.importButton')}</button>
        </form>
      </details>}
      <Table head={[t('community.representative'), t('community.address'), t('community.addedOn'), t('community.online'), ...(p.canManage ? [''] : [])]} empty={t('community.noHouseholds')} rows={p.households.map((h) => [
        h.representative, h.address ?? '', formatDate(h.added_on), h.online_opt_in_on ? formatDate(h.online_opt_in_on) : '—',
        ...(p.canManage ? [<span class="actions">
          {!h.online_opt_in_on && <form method="post" action={`/community/households/${h.id}/opt-in`} class="inline"><Csrf /><button type="submit" class="button secondary">{t('community.optIn')}</button></form>}
          <form method="post" action={`/community/households/${h.id}/remove`} class="inline"><Csrf /><button type="submit" class="button secondary">{t('community.remove')}</button></form>
        </span>] : []),
      ])} />
      <Pagination page={p.page} hasNext={p.hasNext} baseQuery={{ at: formatDate(p.at) }} />
    </>
  );
}

export function DecisionForm({ village, errors, values }: { village: Village; errors?: FieldErrors; values: Record<string, string> }) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="caption">{village.name} · {village.communeName}</span>
      <h1>{t('community.newDecision')}</h1>
      <form method="post" action={`/community/villages/${village.id}/decisions/new`} novalidate>
        <Csrf />
        <input type="hidden" name="villageId" value={village.id} />
        <Field name="question" label={t('community.question')} errors={errors} values={values} />
        <Select name="matter" label={t('community.matter')} hint={t('community.matterHint')} errors={errors} values={values} options={MATTERS.map((m) => [m, t(`community.matter.${m}`)])} />
        <Select name="form" label={t('community.form')} hint={t('community.formHint')} errors={errors} values={values} options={FORMS.map((f) => [f, t(`community.form.${f}`)])} />
        <Select name="proposer" label={t('community.proposer')} errors={errors} values={values} options={PROPOSERS.map((f) => [f, t(`community.proposer.${f}`)])} />
        <Field name="initiativeSupporters" label={t('community.initiativeSupporters')} hint={t('community.initiativeHint')} errors={errors} values={values} width="short" />
        <Field name="initiativeAgreedOn" label={t('community.initiativeAgreedOn')} hint={t('community.dateHint')} errors={errors} values={values} width="short" />
        <Field name="noticeOn" label={t('community.noticeOn')} hint={t('community.dateHint')} errors={errors} values={values} width="short" />
        <Field name="voteOn" label={t('community.voteOn')} hint={t('community.dateHint')} errors={errors} values={values} width="short" />
        <button type="submit">{t('community.create')}</button>
      </form>
    </>
  );
}
