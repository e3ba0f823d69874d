import { Csrf, Field, Select, Table, useT } from '../../../platform/views/components.tsx';
import { formatDate, formatDateTime } from '../../../platform/i18n/index.ts';
import { canStep, PETITION_FIELDS, PETITION_KINDS, type PetitionKind, type Status, type Step } from '../../../domain/petitions/index.ts';
import type { CaseView } from '../petitions.present.ts';
import { answerText } from './public.tsx';

type Row = { id: string; tracking_code: string; kind: string | null; status: string; received_on: string; due_on: string | null; title: string; overdue: boolean; unitName: string };

export function CaseList({ rows, risks }: { rows: Row[]; risks: { trackingCode: string; id: string; names: string[] }[] }) {
  const t = useT();
  return (
    <>
      <h1>{t('petitions.title')}</h1>
      <p><a href="/petitions/new">{t('petitions.new')}</a> · <a href="/reception">{t('reception.nav')}</a> · <a href="/petitions/dashboard">{t('petitions.dashboard')}</a> · <a href="/petitions?overdue=true">{t('petitions.overdue')}</a></p>
      <Table head={[t('petitions.code'), t('petitions.titleField'), t('petitions.kind'), t('petitions.status'), t('petitions.handlingUnit'), t('petitions.receivedOn'), t('petitions.dueOn')]}
        empty={t('petitions.empty')}
        rows={rows.map((r) => [<a href={`/petitions/${r.id}`}>{r.tracking_code}</a>, r.title, t(`petitions.kind.${r.kind ?? 'unknown'}`), t(`petitions.st.${r.status}`), r.unitName, formatDate(r.received_on),
          <>{formatDate(r.due_on)}{r.overdue && <strong class="tag-overdue"> {t('petitions.overdue')}</strong>}</>])} />
      {risks.length > 0 && <><h2>{t('petitions.risks')}</h2><ul id="risks">{risks.map((r) => <li><a href={`/petitions/${r.id}`}>{r.trackingCode}</a>: {r.names.join(' → ')}</li>)}</ul></>}
    </>
  );
}

const act = (id: string, name: string, children: unknown, label: string) => (
  <section><h3>{label}</h3><form method="post" action={`/petitions/${id}/${name}`}><Csrf />{children as never}<div><button type="submit">{label}</button></div></form></section>
);
const OUTCOMES = ['answered', 'upheld', 'partly-upheld', 'rejected', 'concluded'];

export function CaseDetail({ p, names, units, canHandle, canReveal }: { p: CaseView; names: Map<string, string>; units: [string, string][]; canHandle: boolean; canReveal: boolean }) {
  const allowed = (s: Step) => canHandle && canStep(s, p.status as Status, p.kind as PetitionKind | null, p.extensions);
  const t = useT();
  const sender = p.sender && 'sealed' in p.sender ? t('petitions.sealed') : p.sender ? [p.sender.name, p.sender.address, p.sender.phone, p.sender.email].filter(Boolean).join(' · ') : '—';
  return (
    <>
      <h1>{p.trackingCode} · {p.title}</h1>
      <dl class="summary">
        <dt>{t('petitions.status')}</dt><dd id="status">{t(`petitions.st.${p.status}`)}{p.overdue && <strong> · {t('petitions.overdue')}</strong>}</dd>
        <dt>{t('petitions.kind')}</dt><dd>{t(`petitions.kind.${p.kind ?? 'unknown'}`)}</dd>
        <dt>{t('petitions.field')}</dt><dd>{p.field ? t(`petitions.field.${p.field}`) : '—'}</dd>
        <dt>{t('petitions.channel')}</dt><dd>{t(`petitions.ch.${p.channel}`)}</dd>
        <dt>{t('petitions.handlingUnit')}</dt><dd>{names.get(p.handlingUnitId)}</dd>
        <dt>{t('petitions.sender')}</dt><dd id="sender">{sender}</dd>
        <dt>{t('petitions.content')}</dt><dd>{p.content}</dd>
        {p.answer && <><dt>{t('petitions.answer')}</dt><dd>{answerText(t, p.answer)}</dd></>}
      </dl>
      <h2>{t('petitions.deadlines')}</h2>
      <Table head={[t('petitions.deadlines'), t('petitions.dueOn'), 'Căn cứ / Basis']} rows={Object.values(p.deadlines).map((d) => [d.title, <span class="due">{formatDate(d.due)}</span>, d.basis])} />
      {p.forwards.length > 0 && <><h2>{t('petitions.forwards')}</h2><ol>{p.forwards.map((f) => <li>{formatDateTime(f.at)}: {names.get(f.fromUnitId)} → {names.get(f.toUnitId)} ({f.reason}; {f.legalStep})</li>)}</ol></>}
      <h2>{t('petitions.history')}</h2>
      <ol>{p.history.map((h) => <li>{formatDateTime(h.at)} · {t(`petitions.ev.${h.event}`)}{h.note ? ` · ${noteText(t, h.event, h.note)}` : ''}</li>)}</ol>
      {canHandle && <div class="actions">
        {allowed('classify') && act(p.id, 'classify', <>
          <Select name="kind" label={t('petitions.kind')} values={{ kind: p.kind ?? '' }} options={PETITION_KINDS.map((k): [string, string] => [k, t(`petitions.kind.${k}`)])} />
          <Select name="field" label={t('petitions.field')} values={{ field: p.field ?? '' }} options={PETITION_FIELDS.map((k): [string, string] => [k, t(`petitions.field.${k}`)])} />
          <label><input type="checkbox" name="remote" value="1" /> {t('petitions.remote')}</label> <label><input type="checkbox" name="complex" value="1" /> {t('petitions.complex')}</label>
        </>, t('petitions.action.classify'))}
        {allowed('forward') && act(p.id, 'forward', <><Select name="toUnitId" label={t('petitions.toUnitId')} options={units} /><Field name="reason" label={t('petitions.reason')} /></>, t('petitions.action.forward'))}
        {allowed('accept') && act(p.id, 'accept', null, t('petitions.action.accept'))}
        {allowed('extend') && act(p.id, 'extend', <><Field name="decisionNumber" label={t('petitions.decisionNumber')} /><Field name="reason" label={t('petitions.reason')} /></>, t('petitions.action.extend'))}
        {allowed('resolve') && act(p.id, 'resolve', <>
          <Select name="outcome" label={t('petitions.outcome')} options={OUTCOMES.map((o): [string, string] => [o, t(`petitions.outcome.${o}`)])} />
          <Field name="documentNumber" label={t('petitions.documentNumber')} /><Field name="summary" label={t('petitions.summary')} /></>, t('petitions.action.resolve'))}
      </div>}
      {canReveal && p.sender && 'sealed' in p.sender && act(p.id, 'reveal', <Field name="reason" label={t('petitions.reason')} />, t('petitions.action.reveal'))}
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
