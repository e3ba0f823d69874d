import { Csrf, ErrorSummary, Field, Select, Table, useT } from '../../../platform/views/components.tsx';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import { PETITION_KINDS } from '../../../domain/petitions/index.ts';
import { REFUSAL_REASONS } from '../reception.service.ts';

type Compliance = { unitId: string; name: string; required: number; held: number; missed: number; ok: boolean; basis: string };
type Log = { id: string; received_on: string; people_count: number; summary: string; kind: string; refused: number; refusal_reason: string | null; petition_id: string | null; reply_due: string | null; unitName: string };

export function ReceptionPage(p: { month: string; rows: Compliance[]; logs: Log[]; units: [string, string][]; values: Record<string, string>; errors?: FieldErrors; dayValues: Record<string, string> }) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <h1>{t('reception.title')}</h1>
      <form method="get" action="/reception"><Field name="month" label={t('reception.month')} values={{ month: p.month }} width="short" /><button type="submit" class="secondary">{t('reception.show')}</button></form>
      <Table caption={t('reception.compliance')} head={[t('petitions.handlingUnit'), t('reception.required'), t('reception.held'), t('reception.missed'), t('reception.basis')]}
        rows={p.rows.map((r) => [r.name, String(r.required), <strong class={r.ok ? 'ok' : 'tag-overdue'}>{r.held}{r.ok ? ' ✓' : ` ✗ ${t('reception.notMet')}`}</strong>, String(r.missed), r.basis])} />
      <h2>{t('reception.addDay')}</h2>
      <form method="post" action="/reception/days"><Csrf />
        <Select name="unitId" label={t('petitions.handlingUnit')} values={p.dayValues} options={p.units} />
        <Field name="onDate" label={t('reception.onDate')} values={p.dayValues} width="short" />
        <Field name="headName" label={t('reception.headName')} values={p.dayValues} />
        <Select name="held" label={t('reception.heldQ')} values={p.dayValues} options={[['1', t('reception.yes')], ['0', t('reception.no')]]} />
        <Field name="note" label={t('reception.note')} values={p.dayValues} />
        <button type="submit">{t('reception.save')}</button>
      </form>
      <h2>{t('reception.logVisit')}</h2>
      <form method="post" action="/reception/visits" id="visit-form"><Csrf />
        <Select name="unitId" label={t('petitions.handlingUnit')} values={p.values} errors={p.errors} options={p.units} />
        <Field name="receivedOn" label={t('petitions.receivedOn')} values={p.values} errors={p.errors} width="short" />
        <Field name="visitorName" label={t('petitions.senderName')} values={p.values} errors={p.errors} />
        <Field name="visitorIdNumber" label={t('petitions.senderIdNumber')} values={p.values} errors={p.errors} width="short" />
        <Field name="visitorAddress" label={t('petitions.senderAddress')} values={p.values} errors={p.errors} />
        <Field name="peopleCount" label={t('reception.peopleCount')} hint={t('reception.groupHint')} values={p.values} errors={p.errors} type="number" width="short" />
        <Select name="kind" label={t('petitions.kind')} values={p.values} errors={p.errors} options={PETITION_KINDS.map((k): [string, string] => [k, t(`petitions.kind.${k}`)])} />
        <Field name="summary" label={t('petitions.content')} values={p.values} errors={p.errors} />
        <Field name="handling" label={t('reception.handling')} values={p.values} errors={p.errors} />
        <div class="field"><label><input type="checkbox" name="refused" value="1" checked={p.values.refused === '1'} /> {t('reception.refused')}</label></div>
        <Select name="refusalReason" label={t('reception.refusalReason')} values={p.values} errors={p.errors} options={[['', '—'], ...REFUSAL_REASONS.map((r): [string, string] => [r, t(`reception.refusal.${r}`)])]} />
        <button type="submit">{t('reception.save')}</button>
      </form>
      <Table caption={t('reception.log')} head={[t('petitions.receivedOn'), t('petitions.handlingUnit'), t('reception.peopleCount'), t('petitions.kind'), t('petitions.content'), t('reception.replyDue'), '']}
        rows={p.logs.map((l) => [formatDate(l.received_on), l.unitName, `${l.people_count}${l.people_count >= 5 ? ` (${t('reception.group')})` : ''}`, t(`petitions.kind.${l.kind}`), l.summary,
          formatDate(l.reply_due), l.refused ? t(`reception.refusal.${l.refusal_reason}`) : l.petition_id ? <a href={`/petitions/${l.petition_id}`}>{t('reception.case')}</a> : ''])} />
    </>
  );
}
