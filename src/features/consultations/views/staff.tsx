import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Select, useT } from '../../../platform/views/components.tsx';
import { COMMENT_CHANNELS, CONSULTATION_FORMS, CONSULTATION_MATTERS } from '../../../domain/disclosure/catalogue.ts';
import type { CommentRow, ConsultationRow, DialogueRow } from '../consultations.repository.ts';
import { sectionsOf } from '../consultations.repository.ts';
import { sourceOf } from '../consultations.report.ts';
import { DialogueList } from './report.tsx';

function TextArea({ name, label, hint, errors, values, rows = 4 }: { name: string; label: string; hint?: string; errors?: FieldErrors; values?: Record<string, string>; rows?: number }) {
  const err = errors?.[name];
  return (
    <div class={`field${err ? ' field-error' : ''}`}>
      <label for={`f-${name}`}>{label}</label>
      {hint && <div class="hint">{hint}</div>}
      {err && <p class="error-message">{err}</p>}
      <textarea id={`f-${name}`} name={name} rows={rows}>{values?.[name] ?? ''}</textarea>
    </div>
  );
}

export function ConsultationForm({ errors, values, units }: { errors?: FieldErrors; values: Record<string, string>; units: [string, string][] }) {
  const t = useT();
  const chosen = new Set((values.forms ?? '').split(','));
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('consultations.new')}</h1>
      <form method="post" action="/consultations/new" enctype="multipart/form-data" novalidate>
        <Csrf />
        <Select name="unitId" label={t('disclosures.col.unit')} errors={errors} values={values} options={units} />
        <Field name="title" label={t('consultations.titleField')} errors={errors} values={values} />
        <Select name="matter" label={t('consultations.matter')} errors={errors} values={values} options={CONSULTATION_MATTERS.map((m) => [m, t(`consultations.matter.${m}`)])} />
        <Field name="consulted" label={t('consultations.consulted')} errors={errors} values={values} />
        <fieldset class="field"><legend>{t('consultations.forms')}</legend>
          {CONSULTATION_FORMS.map((f) => <div class="checkbox"><input type="checkbox" id={`f-cf-${f}`} name="forms" value={f} checked={chosen.has(f)} /> <label for={`f-cf-${f}`}>{t(`consultations.form.${f}`)}</label></div>)}
        </fieldset>
        <Field name="opensOn" label={t('consultations.opensOn')} hint={t('disclosures.dateHint')} errors={errors} values={values} width="short" />
        <Field name="closesOn" label={t('consultations.closesOn')} hint={t('consultations.closesOnHint')} errors={errors} values={values} width="short" />
        <Field name="specificLaw" label={t('consultations.specificLaw')} hint={t('consultations.specificLawHint')} errors={errors} values={values} />
        <div class={`field${errors?.file ? ' field-error' : ''}`}>
          <label for="f-file">{t('consultations.file')}</label>
          <div class="hint">{t('consultations.fileHint')}</div>
          {errors?.file && <p class="error-message">{errors.file}</p>}
          <input id="f-file" name="file" type="file" accept=".pdf,.docx" />
        </div>
        <TextArea name="sections" label={t('consultations.sections')} hint={t('consultations.sectionsHint')} errors={errors} values={values} rows={10} />
        <button type="submit">{t('consultations.open')}</button>
      </form>
    </>
  );
}

/** One comment with its disposition form (staff). */
export function CommentCard({ c, m }: { c: ConsultationRow; m: CommentRow }) {
  const t = useT();
  const section = sectionsOf(c).find((s) => s.key === m.section_key);
  return (
    <li class="comment" id={`c-${m.id}`}>
      <p class="muted">{sourceOf(m, t)} · {formatDate(m.received_on)}{section && <> · {section.title}</>}</p>
      <blockquote>{m.text}</blockquote>
      {m.decision && <p><strong class={`tag ${m.decision === 'rejected' ? 'red' : 'green'}`}>{t(`consultations.decision.${m.decision}`)}</strong> {m.explanation}</p>}
      {c.status === 'open' && (
        <form method="post" action={`/consultations/${c.id}/comments/${m.id}/disposition`} class="disposition" novalidate>
          <Csrf />
          <div class="field"><label for={`d-${m.id}`}>{t('consultations.report.decision')}</label>
            <select id={`d-${m.id}`} name="decision">{(['accepted', 'partly', 'rejected'] as const).map((d) => <option value={d} selected={d === (m.decision ?? 'accepted')}>{t(`consultations.decision.${d}`)}</option>)}</select></div>
          <div class="field"><label for={`x-${m.id}`}>{t('consultations.report.explanation')}</label>
            <textarea id={`x-${m.id}`} name="explanation" rows={2}>{m.explanation ?? ''}</textarea></div>
          <button type="submit" class="secondary">{t('consultations.dispose')}</button>
        </form>
      )}
    </li>
  );
}

export function StaffCommentForm({ c, errors, values }: { c: ConsultationRow; errors?: FieldErrors; values?: Record<string, string> }) {
  const t = useT();
  return (
    <form method="post" action={`/consultations/${c.id}/comments`} novalidate>
      <h2>{t('consultations.enterComment')}</h2>
      <Csrf />
      <Select name="channel" label={t('consultations.channel')} errors={errors} values={values} options={COMMENT_CHANNELS.filter((x) => x !== 'online').map((x) => [x, t(`consultations.channel.${x}`)])} />
      <Field name="organization" label={t('consultations.organization')} hint={t('consultations.organizationHint')} errors={errors} values={values} />
      <Select name="sectionKey" label={t('consultations.section')} errors={errors} values={values} options={[['', t('consultations.general')], ...sectionsOf(c).map((s): [string, string] => [s.key, s.title])]} />
      <TextArea name="text" label={t('consultations.text')} errors={errors} values={values} />
      <Field name="name" label={t('consultations.name')} errors={errors} values={values} />
      <Field name="receivedOn" label={t('consultations.receivedOn')} hint={t('disclosures.dateHint')} errors={errors} values={values} width="short" />
      <button type="submit" class="secondary">{t('consultations.addComment')}</button>
    </form>
  );
}

export function CloseForm({ c, errors, values }: { c: ConsultationRow; errors?: FieldErrors; values?: Record<string, string> }) {
  const t = useT();
  return (
    <form method="post" action={`/consultations/${c.id}/close`} novalidate>
      <h2>{t('consultations.close')}</h2>
      <ErrorSummary errors={errors} />
      <Csrf />
      <TextArea name="decision" label={t('consultations.decisionTaken')} errors={errors} values={values} />
      <div class="checkbox"><input type="checkbox" id="f-departsFromMajority" name="departsFromMajority" value="1" checked={values?.departsFromMajority === '1'} /> <label for="f-departsFromMajority">{t('consultations.departs')}</label></div>
      <TextArea name="departureReason" label={t('consultations.departureReason')} hint={t('consultations.departureHint')} errors={errors} values={values} />
      <button type="submit" class="warning">{t('consultations.close')}</button>
    </form>
  );
}

/** Art. 27: the record of informing affected citizens and of dialogues with them (list, and the form while open). */
export function Dialogues({ c, rows, manage, required, errors, values }: { c: ConsultationRow; rows: DialogueRow[]; manage: boolean; required: boolean; errors?: FieldErrors; values?: Record<string, string> }) {
  const t = useT();
  if (!required && rows.length === 0 && !manage) return null;
  return (
    <section id="f-dialogues">
      <h2>{t('consultations.dialogue.title')}</h2>
      <p class="hint">{t(required ? 'consultations.dialogue.required' : 'consultations.dialogue.hint')}</p>
      {rows.length === 0 && <p class="muted">{t('consultations.dialogue.none')}</p>}
      <DialogueList rows={rows} t={t} />
      {manage && (
        <form method="post" action={`/consultations/${c.id}/dialogues`} novalidate>
          <h3>{t('consultations.dialogue.add')}</h3>
          <ErrorSummary errors={errors} />
          <Csrf />
          <Select name="kind" label={t('consultations.dialogue.kind')} errors={errors} values={values} options={(['meeting', 'notice'] as const).map((k) => [k, t(`consultations.dialogue.kind.${k}`)])} />
          <Field name="heldOn" label={t('consultations.dialogue.heldOn')} hint={t('disclosures.dateHint')} errors={errors} values={values} width="short" />
          <Field name="place" label={t('consultations.dialogue.place')} errors={errors} values={values} />
          <Field name="participants" label={t('consultations.dialogue.participants')} hint={t('consultations.dialogue.participantsHint')} errors={errors} values={values} />
          <TextArea name="affected" label={t('consultations.dialogue.affected')} errors={errors} values={values} rows={2} />
          <TextArea name="opinions" label={t('consultations.dialogue.opinions')} errors={errors} values={values} />
          <TextArea name="answers" label={t('consultations.dialogue.answers')} errors={errors} values={values} />
          <button type="submit" class="secondary">{t('consultations.dialogue.save')}</button>
        </form>
      )}
    </section>
  );
}

/** The disclosures a consultation made on the public board (Art. 11(11), 46(10)). */
export function ConsultationDisclosures({ rows }: { rows: { id: string; title: string; posted_on: string; posted_until: string | null }[] }) {
  const t = useT();
  if (rows.length === 0) return null;
  return (
    <section>
      <h2>{t('consultations.disclosed')}</h2>
      <ul>{rows.map((d) => <li><a href={`/board/d/${d.id}`}>{d.title}</a> <span class="muted">· {formatDate(d.posted_on)}{d.posted_until && <> – {formatDate(d.posted_until)}</>}</span></li>)}</ul>
    </section>
  );
}
