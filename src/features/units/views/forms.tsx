import type { FieldErrors } from '../../../platform/http/validate.ts';
import { Csrf, ErrorSummary, Field, Select, useT } from '../../../platform/views/components.tsx';
import { COMMUNE_TYPES, UNIT_KINDS } from '../units.kinds.ts';

type FormProps = { action: string; title: string; errors?: FieldErrors; values: Record<string, string> };

export function UnitForm({ action, title, errors, values }: FormProps) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <form method="post" action={action} novalidate>
        <Csrf />
        <Field name="fullName" label={t('units.fullName')} hint={t('units.fullNameHint')} errors={errors} values={values} />
        <Field name="name" label={t('units.name')} hint={t('units.nameHint')} errors={errors} values={values} />
        <Select name="kind" label={t('units.kind')} errors={errors} values={values} options={UNIT_KINDS.map((k) => [k, t(`unitKind.${k}`)])} />
        <Select name="communeType" label={t('units.communeType')} errors={errors} values={values} options={[['', '—'], ...COMMUNE_TYPES.map((k): [string, string] => [k, t(`communeType.${k}`)])]} />
        <Field name="code" label={t('units.code')} errors={errors} values={values} width="short" />
        <Field name="parentId" label={t('units.parentId')} errors={errors} values={values} />
        <Field name="validFrom" label={t('units.validFrom')} hint={t('units.asOfHint')} errors={errors} values={values} width="short" />
        <button type="submit">{t('form.save')}</button>
      </form>
    </>
  );
}

export function ReorganizeForm({ errors, values }: Omit<FormProps, 'action' | 'title'>) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('units.reorganize')}</h1>
      <form method="post" action="/units/reorganize" novalidate>
        <Csrf />
        <Select name="kind" label={t('units.reorgKind')} errors={errors} values={values} options={(['merge', 'split', 'rename'] as const).map((k) => [k, t(`units.reorg.${k}`)])} />
        <Field name="effectiveDate" label={t('units.effectiveDate')} hint={t('units.asOfHint')} errors={errors} values={values} width="short" />
        <Field name="legalBasis" label={t('units.legalBasis')} errors={errors} values={values} />
        <Field name="predecessorIds" label={t('units.predecessorIds')} errors={errors} values={values} />
        <div class={`field${errors?.successorNames ? ' field-error' : ''}`}>
          <label for="f-successorNames">{t('units.successorNames')}</label>
          {errors?.successorNames && <p class="error-message">{errors.successorNames}</p>}
          <textarea id="f-successorNames" name="successorNames">{values.successorNames ?? ''}</textarea>
        </div>
        <Field name="intoId" label={t('units.intoId')} errors={errors} values={values} />
        <Field name="note" label={t('units.note')} errors={errors} values={values} />
        <button type="submit" class="button warning">{t('units.reorganize')}</button>
      </form>
    </>
  );
}
