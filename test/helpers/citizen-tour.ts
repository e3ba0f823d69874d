import type { Agent, TestApp } from './app.ts';
import { getUnitByKey } from '../../src/features/units/index.ts';
import { localToday } from '../../src/platform/clock.ts';
import { PUBLIC_STATUSES } from '../../src/domain/exemplars/workflow.ts';

/** One visited citizen page: what was asked and what came back. */
export interface TourStop { path: string; status: number; html: string }

/**
 * Walks the citizen pages of the seeded demo as an anonymous visitor (home, petition form with and
 * without errors, check page, receipt, tracking, board, a disclosure, consultations, a comment with an
 * error, the exemplar showcase and one exemplar). `lang` is sent on the first request only (it is
 * kept in the cookie), as a citizen's browser does.
 */
export async function citizenTour(t: TestApp, agent: Agent, lang?: string): Promise<TourStop[]> {
  const stops: TourStop[] = [];
  const go = async (path: string, res?: Response) => {
    const r = res ?? (await agent.get(path));
    stops.push({ path, status: r.status, html: await r.text() });
    return r;
  };
  await go(lang ? `/?lang=${lang}` : '/');
  const commune = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
  await go('/public/petitions/new');
  const petition = { senderName: 'Nguyễn Văn Thử', senderAddress: 'Tổ 1, Phường Pleiku', title: 'Đèn đường hỏng', content: 'Đèn đường tổ 1 hỏng đã lâu, đề nghị sửa.', addressedUnitId: commune };
  await go('/public/petitions/check (errors)', await agent.post('/public/petitions/check', { title: '' }));
  await go('/public/petitions/check', await agent.post('/public/petitions/check', petition));
  await t.db.deleteFrom('petition_intake_attempts').execute();
  const sent = await agent.post('/public/petitions', petition);
  const receipt = sent.headers.get('location') ?? '/public/petitions/none/receipt';
  await go(receipt);
  const m = /\/public\/petitions\/([^/]+)\/receipt\?key=(.*)$/.exec(receipt);
  await go('/public/petitions/track');
  if (m) await go(`/public/petitions/track?code=${m[1]}&key=${m[2]}`);
  await go('/board');
  await go('/board?q=pleiku');
  await go(`/board/${commune}`);
  const d = await t.db.selectFrom('disclosures').select('id').where('unit_id', '=', commune).executeTakeFirst();
  if (d) await go(`/board/d/${d.id}`);
  await go(`/consult/unit/${commune}`);
  const today = localToday();
  const open = await t.db.selectFrom('consultations').select('id').where('status', '=', 'open').where('opens_on', '<=', today).where('closes_on', '>=', today).executeTakeFirst();
  if (open) {
    await go(`/consult/${open.id}`);
    await go('/public/consult/comments (errors)', await agent.post(`/public/consult/${open.id}/comments`, { text: '' }));
  }
  await go('/showcase/exemplars');
  const e = await t.db.selectFrom('exemplar_entries').select('id').where('status', 'in', [...PUBLIC_STATUSES]).executeTakeFirst();
  if (e) await go(`/showcase/exemplars/${e.id}`);
  return stops;
}
