import type { FieldErrors } from '../../../platform/http/validate.ts';
import { Csrf, ErrorSummary, Field, Select, useT } from '../../../platform/views/components.tsx';
import { FIELDS, KINDS, REGISTRATION_ITEMS, SUBJECTS, TRACKS } from '../../../domain/exemplars/forms.ts';
import type { Duplicate } from '../exemplars.service.ts';
import { ConflictPanel, VersionField, type Conflict } from '../../../platform/views/conflict.tsx';

export interface EntryFormProps {
  values: Record<string, string>;
  errors?: FieldErrors;
  duplicates?: Duplicate[];
  units: [string, string][];
  communes: [string, string][];
  campaigns: [string, string][];
  /** Editing an existing entry: its id, status (a draft may still be saved as a draft) and the version the form carries. */
  editing?: { id: string; status: string; version: number };
  /** 409: the entry as another person saved it. */
  conflict?: Conflict;
}

/** A labelled textarea with hint and inline error (the registration items). */
export function TextArea({ name, label, values, errors, rows = 3 }: { name: string; label: string; values: Record<string, string>; errors?: FieldErrors; rows?: number }) {
  const err = errors?.[name];
  const id = `f-${name}`;
  return (
    <div class={`field${err ? ' field-error' : ''}`}>
      <label for={id}>{label}</label>
      {err && <p class="error-message" id={`e-${name}`}>{err}</p>}
      <textarea id={id} name={name} rows={rows} aria-invalid={err ? 'true' : undefined} aria-describedby={err ? `e-${name}` : undefined}>{values[name] ?? ''}</textarea>
    </div>
  );
}

/** The registration form: identity, place, the 10-item sheet, press links and files; works without JavaScript. */
export function EntryForm({ values, errors, duplicates, units, communes, campaigns, editing, conflict }: EntryFormProps) {
  const t = useT();
  const opts = (prefix: string, keys: readonly string[]) => keys.map((k): [string, string] => [k, t(`${prefix}.${k}`)]);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t(editing ? 'exemplars.edit' : 'exemplars.new')}</h1>
      {editing && <p class="hint">{t('exemplars.editHint')}</p>}
      <ConflictPanel conflict={conflict} />
      {duplicates && duplicates.length > 0 && (
        <div class="notice" role="status">
          <h2>{t('exemplars.duplicateTitle')}</h2>
          <ul>{duplicates.map((d) => <li><a href={`/exemplars/${d.id}`}>{d.name}</a> <span class="muted">({d.code}, {d.year})</span></li>)}</ul>
        </div>
      )}
      <form method="post" action={editing ? `/exemplars/${editing.id}/edit` : '/exemplars/new'} enctype="multipart/form-data" novalidate>
        <Csrf />
        {editing && <VersionField value={editing.version} />}
        <Select name="campaignId" label={t('exemplars.campaign')} values={values} errors={errors} options={[['', t('exemplars.noCampaign')], ...campaigns]} />
        <Field name="name" label={t('exemplars.name')} values={values} errors={errors} />
        <Select name="kind" label={t('exemplars.kindLabel')} values={values} errors={errors} options={opts('exemplars.kind', KINDS)} />
        <Select name="subject" label={t('exemplars.subjectLabel')} values={values} errors={errors} options={opts('exemplars.subject', SUBJECTS)} />
        <Field name="personName" label={t('exemplars.personName')} values={values} errors={errors} />
        <Select name="field" label={t('exemplars.fieldLabel')} values={values} errors={errors} options={opts('exemplars.field', FIELDS)} />
        <Select name="track" label={t('exemplars.trackLabel')} values={values} errors={errors} options={opts('exemplars.track', TRACKS)} />
        <Select name="unitId" label={t('exemplars.unit')} values={values} errors={errors} options={units} />
        <Select name="communeCode" label={t('exemplars.communeCode')} values={values} errors={errors} options={[['', '—'], ...communes]} />
        <Field name="village" label={t('exemplars.village')} values={values} errors={errors} />
        <Field name="lat" label={t('exemplars.lat')} hint={t('exemplars.coordHint')} values={values} errors={errors} width="short" />
        <Field name="lng" label={t('exemplars.lng')} values={values} errors={errors} width="short" />
        <fieldset>
          <legend><h2>{t('exemplars.registrationSheet')}</h2></legend>
          {REGISTRATION_ITEMS.map((k) => <TextArea name={`registration.${k}`} label={t(`exemplars.reg.${k}`)} values={values} errors={errors} />)}
        </fieldset>
        <TextArea name="pressLinks" label={t('exemplars.pressLinks')} values={values} errors={errors} rows={2} />
        <div class="field"><label for="f-evidence">{t('exemplars.evidence')}</label><input id="f-evidence" type="file" name="evidence" multiple /></div>
        <div class="field"><label for="f-photos">{t('exemplars.photos')}</label><input id="f-photos" type="file" name="photos" accept="image/jpeg,image/png" multiple /></div>
        {duplicates && duplicates.length > 0 && (
          <div class="field"><label><input type="checkbox" name="confirmDuplicate" value="1" /> {t('exemplars.confirmDuplicate')}</label></div>
        )}
        {editing && editing.status !== 'draft' ? (
          <div class="actions">
            <button type="submit" name="draft" value="0">{t('exemplars.saveChanges')}</button>
            <a href={`/exemplars/${editing.id}`}>{t('form.cancel')}</a>
          </div>
        ) : (
          <>
            <p class="hint">{t('exemplars.draftHint')}</p>
            <div class="actions">
              <button type="submit" name="draft" value="0">{t('exemplars.register')}</button>
              <button type="submit" name="draft" value="1" class="button secondary">{t('exemplars.saveDraft')}</button>
            </div>
          </>
        )}
      </form>
    </>
  );
}
