/** The dialogue of a complaint on the case page (issue 18 item 10): schedule, participants, notice, minutes and forms. */
import { Csrf, Field, useT } from '../../../platform/views/components.tsx';
import { formatDate } from '../../../platform/i18n/index.ts';
import type { Dialogue } from '../petitions.dialogue.ts';
import { DateField } from './procedure.tsx';

type Form = { name: string; values: Record<string, string>; errors: Record<string, string> } | undefined;

function TextArea({ name, label, form, rows = 4 }: { name: string; label: string; form: Form; rows?: number }) {
  const err = form?.name === 'dialogue-minutes' ? form.errors[name] : undefined;
  return (
    <div class={`field${err ? ' field-error' : ''}`}>
      <label for={`f-${name}`}>{label}</label>
      {err && <p class="error-message" id={`e-${name}`}>{err}</p>}
      <textarea id={`f-${name}`} name={name} rows={rows}>{form?.name === 'dialogue-minutes' ? form.values[name] ?? '' : ''}</textarea>
    </div>
  );
}

/** Schedule and minutes of the dialogue; the forms when the handler may act (`canSchedule`: the case is an accepted complaint). */
export function DialogueSection({ id, d, required, canSchedule, form }: { id: string; d: Dialogue | null; required: boolean; canSchedule: boolean; form: Form }) {
  const t = useT();
  if (!d && !canSchedule) return null;
  const v = (n: string) => (form?.name === n ? form.values : {});
  const e = (n: string) => (form?.name === n ? form.errors : undefined);
  return (
    <section id="dialogue">
      <h2>{t('petitions.dialogue')}</h2>
      <p class="hint">{t(required ? 'petitions.dialogue.required' : 'petitions.dialogue.hint')}</p>
      {d && <dl class="summary">
        <dt>{t('petitions.dialogue.when')}</dt><dd id="dialogue-when">{formatDate(d.dialogueOn)} · {d.time}</dd>
        <dt>{t('petitions.dialogue.place')}</dt><dd>{d.place}</dd>
        <dt>{t('petitions.dialogue.participants')}</dt><dd><ul>{d.participants.map((x) => <li>{t(`petitions.dialogue.role.${x.role}`)}: {x.name}</li>)}</ul></dd>
        <dt>{t('petitions.dialogue.noticeBy')}</dt><dd id="dialogue-notice-by">{formatDate(d.noticeBy)} ({d.basis})</dd>
        {d.minutes && <><dt>{t('petitions.dialogue.heldOn')}</dt><dd id="dialogue-held">{formatDate(d.minutes.heldOn)} · <a href={`/petitions/${id}/dialogue.docx`}>{t('petitions.dialogue.minutesDocx')}</a></dd>
          <dt>{t('petitions.dialogue.outcome')}</dt><dd>{d.minutes.outcome}</dd></>}
      </dl>}
      {canSchedule && !d?.minutes && <form method="post" action={`/petitions/${id}/dialogue`} novalidate><Csrf />
        <h3>{t(d ? 'petitions.dialogue.move' : 'petitions.dialogue.schedule')}</h3>
        <DateField name="dialogueOn" label={t('petitions.dialogue.on')} values={v('dialogue')} errors={e('dialogue')} />
        <Field name="time" label={t('petitions.dialogue.time')} hint="08:30" width="short" values={v('dialogue')} errors={e('dialogue')} />
        <Field name="place" label={t('petitions.dialogue.place')} values={v('dialogue')} errors={e('dialogue')} />
        <Field name="complainant" label={t('petitions.dialogue.role.complainant')} values={v('dialogue')} errors={e('dialogue')} />
        <Field name="respondent" label={t('petitions.dialogue.role.respondent')} values={v('dialogue')} errors={e('dialogue')} />
        <Field name="bodies" label={t('petitions.dialogue.role.body')} hint={t('petitions.dialogue.bodiesHint')} values={v('dialogue')} errors={e('dialogue')} />
        <div class="field"><label><input type="checkbox" name="differs" value="1" /> {t('petitions.dialogue.differs')}</label></div>
        <button type="submit">{t(d ? 'petitions.dialogue.move' : 'petitions.dialogue.schedule')}</button>
      </form>}
      {canSchedule && d && !d.minutes && <form method="post" action={`/petitions/${id}/dialogue-minutes`} novalidate><Csrf />
        <h3>{t('petitions.dialogue.minutes')}</h3>
        <DateField name="heldOn" label={t('petitions.dialogue.heldOn')} values={v('dialogue-minutes')} errors={e('dialogue-minutes')} />
        <Field name="attendees" label={t('petitions.dialogue.attendees')} values={v('dialogue-minutes')} errors={e('dialogue-minutes')} />
        <TextArea name="content" label={t('petitions.dialogue.content')} form={form} />
        <TextArea name="opinions" label={t('petitions.dialogue.opinions')} form={form} />
        <TextArea name="outcome" label={t('petitions.dialogue.outcome')} form={form} rows={3} />
        <button type="submit">{t('petitions.dialogue.saveMinutes')}</button>
      </form>}
    </section>
  );
}
