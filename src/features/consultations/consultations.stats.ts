import type { Db } from '../../platform/db/index.ts';
import { commentCounts, findConsultations } from './consultations.repository.ts';

/** Numbers for reports: consultations opened in [from, to], closed, comments received and accepted (fully or partly). */
export async function consultationStats(db: Db, unitIds: string[] | 'all', from: string, to: string) {
  const rows = await findConsultations(db, unitIds, { from, to, limit: 100000 });
  const counts = await commentCounts(db, rows.map((r) => r.id));
  let received = 0;
  let accepted = 0;
  for (const n of counts.values()) { received += n.received; accepted += n.accepted; }
  return { held: rows.length, closed: rows.filter((r) => r.status === 'closed').length, commentsReceived: received, commentsAccepted: accepted };
}
