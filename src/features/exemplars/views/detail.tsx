import { formatDate, formatDateTime } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { Csrf, ErrorSummary, Field, Select, useT } from '../../../platform/views/components.tsx';
import { COMMENDATION_FORMS, REGISTRATION_ITEMS } from '../../../domain/exemplars/forms.ts';
import type { WorkflowAction } from '../../../domain/exemplars/workflow.ts';
import type { Commendation, EntryView, Recognition } from '../exemplars.repository.ts';
import { TextArea } from './entry-form.tsx';

export interface DetailProps {
  entry: EntryView;
  recognitions: Recognition[];
  commendations: Commendation[];
  replications: { toUnitName: string; on: string }[];
  files: { id: string; name: string; purpose: string }[];
  history: { action: string; from_status: string | null; to_status: string; note: string | null; at: string; display_name: string | null }[];
  actions: { action: WorkflowAction; levels?: string[] }[];
  canCarryOver: boolean;
  canEdit?: boolean;
  /** The campaign's criteria set at the version the entry was registered under. */
  criteria?: { campaignName: string; criteria: string[] };
  units: [string, string][];
  errors?: FieldErrors;
  values?: Record<string, string>;
  failedAction?: string;
}

/** Status as a coloured tag. */
export function StatusTag({ status }: { status: string }) {
  const t = useT();
  const colour = ['recognised', 'typical', 'commended', 'replicated'].includes(status) ? 'green' : ['rejected', 'discontinued', 'returned'].includes(status) ? 'red' : status === 'draft' ? 'grey' : '';
  return <span class={`tag ${colour}`}>{t(`exemplars.status.${status}`)}</span>;
}

function ActionForm({ id, action, levels, units, errors, values }: { id: string; action: WorkflowAction; levels?: string[]; units: [string, string][]; errors?: FieldErrors; values: Record<string, string> }) {
  const t = useT();
  const fields = {
    propose: <><TextArea name="resultsReport" label={t('exemplars.resultsReport')} values={values} errors={errors} /><Field name="reviewVote.for" label={t('exemplars.voteFor')} values={values} errors={errors} width="short" /><Field name="reviewVote.total" label={t('exemplars.voteTotal')} values={values} errors={errors} width="short" /><div class="field"><label for="f-dossier">{t('exemplars.dossier')}</label><input id="f-dossier" type="file" name="dossier" multiple /></div></>,
    recognize: <><Select name="level" label={t('exemplars.level')} values={values} errors={errors} options={(levels ?? []).map((l) => [l, t(`exemplars.level.${l}`)])} /><Field name="decisionNumber" label={t('exemplars.decisionNumber')} values={values} errors={errors} /><Field name="decisionOn" label={t('exemplars.decisionOn')} values={values} errors={errors} width="short" /></>,
    commend: <><Select name="form" label={t('exemplars.commendFormLabel')} values={values} errors={errors} options={COMMENDATION_FORMS.map((f) => [f, t(`exemplars.commendForm.${f}`)])} /><Field name="issuer" label={t('exemplars.issuer')} values={values} errors={errors} /><Field name="decisionNumber" label={t('exemplars.decisionNumber')} values={values} errors={errors} /><Field name="decisionOn" label={t('exemplars.decisionOn')} values={values} errors={errors} width="short" /></>,
    replicate: <Select name="toUnitId" label={t('exemplars.toUnit')} values={values} errors={errors} options={units} />,
    discontinue: <TextArea name="reason" label={t('exemplars.reason')} values={values} errors={errors} rows={2} />,
    return: <TextArea name="note" label={t('exemplars.note')} values={values} errors={errors} rows={2} />,
    reject: <TextArea name="note" label={t('exemplars.note')} values={values} errors={errors} rows={2} />,
  } as Partial<Record<WorkflowAction, unknown>>;
  const body = fields[action];
  const enctype = action === 'propose' ? 'multipart/form-data' : undefined;
  const form = (
    <form method="post" action={`/exemplars/${id}/${action}`} enctype={enctype} novalidate>
      <Csrf />
      {body as never}
      <button type="submit" class={action === 'reject' || action === 'discontinue' ? 'button warning' : undefined}>{t(`exemplars.action.${action}`)}</button>
    </form>
  );
  return body ? <details open={!!errors}><summary>{t(`exemplars.action.${action}`)}</summary>{form}</details> : form;
}

/** The entry page for officials: facts, registration sheet, outcomes, files, history and the allowed actions. */
export function EntryDetail(p: DetailProps) {
  const t = useT();
  const e = p.entry;
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <p class="muted">{e.code} · {e.year}</p>
      <h1>{e.name} <StatusTag status={e.status} /></h1>
      <dl class="summary">
        <dt>{t('exemplars.kindLabel')}</dt><dd>{t(`exemplars.kind.${e.kind}`)} · {t(`exemplars.subject.${e.subject}`)}{e.personName && ` · ${e.personName}`}</dd>
        <dt>{t('exemplars.fieldLabel')}</dt><dd>{t(`exemplars.field.${e.field}`)} · {t(`exemplars.track.${e.track}`)}</dd>
        <dt>{t('exemplars.unit')}</dt><dd>{e.unitName}</dd>
        <dt>{t('exemplars.showcase.place')}</dt><dd>{[e.village, e.communeName].filter(Boolean).join(', ') || '—'}</dd>
        {e.level && <><dt>{t('exemplars.level')}</dt><dd>{t(`exemplars.level.${e.level}`)}</dd></>}
        {e.vote && <><dt>{t('exemplars.resultsReport')}</dt><dd>{e.resultsReport}<br /><span class="muted">{t('exemplars.vote', e.vote)}</span></dd></>}
        {e.statusNote && <><dt>{t('exemplars.note')}</dt><dd>{e.statusNote}</dd></>}
        {e.previousEntryId && <><dt>{t('exemplars.previous')}</dt><dd><a href={`/exemplars/${e.previousEntryId}`}>{e.previousEntryId.slice(0, 8)}</a></dd></>}
      </dl>
      {p.canEdit && <p><a href={`/exemplars/${e.id}/edit`} class="button secondary">{t('exemplars.action.edit')}</a></p>}
      {p.actions.length > 0 && <section><h2>{t('exemplars.actions')}</h2><div class="actions">{p.actions.map((a) => <ActionForm id={e.id} action={a.action} levels={a.levels} units={p.units} values={p.failedAction === a.action ? p.values ?? {} : {}} errors={p.failedAction === a.action ? p.errors : undefined} />)}</div></section>}
      {p.canCarryOver && <form method="post" action={`/exemplars/${e.id}/carry-over`} class="inline"><Csrf /><input type="hidden" name="year" value={String(e.year + 1)} /><button type="submit" class="button secondary">{t('exemplars.action.carry-over')} ({e.year + 1})</button></form>}
      {p.criteria && e.criteriaVersion !== null && <details><summary>{t('exemplars.criteriaApplied', { name: p.criteria.campaignName, v: e.criteriaVersion })}</summary><ol>{p.criteria.criteria.map((x) => <li>{x}</li>)}</ol></details>}
      <h2>{t('exemplars.registrationSheet')}</h2>
      <dl class="summary">{REGISTRATION_ITEMS.map((k) => <><dt>{t(`exemplars.reg.${k}`)}</dt><dd>{e.registration[k]}</dd></>)}</dl>
      {p.recognitions.length > 0 && <><h2>{t('exemplars.recognitions')}</h2><ul>{p.recognitions.map((r) => <li>{t('exemplars.showcase.recognisedBy', { level: t(`exemplars.level.${r.level}`), number: r.decisionNumber, date: formatDate(r.decisionOn) })} · {r.body}</li>)}</ul></>}
      {p.commendations.length > 0 && <><h2>{t('exemplars.commendations')}</h2><ul>{p.commendations.map((c) => <li>{t(`exemplars.commendForm.${c.form}`)} · {c.issuer} · {c.decisionNumber} · {formatDate(c.decisionOn)}</li>)}</ul></>}
      {p.replications.length > 0 && <><h2>{t('exemplars.replications')}</h2><ul>{p.replications.map((r) => <li>{r.toUnitName} · {formatDate(r.on)}</li>)}</ul></>}
      {p.files.length > 0 && <><h2>{t('exemplars.files')}</h2><ul>{p.files.map((f) => <li><a href={`/exemplars/${e.id}/files/${f.id}`}>{f.name}</a> <span class="muted">({f.purpose})</span></li>)}</ul></>}
      {e.pressLinks.length > 0 && <><h2>{t('exemplars.showcase.press')}</h2><ul>{e.pressLinks.map((l) => <li><a href={l.url} rel="noopener noreferrer">{l.outlet}</a></li>)}</ul></>}
      <h2>{t('exemplars.history')}</h2>
      <ol>{p.history.map((h) => <li>{formatDateTime(h.at)} · {t(`exemplars.action.${h.action}`)} → {t(`exemplars.status.${h.to_status}`)}{h.display_name && ` · ${h.display_name}`}{h.note && <span class="muted"> · {h.note}</span>}</li>)}</ol>
    </>
  );
}
