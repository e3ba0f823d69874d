import { Csrf, ErrorSummary, Field, Select, useT } from '../../../platform/views/components.tsx';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { CHANNELS, PETITION_KINDS } from '../../../domain/petitions/index.ts';

/** Staff entry of a letter, visit, phone call or forwarded petition, with scans of the originals. */
export function IntakeForm({ values, errors, units }: { values: Record<string, string>; errors?: FieldErrors; units: [string, string][] }) {
  const t = useT();
  const f = (name: string, label: string, extra: { type?: string; width?: 'short' } = {}) => <Field name={name} label={label} values={values} errors={errors} {...extra} />;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('petitions.new')}</h1>
      <form method="post" action="/petitions/new" enctype="multipart/form-data" novalidate>
        <Csrf />
        <Select name="channel" label={t('petitions.channel')} values={values} errors={errors} options={CHANNELS.filter((c) => c !== 'online').map((c): [string, string] => [c, t(`petitions.ch.${c}`)])} />
        {f('sourceBody', t('petitions.sourceBody'))}
        <Select name="handlingUnitId" label={t('petitions.handlingUnit')} values={values} errors={errors} options={units} />
        {f('receivedOn', t('petitions.receivedOn'), { width: 'short' })}
        {f('senderName', t('petitions.senderName'))}
        <div class="field"><label><input type="checkbox" name="anonymous" value="1" checked={values.anonymous === '1'} /> {t('petitions.anonymous')}</label></div>
        {f('senderAddress', t('petitions.senderAddress'))}
        {f('senderIdNumber', t('petitions.senderIdNumber'), { width: 'short' })}
        {f('senderPhone', t('petitions.senderPhone'), { type: 'tel', width: 'short' })}
        {f('senderEmail', t('petitions.senderEmail'), { type: 'email' })}
        <Select name="kindHint" label={t('petitions.kindHint')} values={values} errors={errors} options={[['', '—'], ...PETITION_KINDS.map((k): [string, string] => [k, t(`petitions.kind.${k}`)])]} />
        {f('title', t('petitions.titleField'))}
        <div class={`field${errors?.content ? ' field-error' : ''}`}>
          <label for="f-content">{t('petitions.content')}</label>
          {errors?.content && <p class="error-message">{errors.content}</p>}
          <textarea id="f-content" name="content" rows={6}>{values.content ?? ''}</textarea>
        </div>
        <div class={`field${errors?.scans ? ' field-error' : ''}`}>
          <label for="f-scans">{t('petitions.scans')}</label>
          {errors?.scans && <p class="error-message" id="e-scans">{errors.scans}</p>}
          <input id="f-scans" type="file" name="scans" multiple accept=".pdf,.jpg,.jpeg,.png" />
        </div>
        <button type="submit">{t('petitions.submitStaff')}</button>
      </form>
    </>
  );
}
