import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Select, Table, useT } from '../../../platform/views/components.tsx';
import { DISCLOSURE_ITEMS, DISCLOSURE_FORMS, findItem, type DisclosureItem } from '../../../domain/disclosure/catalogue.ts';
import type { DisclosureRow } from '../disclosures.repository.ts';
import { formsOf } from '../disclosures.repository.ts';
import { photosOf } from '../disclosures.photos.ts';
import type { Flags } from '../disclosures.rules.ts';

export const itemLabel = (i: DisclosureItem | undefined, lang: string) => (i ? `${i.scope === 'commune' ? 'Đ11' : 'Đ46'}.${i.no} ${lang === 'en' ? i.titleEn : i.title}` : '');

export function FlagTags({ flags }: { flags: Flags }) {
  const t = useT();
  return (
    <>
      {flags.late && <strong class="tag red">{t('disclosures.flag.late')}</strong>}{' '}
      {flags.earlyRemoval && <strong class="tag red">{t('disclosures.flag.earlyRemoval')}</strong>}{' '}
      {flags.radioShort && <strong class="tag red">{t('disclosures.flag.radioShort')}</strong>}
      {!flags.late && !flags.tooShort && <span class="tag green">{t('disclosures.flag.ok')}</span>}
    </>
  );
}

export function DisclosureTable({ rows, names, flags, lang }: { rows: DisclosureRow[]; names: Map<string, { fullName: string }>; flags: Map<string, Flags>; lang: string }) {
  const t = useT();
  return (
    <Table
      head={[t('disclosures.col.title'), t('disclosures.col.unit'), t('disclosures.postedOn'), t('disclosures.postedUntil'), t('disclosures.col.status')]}
      empty={t('disclosures.none')}
      rows={rows.map((d) => [
        <><a href={`/disclosures/${d.id}`}>{d.title}</a><br /><span class="muted">{itemLabel(findItem(d.item_code), lang)}</span></>,
        names.get(d.unit_id)?.fullName ?? '', formatDate(d.posted_on), d.posted_until ? formatDate(d.posted_until) : t('disclosures.permanent'), <FlagTags flags={flags.get(d.id)!} />,
      ])}
    />
  );
}

export function DisclosureForm({ errors, values, units, lang }: { errors?: FieldErrors; values: Record<string, string>; units: [string, string][]; lang: string }) {
  const t = useT();
  const chosen = new Set((values.forms ?? '').split(','));
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('disclosures.new')}</h1>
      <form method="post" action="/disclosures/new" enctype="multipart/form-data" novalidate>
        <Csrf />
        <Select name="unitId" label={t('disclosures.col.unit')} errors={errors} values={values} options={units} />
        <Select name="itemCode" label={t('disclosures.item')} hint={t('disclosures.itemHint')} errors={errors} values={values} options={DISCLOSURE_ITEMS.filter((i) => !i.validTo).map((i) => [i.code, itemLabel(i, lang)])} />
        <Field name="title" label={t('disclosures.col.title')} errors={errors} values={values} />
        <Field name="documentNo" label={t('disclosures.documentNo')} hint={t('disclosures.documentNoHint')} errors={errors} values={values} width="short" />
        <Field name="decisionOn" label={t('disclosures.decisionOn')} hint={t('disclosures.dateHint')} errors={errors} values={values} width="short" />
        <Field name="postedOn" label={t('disclosures.postedOn')} hint={t('disclosures.dateHint')} errors={errors} values={values} width="short" />
        <div class={`field${errors?.file ? ' field-error' : ''}`}>
          <label for="f-file">{t('disclosures.file')}</label>
          {errors?.file && <p class="error-message">{errors.file}</p>}
          <input id="f-file" name="file" type="file" accept=".pdf,.docx,.xlsx,.jpg,.png" />
        </div>
        <fieldset class={`field${errors?.forms ? ' field-error' : ''}`} id="f-forms">
          <legend>{t('disclosures.forms')}</legend>
          {errors?.forms && <p class="error-message">{errors.forms}</p>}
          {DISCLOSURE_FORMS.map((f) => <div class="checkbox"><input type="checkbox" id={`f-form-${f}`} name="forms" value={f} checked={chosen.has(f)} /> <label for={`f-form-${f}`}>{t(`disclosures.form.${f}`)}</label></div>)}
        </fieldset>
        <div class={`field${errors?.photo ? ' field-error' : ''}`}>
          <label for="f-photo">{t('disclosures.evidence.photo')}</label>
          {errors?.photo && <p class="error-message">{errors.photo}</p>}
          <input id="f-photo" name="photo" type="file" accept=".jpg,.png,.pdf" />
        </div>
        <Field name="portalUrl" label={t('disclosures.evidence.url')} errors={errors} values={values} />
        <Field name="informedOn" label={t('disclosures.evidence.informedOn')} hint={t('disclosures.dateHint')} errors={errors} values={values} width="short" />
        <Field name="broadcastDays" label={t('disclosures.evidence.broadcastDays')} hint={t('disclosures.broadcastHint')} errors={errors} values={values} />
        <button type="submit">{t('form.save')}</button>
      </form>
    </>
  );
}

/** Evidence of each form, as a definition list. */
export function Evidence({ d }: { d: DisclosureRow }) {
  const t = useT();
  return (
    <dl class="summary">
      {formsOf(d).map((f) => (
        <>
          <dt>{t(`disclosures.form.${f.form}`)}</dt>
          <dd>
            {photosOf(f).map((id, i) => <>{i > 0 && ' · '}<a href={`/board/files/${id}`}>{t('disclosures.evidence.photo')}{i > 0 && ` ${i + 1}`}</a></>)}
            {f.url && <a href={f.url} rel="nofollow noopener">{f.url}</a>}
            {f.informedOn && <>{t('disclosures.evidence.informedOn')}: {formatDate(f.informedOn)}</>}
            {f.form === 'radio' && <>{t('disclosures.evidence.broadcastDays')}: {(f.broadcastDays ?? []).map(formatDate).join(', ') || '—'}</>}
          </dd>
        </>
      ))}
    </dl>
  );
}
