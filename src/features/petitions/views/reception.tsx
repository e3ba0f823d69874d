import { Csrf, ErrorSummary, Field, Select, Table, useT } from '../../../platform/views/components.tsx';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import { PETITION_KINDS } from '../../../domain/petitions/index.ts';
import { REFUSAL_REASONS, REPLY_OUTCOMES, type LogView } from '../reception.service.ts';

type Compliance = { unitId: string; name: string; required: number; held: number; byDeputy: number; deputyNotCounted: number; missed: number; ok: boolean; basis: string };

export function ReceptionPage(p: { month: string; rows: Compliance[]; logs: LogView[]; units: [string, string][]; values: Record<string, string>; errors?: FieldErrors; dayValues: Record<string, string>; dayErrors?: FieldErrors; today: string }) {
  const t = useT();
  const q = `?month=${p.month}`;
  return (
    <>
      <ErrorSummary errors={{ ...p.dayErrors, ...p.errors }} />
      <h1>{t('reception.title')}</h1>
      <form method="get" action="/reception"><Field name="month" label={t('reception.month')} values={{ month: p.month }} width="short" /><button type="submit" class="secondary">{t('reception.show')}</button></form>
      <Table caption={t('reception.compliance')} head={[t('petitions.handlingUnit'), t('reception.required'), t('reception.held'), t('reception.byDeputy'), t('reception.missed'), t('reception.basis')]}
        rows={p.rows.map((r) => [r.name, String(r.required), <strong class={r.ok ? 'ok' : 'tag-overdue'}>{r.held}{r.ok ? ' ✓' : ` ✗ ${t('reception.notMet')}`}</strong>,
          <>{r.byDeputy}{r.deputyNotCounted > 0 && <span class="muted"> ({t('reception.deputyNotCounted', { n: r.deputyNotCounted })})</span>}</>, String(r.missed), r.basis])} />
      <p class="hint">{t('reception.complianceHint')}</p>
      <h2>{t('reception.addDay')}</h2>
      <form method="post" action="/reception/days" id="day-form"><Csrf />
        <Select name="unitId" label={t('petitions.handlingUnit')} values={p.dayValues} errors={p.dayErrors} options={p.units} />
        <Field name="onDate" label={t('reception.onDate')} hint={t('petitions.dateHint')} values={p.dayValues} errors={p.dayErrors} width="short" />
        <Field name="headName" label={t('reception.headName')} values={p.dayValues} errors={p.dayErrors} />
        <Select name="held" label={t('reception.heldQ')} values={p.dayValues} errors={p.dayErrors} options={[['1', t('reception.yes')], ['0', t('reception.no')]]} />
        <Select name="heldBy" label={t('reception.heldBy')} hint={t('reception.heldByHint')} values={p.dayValues} errors={p.dayErrors} options={[['head', t('reception.heldBy.head')], ['deputy', t('reception.heldBy.deputy')]]} />
        <Field name="note" label={t('reception.note')} values={p.dayValues} errors={p.dayErrors} />
        <button type="submit">{t('reception.save')}</button>
      </form>
      <h2>{t('reception.logVisit')}</h2>
      <form method="post" action="/reception/visits" id="visit-form"><Csrf />
        <Select name="unitId" label={t('petitions.handlingUnit')} values={p.values} errors={p.errors} options={p.units} />
        <Field name="receivedOn" label={t('petitions.receivedOn')} hint={t('petitions.dateHint')} values={p.values} errors={p.errors} width="short" />
        <Field name="visitorName" label={t('petitions.senderName')} values={p.values} errors={p.errors} />
        <Field name="visitorIdNumber" label={t('petitions.senderIdNumber')} values={p.values} errors={p.errors} width="short" />
        <Field name="visitorAddress" label={t('petitions.senderAddress')} values={p.values} errors={p.errors} />
        <Field name="peopleCount" label={t('reception.peopleCount')} hint={t('reception.groupHint')} values={p.values} errors={p.errors} type="number" width="short" />
        <Select name="kind" label={t('petitions.kind')} values={p.values} errors={p.errors} options={PETITION_KINDS.map((k): [string, string] => [k, t(`petitions.kind.${k}`)])} />
        <Field name="summary" label={t('petitions.content')} values={p.values} errors={p.errors} />
        <Field name="priorHandling" label={t('reception.priorHandling')} values={p.values} errors={p.errors} />
        <Field name="requests" label={t('reception.requests')} values={p.values} errors={p.errors} />
        <Field name="handling" label={t('reception.handling')} values={p.values} errors={p.errors} />
        <div class="field"><label><input type="checkbox" name="refused" value="1" checked={p.values.refused === '1'} /> {t('reception.refused')}</label></div>
        <Select name="refusalReason" label={t('reception.refusalReason')} values={p.values} errors={p.errors} options={[['', '—'], ...REFUSAL_REASONS.map((r): [string, string] => [r, t(`reception.refusal.${r}`)])]} />
        <button type="submit">{t('reception.save')}</button>
      </form>
      <h2 id="log">{t('reception.log')}</h2>
      <p><a href={`/reception/log.csv${q}`}>{t('petitions.exportCsv')}</a> · <a href={`/reception/log.xlsx${q}`}>{t('petitions.exportXlsx')}</a></p>
      <Table head={[t('reception.serial'), t('petitions.receivedOn'), t('petitions.handlingUnit'), t('petitions.senderName'), t('reception.peopleCount'), t('petitions.kind'), t('petitions.content'), t('reception.replyDue'), '']}
        empty={t('reception.emptyLog')}
        rows={p.logs.map((l, i) => [String(i + 1), formatDate(l.receivedOn), l.unitName, l.visitor.sealed ? t('petitions.sealedShort') : `${l.visitor.name}, ${l.visitor.address}`,
          `${l.peopleCount}${l.group ? ` (${t('reception.group')})` : ''}`, t(`petitions.kind.${l.kind}`), l.summary,
          <>{formatDate(l.replyDue)}{l.repliedOn && <> · {t('reception.repliedOn')} {formatDate(l.repliedOn)}{l.replyOutcome && ` (${t(`reception.reply.${l.replyOutcome}`)})`}</>}{l.replyOverdue && <strong class="tag-overdue"> {t('petitions.overdue')}</strong>}
            {l.replyDue && !l.repliedOn && <form method="post" action={`/reception/visits/${l.id}/reply`} class="inline-form"><Csrf />
              <Field name="repliedOn" label={t('reception.repliedOn')} values={{ repliedOn: p.today }} width="short" />
              <Select name="outcome" label={t('reception.replyOutcome')} options={REPLY_OUTCOMES.map((o): [string, string] => [o, t(`reception.reply.${o}`)])} />
              <button type="submit" class="secondary">{t('reception.recordReply')}</button></form>}</>,
          l.refused ? t(`reception.refusal.${l.refusalReason}`) : l.petitionId ? <a href={`/petitions/${l.petitionId}`}>{l.trackingCode ?? t('reception.case')}</a> : ''])} />
    </>
  );
}
