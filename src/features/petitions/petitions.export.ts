import type { Db } from '../../platform/db/index.ts';
import { formatDate, type T } from '../../platform/i18n/index.ts';
import { sealer } from '../../platform/crypto/index.ts';
import { listPetitions, type ListFilter } from './petitions.repository.ts';
import { isOverdue } from './petitions.present.ts';
import { receptionLogs, type LogFilter } from './reception.service.ts';

import type { Cell } from '../../platform/http/tables.ts';

export { sendTable, toXlsx, XLSX } from '../../platform/http/tables.ts';

/** Sender as an export shows it: sealed cases never carry the identity. */
function senderCell(t: T, p: { sealed: number; anonymous: number; sender_sealed: string | null }): string {
  if (p.sealed) return t('petitions.sealedShort');
  if (p.anonymous || !p.sender_sealed) return t('petitions.anonymousShort');
  const s = JSON.parse(sealer().open(p.sender_sealed)) as { name: string | null; address: string | null };
  return [s.name, s.address].filter(Boolean).join(', ');
}

/** The petitions list as a table (the caller's scope and filters), for CSV / XLSX. */
export async function petitionsTable(db: Db, t: T, f: ListFilter): Promise<{ head: string[]; rows: Cell[][] }> {
  const rows = await listPetitions(db, { ...f, limit: 10_000 });
  const ids = rows.map((r) => r.id);
  const extra = ids.length ? await db.selectFrom('petitions').innerJoin('units', 'units.id', 'petitions.handling_unit_id')
    .select(['petitions.id', 'petitions.sealed', 'petitions.anonymous', 'petitions.sender_sealed', 'units.full_name', 'petitions.resolved_on', 'petitions.document_number']).where('petitions.id', 'in', ids).execute() : [];
  const by = new Map(extra.map((e) => [e.id, e]));
  const head = ['petitions.code', 'petitions.receivedOn', 'petitions.channel', 'petitions.titleField', 'petitions.kind', 'petitions.field', 'petitions.status', 'petitions.handlingUnit', 'petitions.dueOn', 'petitions.overdue', 'petitions.resolvedOn', 'petitions.documentNumber', 'petitions.sender'].map((k) => t(k));
  return {
    head,
    rows: rows.map((r) => {
      const e = by.get(r.id)!;
      return [r.tracking_code, formatDate(r.received_on), t(`petitions.ch.${r.channel}`), r.title, t(`petitions.kind.${r.kind ?? 'unknown'}`), r.field ? t(`petitions.field.${r.field}`) : '',
        t(`petitions.st.${r.status}`), e.full_name, formatDate(r.due_on), isOverdue(r) ? t('reception.yes') : '', formatDate(e.resolved_on), e.document_number ?? '', senderCell(t, e)];
    }),
  };
}

/** The reception log (LTCD Art. 25(2) fields) as a table; a denouncer's identity stays sealed. */
export async function receptionTable(db: Db, t: T, f: LogFilter): Promise<{ head: string[]; rows: Cell[][] }> {
  const logs = await receptionLogs(db, f);
  const head = ['reception.serial', 'petitions.receivedOn', 'petitions.handlingUnit', 'petitions.senderName', 'petitions.senderAddress', 'reception.peopleCount', 'petitions.kind', 'petitions.content',
    'reception.priorHandling', 'reception.requests', 'reception.handling', 'reception.refusalReason', 'petitions.code', 'reception.replyDue', 'reception.repliedOn', 'reception.replyOverdue'].map((k) => t(k));
  return {
    head,
    rows: logs.map((l, i) => [i + 1, formatDate(l.receivedOn), l.unitName, l.visitor.sealed ? t('petitions.sealedShort') : l.visitor.name, l.visitor.sealed ? t('petitions.sealedShort') : l.visitor.address,
      l.peopleCount, t(`petitions.kind.${l.kind}`), l.summary, l.priorHandling ?? '', l.requests ?? '', l.handling ?? '', l.refusalReason ? t(`reception.refusal.${l.refusalReason}`) : '', l.trackingCode ?? '',
      formatDate(l.replyDue), formatDate(l.repliedOn), l.replyOverdue ? t('reception.yes') : '']),
  };
}
