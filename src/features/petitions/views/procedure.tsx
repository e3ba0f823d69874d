/** Case page parts of issue 18: the clock history, the notices with their deadlines, and the forms of the procedure steps. */
import { Csrf, Field, Select, Table, useT } from '../../../platform/views/components.tsx';
import { formatDate, formatDateTime } from '../../../platform/i18n/index.ts';
import { EXCLUDED_REASONS } from '../../../domain/petitions/index.ts';
import type { ClockEntry, Clocks } from '../petitions.clock.ts';

type Vals = Record<string, string>;
type Errs = Record<string, string> | undefined;
const dateHint = 'dd/mm/yyyy';

/** Every change of every clock of the case, oldest first: start, stop, resume, extension, notices. */
export function ClockHistory({ entries }: { entries: ClockEntry[] }) {
  const t = useT();
  return (
    <section id="clock-history">
      <h2>{t('petitions.clockHistory')}</h2>
      <Table head={[t('petitions.clockHistory.on'), t('petitions.clockHistory.event'), t('petitions.clockHistory.clock'), t('petitions.clockHistory.due'), t('petitions.clockHistory.previous'), t('reception.basis'), t('petitions.clockHistory.entered')]}
        empty="—"
        rows={entries.map((e) => [formatDate(e.on), t(`petitions.clockEvent.${e.event}`), clockName(t, e.clock), formatDate(e.due) || '—', formatDate(e.previousDue ?? null) || '—', [e.basis, e.note].filter(Boolean).join(' · '), formatDateTime(e.at)])} />
    </section>
  );
}

const clockName = (t: (k: string) => string, name: string) => t(`petitions.clock.${name.startsWith('notice.') ? 'notice' : name}`) + (name.startsWith('notice.') ? `: ${t(`petitions.notice.${name.slice(7)}`)}` : '');

/** The notices of the case: due date, document (DOCX) and, until sent, the form to record the dispatch. */
export function Notices({ id, clocks, sent, canHandle, form }: { id: string; clocks: Clocks; sent: Record<string, { sentOn: string; documentNumber: string; late: boolean }>; canHandle: boolean; form?: { name: string; values: Vals; errors: Vals } }) {
  const t = useT();
  const items = Object.entries(clocks).filter(([n]) => n.startsWith('notice.'));
  if (!items.length) return null;
  return (
    <section id="notices">
      <h2>{t('petitions.notices')}</h2>
      <Table head={[t('petitions.notice'), t('petitions.dueOn'), t('reception.basis'), t('petitions.notice.sentOn'), t('petitions.notice.document')]}
        rows={items.map(([n, c]) => {
          const key = n.slice(7);
          const s = sent[key];
          const f = form?.name === `notice-${key}` ? form : undefined;
          return [t(`petitions.notice.${key}`), <span class="due">{formatDate(c.due)}</span>, c.basis,
            s ? <>{formatDate(s.sentOn)} · {s.documentNumber}{s.late && <strong class="tag-overdue"> {t('petitions.overdue')}</strong>}</>
              : canHandle ? <form method="post" action={`/petitions/${id}/notices/${key}/sent`} novalidate><Csrf />
                <Field name="sentOn" label={t('petitions.notice.sentOn')} hint={dateHint} width="short" values={f?.values} errors={f?.errors} />
                <Field name="documentNumber" label={t('petitions.documentNumber')} width="short" values={f?.values} errors={f?.errors} />
                <button type="submit">{t('petitions.notice.markSent')}</button></form> : t('petitions.notice.pending'),
            <a href={`/petitions/${id}/notices/${key}.docx`}>DOCX</a>];
        })} />
    </section>
  );
}

/** A date field with the dd/mm/yyyy hint. */
export const DateField = ({ name, label, values, errors }: { name: string; label: string; values: Vals; errors: Errs }) => <Field name={name} label={label} hint={dateHint} width="short" values={values} errors={errors} />;

/** The time-bar fields of a complaint at classification (LKN Art. 9): the day known and one excluded period with its evidence. */
export function TimeBarFields({ values, errors, units }: { values: Vals; errors: Errs; units: [string, string][] }) {
  const t = useT();
  return (
    <fieldset class="field" id="f-timebar"><legend>{t('petitions.timeBar')}</legend>
      <p class="hint">{t('petitions.timeBar.hint')}</p>
      <Select name="decisionUnitId" label={t('petitions.decisionUnitId')} hint={t('petitions.decisionUnitHint')} values={values} errors={errors} options={[['', '—'], ...units]} />
      <DateField name="knewOn" label={t('petitions.knewOn')} values={values} errors={errors} />
      <DateField name="excludedFrom" label={t('petitions.excluded.from')} values={values} errors={errors} />
      <DateField name="excludedTo" label={t('petitions.excluded.to')} values={values} errors={errors} />
      <Select name="excludedReason" label={t('petitions.excluded.reason')} values={values} errors={errors} options={EXCLUDED_REASONS.map((r): [string, string] => [r, t(`petitions.excluded.${r}`)])} />
      <Field name="excludedEvidence" label={t('petitions.excluded.evidence')} values={values} errors={errors} />
    </fieldset>
  );
}
