import type { FieldErrors } from '../../../platform/http/validate.ts';
import { ErrorSummary, Pagination, Table, useT } from '../../../platform/views/components.tsx';
import { FIELDS } from '../../../domain/exemplars/forms.ts';
import { STATUSES } from '../../../domain/exemplars/workflow.ts';
import type { EntryView } from '../exemplars.repository.ts';
import { StatusTag } from './detail.tsx';

type Opt = [string, string];

/** A GET select keeping its value (filters). */
export function FilterSelect({ name, label, value, options }: { name: string; label: string; value?: string; options: Opt[] }) {
  return (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name}>{options.map(([v, l]) => <option value={v} selected={v === (value ?? '')}>{l}</option>)}</select>
    </div>
  );
}

/** Year options from the current year back five years. */
export const yearOptions = (current: number, all: string): Opt[] => [['', all], ...Array.from({ length: 6 }, (_, i): Opt => [String(current - i), String(current - i)])];

/** The officials' list: filters (GET, no JavaScript), results with status, pagination. */
export function EntryList({ entries, values, errors, communes, page, hasNext, canRegister, canConfigure, currentYear }: { entries: EntryView[]; values: Record<string, string>; errors?: FieldErrors; communes: Opt[]; page: number; hasNext: boolean; canRegister: boolean; canConfigure?: boolean; currentYear: number }) {
  const t = useT();
  return (
    <>
      <h1>{t('exemplars.title')}</h1>
      {canRegister && <form method="get" action="/exemplars/new"><button type="submit">{t('exemplars.new')}</button></form>}
      <p class="actions">
        <a href="/exemplars/reports">{t('exemplars.reports')}</a>
        <a href="/exemplars/campaigns">{t('exemplars.campaigns')}</a>
        <a href="/showcase/exemplars">{t('exemplars.showcase.nav')}</a>
        {canConfigure && <a href="/exemplars/settings">{t('exemplars.settings.nav')}</a>}
        {canConfigure && <a href="/exemplars/settings/forms">{t('exemplars.formsSettings.title')}</a>}
      </p>
      <form method="get" action="/exemplars" class="filters" role="search">
        <ErrorSummary errors={errors} />
        <div class="field"><label for="f-q">{t('exemplars.query')}</label><input id="f-q" name="q" type="search" value={values.q ?? ''} /></div>
        <FilterSelect name="year" label={t('exemplars.year')} value={values.year} options={yearOptions(currentYear, t('exemplars.allYears'))} />
        <FilterSelect name="status" label={t('exemplars.col.status')} value={values.status} options={[['', t('exemplars.allStatuses')], ...STATUSES.map((s): Opt => [s, t(`exemplars.status.${s}`)])]} />
        <FilterSelect name="field" label={t('exemplars.fieldLabel')} value={values.field} options={[['', t('exemplars.allFields')], ...FIELDS.map((f): Opt => [f, t(`exemplars.field.${f}`)])]} />
        <FilterSelect name="communeCode" label={t('exemplars.communeCode')} value={values.communeCode} options={[['', t('exemplars.allCommunes')], ...communes]} />
        <button type="submit">{t('form.search')}</button>
      </form>
      <Table
        caption={t('exemplars.list.results', { n: entries.length })}
        head={[t('exemplars.col.name'), t('exemplars.col.unit'), t('exemplars.col.field'), t('exemplars.col.year'), t('exemplars.col.status')]}
        empty={t('exemplars.list.empty')}
        rows={entries.map((e) => [<><a href={`/exemplars/${e.id}`}>{e.name}</a><br /><span class="muted">{e.code}</span></>, e.communeName && e.communeName !== e.unitName ? `${e.unitName} (${e.communeName})` : e.unitName, t(`exemplars.field.${e.field}`), String(e.year), <StatusTag status={e.status} />])}
      />
      <Pagination page={page} hasNext={hasNext} baseQuery={Object.fromEntries(Object.entries(values).filter(([k, v]) => k !== 'page' && v))} />
    </>
  );
}
