import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../../platform/http/context.ts';
import { Csrf, ErrorSummary, Field, Select, Table, useT } from '../../../platform/views/components.tsx';
import { formatDate, formatDateTime, inLang } from '../../../platform/i18n/index.ts';
import { findRule } from '../../../domain/deadlines/index.ts';
import { canStep, COMPETENCE, COMPLEXITY_CRITERIA, PETITION_FIELDS, PETITION_KINDS, type PetitionKind, type Status, type Step } from '../../../domain/petitions/index.ts';
import type { CaseView } from '../petitions.present.ts';
import { answerText } from './public.tsx';
import { SUPERVISION_AREAS } from '../../../domain/supervision-areas.ts';
import { ELIGIBILITY_ITEMS } from '../../../domain/petitions/index.ts';
import { ClockHistory, DateField, Notices, TimeBarFields } from './procedure.tsx';
import { DialogueSection } from './dialogue.tsx';

type Row = { id: string; tracking_code: string; kind: string | null; status: string; received_on: string; due_on: string | null; title: string; overdue: boolean; unitName: string };

export function CaseList({ rows, risks, query = '', pager }: { rows: Row[]; risks: { trackingCode: string; id: string; names: string[] }[]; query?: string; pager?: Child }) {
  const t = useT();
  return (
    <>
      <h1>{t('petitions.title')}</h1>
      <p><a href="/petitions/new">{t('petitions.new')}</a> · <a href="/reception">{t('reception.nav')}</a> · <a href="/petitions/dashboard">{t('petitions.dashboard')}</a> · <a href="/petitions?overdue=true">{t('petitions.overdue')}</a> · <a href="/petitions/templates">{t('petitions.templates')}</a></p>
      <p>{t('petitions.export')}: <a href={`/petitions/export.csv${query}`}>{t('petitions.exportCsv')}</a> · <a href={`/petitions/export.xlsx${query}`}>{t('petitions.exportXlsx')}</a></p>
      <Table head={[t('petitions.code'), t('petitions.titleField'), t('petitions.kind'), t('petitions.status'), t('petitions.handlingUnit'), t('petitions.receivedOn'), t('petitions.dueOn')]}
        empty={t('petitions.empty')}
        rows={rows.map((r) => [<a href={`/petitions/${r.id}`}>{r.tracking_code}</a>, r.title, t(`petitions.kind.${r.kind ?? 'unknown'}`), t(`petitions.st.${r.status}`), r.unitName, formatDate(r.received_on),
          <>{formatDate(r.due_on)}{r.overdue && <strong class="tag-overdue"> {t('petitions.overdue')}</strong>}</>])} />
      {pager}
      {risks.length > 0 && <><h2>{t('petitions.risks')}</h2><ul id="risks">{risks.map((r) => <li><a href={`/petitions/${r.id}`}>{r.trackingCode}</a>: {r.names.join(' → ')}</li>)}</ul></>}
    </>
  );
}

const act = (id: string, name: string, children: unknown, label: string) => (
  <section id={`step-${name}`}><h3>{label}</h3><form method="post" action={`/petitions/${id}/${name}`} novalidate><Csrf />{children as never}<div><button type="submit">{label}</button></div></form></section>
);
/** A step form that failed validation: its name, the values typed and the errors. */
export interface StepForm { name: string; values: Record<string, string>; errors: Record<string, string> }
const OUTCOMES = ['answered', 'upheld', 'partly-upheld', 'rejected', 'concluded'];

export function CaseDetail({ p, names, units, canHandle, canReveal, template, resolveTemplate, form }: { p: CaseView; names: Map<string, string>; units: [string, string][]; canHandle: boolean; canReveal: boolean; template: string; resolveTemplate: string; form?: StepForm }) {
  const v = (name: string, dflt: Record<string, string> = {}) => (form?.name === name ? form.values : dflt);
  const e = (name: string) => (form?.name === name ? form.errors : undefined);
  const lang = useRequestContext<AppEnv>().get('lang');
  const allowed = (s: Step) => canHandle && canStep(s, p.status as Status, p.kind as PetitionKind | null, p.extensions) && (s === 'receive' ? p.awaitingReceipt : !(p.awaitingReceipt && (s === 'classify' || s === 'forward' || s === 'extend-triage')));
  const t = useT();
  const sender = p.sender && 'sealed' in p.sender ? t('petitions.sealed') : p.sender ? [p.sender.name, p.sender.address, p.sender.phone, p.sender.email].filter(Boolean).join(' · ') : '—';
  return (
    <>
      <ErrorSummary errors={form?.errors} />
      <h1>{p.trackingCode} · {p.title}</h1>
      <dl class="summary">
        <dt>{t('petitions.status')}</dt><dd id="status">{t(`petitions.st.${p.status}`)}{p.overdue && <strong> · {t('petitions.overdue')}</strong>}</dd>
        <dt>{t('petitions.kind')}</dt><dd>{t(`petitions.kind.${p.kind ?? 'unknown'}`)}</dd>
        <dt>{t('petitions.field')}</dt><dd>{p.field ? t(`petitions.field.${p.field}`) : '—'}</dd>
        <dt>{t('petitions.channel')}</dt><dd>{t(`petitions.ch.${p.channel}`)}</dd>
        <dt>{t('petitions.handlingUnit')}</dt><dd>{names.get(p.handlingUnitId)}</dd>
        <dt>{t('petitions.receivedOn')}</dt><dd>{formatDate(p.receivedOn)}</dd>
        {p.acceptedOn && <><dt>{t('petitions.acceptedOn')}</dt><dd id="accepted-on">{formatDate(p.acceptedOn)}</dd></>}
        <dt>{t('petitions.dueOn')}</dt><dd id="due-on">{formatDate(p.dueOn) || '—'}</dd>
        {p.resolvedOn && <><dt>{t('petitions.resolvedOn')}</dt><dd id="resolved-on">{formatDate(p.resolvedOn)}{p.documentNumber ? ` · ${p.documentNumber}` : ''}</dd></>}
        {p.remote && <><dt>{t('petitions.remote')}</dt><dd>{t('reception.yes')}</dd></>}
        {p.awaitingReceipt && <><dt>{t('petitions.awaitingReceipt')}</dt><dd id="awaiting-receipt">{t('petitions.awaitingReceipt.hint')}</dd></>}
        {p.suspendedOn && <><dt>{t('petitions.suspendedOn')}</dt><dd id="suspended-on">{formatDate(p.suspendedOn)}</dd></>}
        {p.timeBar && <><dt>{t('petitions.timeBar')}</dt><dd id="time-bar">{t(p.timeBar.late ? 'petitions.timeBar.late' : 'petitions.timeBar.ok', { knewOn: formatDate(p.timeBar.knewOn), due: formatDate(p.timeBar.due), days: String(p.timeBar.excludedDays) })}</dd></>}
        {p.resolver && <><dt>{t('petitions.resolver')}</dt><dd id="resolver">{t(`petitions.resolver.${p.resolver.resolver}`)}{p.resolver.routeTo ? ` · ${names.get(p.resolver.routeTo) ?? units.find((u) => u[0] === p.resolver!.routeTo)?.[1] ?? ''}` : ''}{p.resolver.basis ? ` (${p.resolver.basis})` : ''}</dd></>}
        {p.complexityCriteria.length > 0 && <><dt>{t('petitions.criteria')}</dt><dd id="criteria"><ul>{p.complexityCriteria.map((k) => <li>{t(`petitions.criterion.${k}`)}</li>)}</ul></dd></>}
        {p.areas.length > 0 && <><dt>{t('petitions.areas')}</dt><dd>{p.areas.map((c) => SUPERVISION_AREAS.find((a) => a.code === c)?.[lang === 'en' ? 'en' : 'vi'] ?? c).join('; ')}</dd></>}
        {p.duplicateOf && <><dt>{t('petitions.duplicateOf')}</dt><dd id="duplicate"><a href={`/petitions/${p.duplicateOf}`}>{t('petitions.duplicateLink')}</a></dd></>}
        {p.eligibility && <><dt>{t('petitions.eligibility')}</dt><dd id="eligibility"><ul>{ELIGIBILITY_ITEMS.map((k) => <li>{p.eligibility[k] ? '✓' : '✗'} {t(`petitions.elig.${k}`)}</li>)}</ul>{t(`petitions.outcomeTriage.${p.eligibility.outcome}`)}</dd></>}
        <dt>{t('petitions.sender')}</dt><dd id="sender">{sender}</dd>
        <dt>{t('petitions.content')}</dt><dd>{p.content}</dd>
        {p.files.length > 0 && <><dt>{t('petitions.scans')}</dt><dd id="scans">{p.sender && 'sealed' in p.sender && !canReveal
          ? t('petitions.sealed')
          : p.files.map((f, i) => <><a href={`/petitions/${p.id}/files/${f}`}>{t('petitions.scanN', { n: i + 1 })}</a>{' '}</>)}</dd></>}
        {p.answer && <><dt>{t('petitions.answer')}</dt><dd>{answerText(t, p.answer)}</dd></>}
      </dl>
      <h2>{t('petitions.deadlines')}</h2>
      <Table head={[t('petitions.deadlines'), t('petitions.clockStart'), t('petitions.dueOn'), t('reception.basis')]} rows={Object.entries(p.deadlines).filter(([n]) => !n.startsWith('notice.')).map(([, d]) => [inLang(t.lang, d.title, findRule(d.ruleId, d.start)?.titleEn), formatDate(d.start), <span class="due">{formatDate(d.due)}</span>, d.basis])} />
      <ClockHistory entries={p.clockHistory} />
      <Notices id={p.id} clocks={p.deadlines} sent={p.notices} canHandle={canHandle} form={form} />
      {p.kind === 'complaint' && <DialogueSection id={p.id} d={p.dialogue} required={p.dialogueRequired} canSchedule={allowed('dialogue')} form={form} />}
      <h2>{t('petitions.templateNow')}</h2>
      <p class="hint">{t('petitions.templateHint')} <a href={`/petitions/templates?unitId=${p.handlingUnitId}`}>{t('petitions.templates')}</a></p>
      <blockquote class="template" id="template">{template}</blockquote>
      {p.forwards.length > 0 && <><h2>{t('petitions.forwards')}</h2><ol>{p.forwards.map((f) => <li>{formatDateTime(f.at)}: {names.get(f.fromUnitId)} → {names.get(f.toUnitId)} ({f.reason}; {f.legalStep})</li>)}</ol></>}
      <h2>{t('petitions.history')}</h2>
      <ol>{p.history.map((h) => <li>{formatDateTime(h.at)} · {t(`petitions.ev.${h.event}`)}{h.note ? ` · ${noteText(t, h.event, h.note)}` : ''}</li>)}</ol>
      {canHandle && <div class="actions">
        {allowed('classify') && act(p.id, 'classify', <>
          <Select name="kind" label={t('petitions.kind')} values={{ kind: p.kind ?? p.kindHint ?? '' }} options={PETITION_KINDS.map((k): [string, string] => [k, t(`petitions.kind.${k}`)])} />
          <Select name="field" label={t('petitions.field')} values={{ field: p.field ?? '' }} options={PETITION_FIELDS.map((k): [string, string] => [k, t(`petitions.field.${k}`)])} />
          <Select name="instance" label={t('petitions.instance')} values={{ instance: 'first' }} options={[['first', t('petitions.instance.first')], ['second', t('petitions.instance.second')]]} />
          <Select name="competence" label={t('petitions.competence')} values={{ competence: p.competence ?? 'this-unit' }} options={COMPETENCE.map((k): [string, string] => [k, t(`petitions.competence.${k}`)])} />
          <fieldset class="field"><legend>{t('petitions.areas')}</legend>
            {SUPERVISION_AREAS.map((a) => <label class="checkbox"><input type="checkbox" name="areas" value={a.code} checked={p.areas.includes(a.code)} /> {lang === 'en' ? a.en : a.vi}</label>)}
          </fieldset>
          <Select name="accusedUnitId" label={t('petitions.accusedUnitId')} hint={t('petitions.accusedHint')} values={{ accusedUnitId: p.accusedUnitId ?? '' }} options={[['', '—'], ...units]} />
          <div class="field"><label><input type="checkbox" name="remote" value="1" checked={p.remote} /> {t('petitions.remote')}</label> <label><input type="checkbox" name="complex" value="1" checked={p.complex} /> {t('petitions.complex')}</label>
            {p.anonymous && <> <label><input type="checkbox" name="anonymousEvidence" value="1" /> {t('petitions.anonymousEvidence')}</label></>}</div>
          <TimeBarFields values={v('classify', { decisionUnitId: p.decisionUnitId ?? '' })} errors={e('classify')} units={units} />
        </>, t('petitions.action.classify'))}
        {allowed('receive') && act(p.id, 'receive', <DateField name="receivedOn" label={t('petitions.receivedHereOn')} values={v('receive')} errors={e('receive')} />, t('petitions.action.receive'))}
        {allowed('forward') && act(p.id, 'forward', <><Select name="toUnitId" label={t('petitions.toUnitId')} values={v('forward')} errors={e('forward')} options={units} /><Field name="reason" label={t('petitions.reason')} values={v('forward')} errors={e('forward')} /><DateField name="forwardedOn" label={t('petitions.forwardedOn')} values={v('forward')} errors={e('forward')} /></>, t('petitions.action.forward'))}
        {allowed('extend-triage') && p.deadlines.triage && p.deadlines.triage.variant !== 'extended' && act(p.id, 'extend-triage', <Field name="reason" label={t('petitions.reason')} values={v('extend-triage')} errors={e('extend-triage')} />, t('petitions.action.extendTriage'))}
        {allowed('accept') && act(p.id, 'accept', <><DateField name="acceptedOn" label={t('petitions.acceptedOnDoc')} values={v('accept')} errors={e('accept')} /><Field name="decisionNumber" label={t('petitions.decisionNumber')} values={v('accept')} errors={e('accept')} /></>, t('petitions.action.accept'))}
        {allowed('suspend') && act(p.id, 'suspend', <><Field name="decisionNumber" label={t('petitions.decisionNumber')} values={v('suspend')} errors={e('suspend')} /><DateField name="decidedOn" label={t('petitions.decidedOn')} values={v('suspend')} errors={e('suspend')} /><Field name="reason" label={t('petitions.reason')} values={v('suspend')} errors={e('suspend')} /></>, t('petitions.action.suspend'))}
        {allowed('resume') && act(p.id, 'resume', <><Field name="decisionNumber" label={t('petitions.decisionNumber')} values={v('resume')} errors={e('resume')} /><DateField name="decidedOn" label={t('petitions.decidedOn')} values={v('resume')} errors={e('resume')} /></>, t('petitions.action.resume'))}
        {allowed('extend') && act(p.id, 'extend', <><Field name="decisionNumber" label={t('petitions.decisionNumber')} values={v('extend')} errors={e('extend')} /><Field name="reason" label={t('petitions.reason')} values={v('extend')} errors={e('extend')} />
          {p.kind === 'denunciation' && <fieldset class={`field${e('extend')?.criteria ? ' field-error' : ''}`} id="f-criteria"><legend>{t('petitions.criteria')}</legend>
            <p class="hint">{t(p.extensions ? 'petitions.criteria.hintSecond' : 'petitions.criteria.hintFirst')}</p>
            {e('extend')?.criteria && <p class="error-message">{e('extend')!.criteria}</p>}
            {COMPLEXITY_CRITERIA.map((k) => <label class="checkbox"><input type="checkbox" name="criteria" value={k} checked={p.complexityCriteria.includes(k)} /> {t(`petitions.criterion.${k}`)}</label>)}
          </fieldset>}</>, t('petitions.action.extend'))}
        {allowed('resolve') && act(p.id, 'resolve', <>
          <Select name="outcome" label={t('petitions.outcome')} values={v('resolve', { outcome: p.kind === 'denunciation' ? 'concluded' : p.kind === 'complaint' ? 'upheld' : 'answered' })} errors={e('resolve')} options={OUTCOMES.map((o): [string, string] => [o, t(`petitions.outcome.${o}`)])} />
          <Field name="documentNumber" label={t('petitions.documentNumber')} values={v('resolve')} errors={e('resolve')} />
          <DateField name="resolvedOn" label={t('petitions.resolvedOnDoc')} values={v('resolve')} errors={e('resolve')} />
          {p.kind === 'complaint' && p.instance !== 'second' && <div class="field"><label><input type="checkbox" name="verificationDiffers" value="1" /> {t('petitions.dialogue.differs')}</label></div>}
          <div class={`field${e('resolve')?.summary ? ' field-error' : ''}`}>
            <label for="f-summary">{t('petitions.summary')}</label>
            <div class="hint">{t('petitions.summaryHint')}</div>
            {e('resolve')?.summary && <p class="error-message" id="e-summary">{e('resolve')!.summary}</p>}
            <textarea id="f-summary" name="summary" rows={6}>{form?.name === 'resolve' ? form.values.summary ?? '' : resolveTemplate}</textarea>
          </div></>, t('petitions.action.resolve'))}
        {allowed('withdraw') && act(p.id, 'withdraw', <><DateField name="withdrawnOn" label={t('petitions.withdrawnOn')} values={v('withdraw')} errors={e('withdraw')} /><Field name="decisionNumber" label={t('petitions.decisionNumber')} values={v('withdraw')} errors={e('withdraw')} /><Field name="reason" label={t('petitions.reason')} values={v('withdraw')} errors={e('withdraw')} />
          {p.kind === 'denunciation' && <div class="field"><label><input type="checkbox" name="continueResolution" value="1" /> {t('petitions.continueResolution')}</label></div>}</>, t('petitions.action.withdraw'))}
      </div>}
      {canReveal && p.sender && 'sealed' in p.sender && act(p.id, 'reveal', <Field name="reason" label={t('petitions.reason')} values={v('reveal')} errors={e('reveal')} />, t('petitions.action.reveal'))}
    </>
  );
}

/** History notes stored as codes are shown translated. */
function noteText(t: (k: string) => string, event: string, note: string): string {
  if (event === 'received') return t(`petitions.ch.${note}`);
  if (event === 'classified') return t(`petitions.kind.${note}`);
  if (event === 'guided') return t(`petitions.guidance.${note}`);
  return note;
}
