import type { Child, PropsWithChildren } from 'hono/jsx';
import { useT } from '../../../platform/views/components.tsx';

/** What the officer may record, with the choices of their scope (rendered once online, then cached on the device). */
export interface FieldOptions {
  units?: [string, string][];
  /** Open votes: id, label and the version the tally must send (optimistic concurrency). */
  decisions?: [string, string, number][];
  teams?: [string, string][];
  cases?: [string, string][];
  tasks?: [string, string][];
  /** Postings still up, for a photo of the notice. */
  disclosures?: [string, string][];
}

type InputType = 'text' | 'long' | 'int' | 'date' | 'lines' | 'file';
interface InProps { form: string; name: string; label: string; type?: InputType; required?: boolean; value?: string; hint?: string; min?: number; max?: number }

/** One labelled input of a capture form; `data-type` tells field.js how to send it (number, list of lines, date, file). */
function In(p: InProps) {
  const id = `${p.form}-${p.name}`;
  const type = p.type ?? 'text';
  const common = { id, name: p.name, required: p.required, 'data-type': type === 'long' ? 'text' : type, 'aria-describedby': p.hint ? `${id}-h` : undefined };
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      {p.hint && <div class="hint" id={`${id}-h`}>{p.hint}</div>}
      {type === 'lines' || type === 'long'
        ? <textarea {...common} rows={3}>{p.value ?? ''}</textarea>
        : type === 'file'
          ? <input {...common} type="file" accept="image/jpeg,image/png" capture="environment" />
          : <input {...common} type="text" value={p.value ?? ''} inputmode={type === 'int' ? 'numeric' : undefined} class={type === 'text' ? undefined : 'input-short'}
            pattern={type === 'int' ? '[0-9]*' : type === 'date' ? '\\d{1,2}/\\d{1,2}/\\d{4}' : undefined} placeholder={type === 'date' ? 'dd/mm/yyyy' : undefined} />}
    </div>
  );
}

/** A choice of item; an option with a version carries it (`data-lock-version`), sent as `lockVersion`. */
function Choose({ form, name, label, options }: { form: string; name: string; label: string; options: ([string, string] | [string, string, number])[] }) {
  const id = `${form}-${name}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name} required data-type="text">{options.map(([v, l, version]) => <option value={v} data-lock-version={version === undefined ? undefined : String(version)}>{l}</option>)}</select>
    </div>
  );
}

/** A capture form: kept on the device by field.js, then sent to `path` (`{name}` filled from the form) as JSON or multipart. */
function Capture({ kind, path, multipart, options, children }: PropsWithChildren<{ kind: string; path: string; multipart?: boolean; options: unknown[] | undefined }>) {
  const t = useT();
  if (!options) return null;
  return (
    <details class="field-form">
      <summary>{t(`field.form.${kind}`)}</summary>
      {options.length === 0 ? <p>{t('field.none')}</p> : (
        <form data-kind={kind} data-path={path} data-encoding={multipart ? 'multipart' : 'json'} data-title={t(`field.form.${kind}`)}>
          <p class="notice" data-field-editing hidden>{t('field.editing')}</p>
          {children}
          <button type="submit" class="button">{t('field.saveOnDevice')}</button>
        </form>
      )}
    </details>
  );
}

const KINDS = ['complaint', 'denunciation', 'recommendation', 'feedback', 'mixed'];

/** Messages field.js shows (it has no other source of text when offline). */
const SCRIPT_KEYS = ['online', 'offline', 'empty', 'sync', 'syncing', 'syncedCount', 'state.pending', 'state.synced', 'state.conflict', 'state.rejected',
  'capturedAt', 'syncedAt', 'yours', 'server', 'status', 'discard', 'discardConfirm', 'edit', 'saved', 'photo'];

/** The offline capture page: entries on the device (list, sync) above the capture forms; without JavaScript, links to the usual pages. */
export function FieldPage({ userId, options, links, scripts }: { userId: string; options: FieldOptions; links: [string, string][]; scripts: Child }) {
  const t = useT();
  const messages = Object.fromEntries(SCRIPT_KEYS.map((k) => [k, t(`field.${k}`)]));
  return (
    <>
      <h1>{t('field.title')}</h1>
      <p class="lead">{t('field.lead')}</p>
      <div data-field-nojs class="notice">
        <p>{t('field.noJs')}</p>
        <ul>{links.map(([href, label]) => <li><a href={href}>{label}</a></li>)}</ul>
      </div>
      <div data-field-app hidden data-user-id={userId} data-messages={JSON.stringify(messages)}>
        <p class="field-net" role="status" aria-live="polite" data-field-net></p>
        <div class="notice" data-field-signin hidden><p>{t('field.signIn')} <a href="/login?next=/field">{t('field.signInLink')}</a></p></div>
        <section aria-labelledby="field-entries">
          <h2 id="field-entries">{t('field.entries')}</h2>
          <p role="status" aria-live="polite" data-field-msg></p>
          <ul class="field-list" data-field-list></ul>
          <div class="actions">
            <button type="button" class="button" data-field-sync>{t('field.sync')}</button>
            <button type="button" class="button secondary" data-field-clear>{t('field.clearSynced')}</button>
          </div>
        </section>
        <Capture kind="visit" path="/api/v1/reception/visits" options={options.units}>
          <Choose form="visit" name="unitId" label={t('field.unit')} options={options.units ?? []} />
          <In form="visit" name="receivedOn" label={t('field.receivedOn')} type="date" required />
          <In form="visit" name="visitorName" label={t('field.visitorName')} required />
          <In form="visit" name="visitorIdNumber" label={t('field.visitorIdNumber')} />
          <In form="visit" name="visitorAddress" label={t('field.visitorAddress')} required />
          <In form="visit" name="peopleCount" label={t('reception.peopleCount')} type="int" value="1" required hint={t('reception.groupHint')} />
          <Choose form="visit" name="kind" label={t('field.kind')} options={KINDS.map((k) => [k, t(`field.kind.${k}`)])} />
          <In form="visit" name="summary" label={t('field.summary')} type="long" required />
        </Capture>
        <Capture kind="tally" path="/api/v1/community-decisions/{decisionId}/tally" options={options.decisions}>
          <Choose form="tally" name="decisionId" label={t('field.decision')} options={options.decisions ?? []} />
          <In form="tally" name="householdsPresent" label={t('field.householdsPresent')} type="int" />
          <In form="tally" name="yes" label={t('field.yes')} type="int" required />
          <In form="tally" name="no" label={t('field.no')} type="int" required />
          <In form="tally" name="other" label={t('field.other')} type="int" required value="0" />
          <In form="tally" name="team" label={t('field.team')} type="lines" hint={t('field.lines')} />
          <In form="tally" name="witnesses" label={t('field.witnesses')} type="lines" hint={t('field.lines')} />
        </Capture>
        <Capture kind="case" path="/api/v1/mediation-cases" options={options.teams}>
          <Choose form="case" name="teamId" label={t('field.mediationTeam')} options={options.teams ?? []} />
          <In form="case" name="assignedOn" label={t('field.assignedOn')} type="date" required />
          <In form="case" name="parties" label={t('field.parties')} type="lines" required />
          <In form="case" name="summary" label={t('field.summary')} type="long" required />
        </Capture>
        <Capture kind="session" path="/api/v1/mediation-cases/{caseId}/sessions" options={options.cases}>
          <Choose form="session" name="caseId" label={t('field.case')} options={options.cases ?? []} />
          <In form="session" name="heldOn" label={t('field.heldOn')} type="date" required />
          <In form="session" name="note" label={t('field.note')} type="long" required />
        </Capture>
        <Capture kind="evidence" path="/api/v1/tasks/{taskId}/updates" multipart options={options.tasks}>
          <Choose form="evidence" name="taskId" label={t('field.task')} options={options.tasks ?? []} />
          <In form="evidence" name="file" label={t('field.photoFile')} type="file" required />
          <In form="evidence" name="note" label={t('field.note')} type="long" required />
          <In form="evidence" name="progress" label={t('field.progress')} type="int" />
          <input type="hidden" name="whileOpen" value="1" data-type="text" />
        </Capture>
        <Capture kind="notice" path="/api/v1/disclosures/{disclosureId}/photos" multipart options={options.disclosures}>
          <Choose form="notice" name="disclosureId" label={t('field.disclosure')} options={options.disclosures ?? []} />
          <In form="notice" name="file" label={t('field.photoFile')} type="file" required />
        </Capture>
      </div>
      {scripts}
    </>
  );
}
