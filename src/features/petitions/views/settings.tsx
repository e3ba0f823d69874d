import { Csrf, ErrorSummary, Field, Select, Table, useT } from '../../../platform/views/components.tsx';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDateTime } from '../../../platform/i18n/index.ts';
import { TEMPLATE_PLACEHOLDERS, TEMPLATE_STATUSES, type TemplateStatus } from '../../../domain/petitions/index.ts';

/** A unit's answer templates, one form per state (works without JavaScript). */
export function TemplatesPage(p: { units: [string, string][]; unitId: string; templates: Record<TemplateStatus, { body: string; custom: boolean; updatedAt: string | null }> | null; errors?: FieldErrors; values?: Record<string, string> }) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <h1>{t('petitions.templates')}</h1>
      <p>{t('petitions.templates.intro')} {TEMPLATE_PLACEHOLDERS.map((x) => `{${x}}`).join(' ')}</p>
      <form method="get" action="/petitions/templates"><Select name="unitId" label={t('petitions.handlingUnit')} values={{ unitId: p.unitId }} options={p.units} /><button type="submit" class="secondary">{t('reception.show')}</button></form>
      {p.templates && TEMPLATE_STATUSES.map((s) => {
        const tpl = p.templates![s];
        const err = p.values?.status === s ? p.errors?.body : undefined;
        return (
          <section id={`t-${s}`}>
            <h2>{t(`petitions.st.${s}`)}</h2>
            <p class="hint">{tpl.custom ? `${t('petitions.templates.custom')} ${formatDateTime(tpl.updatedAt)}` : t('petitions.templates.default')}</p>
            <form method="post" action="/petitions/templates"><Csrf />
              <input type="hidden" name="unitId" value={p.unitId} /><input type="hidden" name="status" value={s} />
              <div class={`field${err ? ' field-error' : ''}`}>
                <label for={`f-body-${s}`}>{t('petitions.templates.body')}</label>
                {err && <p class="error-message">{err}</p>}
                <textarea id={`f-body-${s}`} name="body" rows={4}>{p.values?.status === s ? p.values.body ?? '' : tpl.body}</textarea>
              </div>
              <button type="submit">{t('reception.save')}</button>
            </form>
          </section>
        );
      })}
    </>
  );
}

/** The province's list of remote communes: cases there get the remote time limits (LKN Art. 28, 37). */
export function RemoteUnitsPage(p: { rows: { unit_id: string; full_name: string; note: string | null; added_at: string }[]; communes: [string, string][]; errors?: FieldErrors; values: Record<string, string> }) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <h1>{t('petitions.remoteUnits')}</h1>
      <p>{t('petitions.remoteUnits.intro')}</p>
      <Table head={[t('petitions.handlingUnit'), t('reception.note'), t('petitions.remoteUnits.added'), '']} empty={t('petitions.remoteUnits.empty')}
        rows={p.rows.map((r) => [r.full_name, r.note ?? '', formatDateTime(r.added_at),
          <form method="post" action={`/petitions/remote-units/${r.unit_id}/remove`}><Csrf /><button type="submit" class="secondary">{t('petitions.remoteUnits.remove')}</button></form>])} />
      <h2>{t('petitions.remoteUnits.add')}</h2>
      <form method="post" action="/petitions/remote-units"><Csrf />
        <Select name="unitId" label={t('petitions.remoteUnits.commune')} values={p.values} errors={p.errors} options={p.communes} />
        <Field name="note" label={t('reception.note')} values={p.values} errors={p.errors} />
        <button type="submit">{t('reception.save')}</button>
      </form>
    </>
  );
}
