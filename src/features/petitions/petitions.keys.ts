import type { Db } from '../../platform/db/index.ts';
import { inTransaction, record, SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { sealer } from '../../platform/crypto/index.ts';

/** Key rotation: re-seals every identity not under the current key (run after putting the new key first in SEAL_KEYS). */
export async function resealAll(db: Db): Promise<{ petitions: number; receptionLogs: number }> {
  const s = sealer();
  const out = { petitions: 0, receptionLogs: 0 };
  const ps = await db.selectFrom('petitions').select(['id', 'sender_sealed']).where('sender_sealed', 'is not', null).execute();
  const ls = await db.selectFrom('reception_logs').select(['id', 'visitor_sealed']).execute();
  await inTransaction(db, async (trx) => {
    for (const p of ps) if (p.sender_sealed && s.needsReseal(p.sender_sealed)) {
      await trx.updateTable('petitions').set({ sender_sealed: s.reseal(p.sender_sealed) }).where('id', '=', p.id).execute();
      out.petitions++;
    }
    for (const l of ls) if (s.needsReseal(l.visitor_sealed)) {
      await trx.updateTable('reception_logs').set({ visitor_sealed: s.reseal(l.visitor_sealed) }).where('id', '=', l.id).execute();
      out.receptionLogs++;
    }
    await record(trx, SYSTEM_ACTOR, { action: 'petitions.reseal', subjectType: 'seal_key', subjectId: s.current.version, changes: out });
  });
  return out;
}
