import { Hono } from 'hono';
import type { z } from 'zod';
import { allow, can, mayEnter, scopeOf } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { notFound, type Result } from '../../platform/http/errors.ts';
import { sendFile } from '../../platform/files/index.ts';
import { formValues, readForm, type FieldErrors } from '../../platform/http/validate.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { Table } from '../../platform/views/components.tsx';
import { foldVietnamese } from '../../domain/text/normalize.ts';
import { ancestorIds, unitIdsInScope } from '../units/index.ts';
import { explain, scopeFor } from '../community/index.ts';
import { boardFor, onUnit, recommendationFor } from './boards.access.ts';
import { activities, activityPhotos, boardMembers, listBoards, recommendations, villagesOf } from './boards.repository.ts';
import { activityInput, answerInput, boardInput, dissolveInput, recommendationInput } from './boards.schema.ts';
import { addActivity, addRecommendation, answerRecommendation, createBoard, dissolveBoard } from './boards.service.ts';
import { BoardForm, BoardPage, QuarterTags, RecommendationTable } from './views/board.tsx';

export const boardPages = new Hono<AppEnv>();

boardPages.get('/boards', allow('boards.view'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const boards = await listBoards(db, await scopeFor(c, 'boards.view'));
  const titles = new Map(boards.map((b) => [b.id, b]));
  const open = (await recommendations(db, boards.map((b) => b.id))).filter((r) => !r.answered_on);
  const canManage = mayEnter(c.get('user'), 'boards.manage');
  const acts = boards.length ? await db.selectFrom('board_activities').select(['board_id', 'kind', 'held_on']).where('board_id', 'in', boards.map((b) => b.id)).where('kind', 'in', ['plan', 'report']).execute() : [];
  return c.render(<>
    <h1>{t('boards.title')}</h1>
    <p>{t('boards.intro')}</p>
    {canManage && <p class="actions"><a class="button" href="/boards/new">{t('boards.new')}</a></p>}
    <Table caption={t('boards.list')} empty={t('boards.none')} head={[t('boards.kindLabel'), t('boards.unit'), t('boards.term'), t('boards.statusLabel')]}
      rows={boards.map((b) => [<a href={`/boards/${b.id}`}>{t(`boards.kind.${b.kind}`)}{b.project_title ? `: ${b.project_title}` : ''}</a>, b.unitName, `${formatDate(b.term_start)}${b.term_end ? ` – ${formatDate(b.term_end)}` : ''}`,
        <>{t(`boards.status.${b.status}`)} <QuarterTags kind={b.kind} status={b.status} acts={acts.filter((a) => a.board_id === b.id)} today={localToday()} /></>])} />
    <RecommendationTable recs={open.map((r) => ({ ...r, to_authority: `${r.to_authority} · ${t(`boards.kind.${titles.get(r.board_id)!.kind}`)}` }))} today={localToday()} />
  </>, { title: t('boards.title') });
});

/** Units a manager may set a board up for (communes, departments, public service units). */
async function unitChoices(c: Ctx): Promise<[string, string][]> {
  const { db } = c.get('deps');
  const scope = await unitIdsInScope(db, scopeOf(c.get('user'), 'boards.manage'));
  let q = db.selectFrom('units').select(['id', 'full_name']).where('kind', 'in', ['commune-committee', 'department', 'public-service-unit']).where('valid_to', 'is', null);
  if (scope !== 'all') q = scope.length ? q.where('id', 'in', scope) : q.where('id', '=', '-');
  return (await q.orderBy('full_name').limit(400).execute()).map((u) => [u.id, u.full_name]);
}

/** Members typed one per line: "Họ tên; vai trò (trưởng ban / phó / thành viên); thôn; x = cán bộ xã". */
async function parseMembers(c: Ctx, text: string, unitId: string, on: string) {
  const villages = await villagesOf(c.get('deps').db, unitId, on);
  return text.split(/\r?\n/).map((l) => l.split(';').map((s) => s.trim())).filter((p) => p[0]).map(([name, role = '', village = '', official = '']) => {
    const r = foldVietnamese(role);
    const v = village ? villages.find((x) => foldVietnamese(x.full_name) === foldVietnamese(village) || x.id === village) : undefined;
    return { name, role: /^(head|truong)/.test(r) ? 'head' : /^(deputy|pho)/.test(r) ? 'deputy' : 'member', villageId: v?.id ?? '', isUnitOfficial: /^(x|1|co|yes)$/.test(foldVietnamese(official)) };
  });
}

const renderForm = async (c: Ctx, values: Record<string, string>, errors?: FieldErrors) => {
  if (errors) c.status(400);
  return c.render(<BoardForm units={await unitChoices(c)} values={values} errors={errors} />, { title: c.get('t')('boards.new') });
};

boardPages.get('/boards/new', allow('boards.manage'), (c) => renderForm(c, { kind: 'inspection', termStart: formatDate(localToday()) }));

boardPages.post('/boards/new', allow('boards.manage'), async (c) => {
  const values = await formValues(c);
  await onUnit(c, 'boards.manage', values.unitId ?? '');
  const members = await parseMembers(c, values.members ?? '', values.unitId ?? '', localToday());
  const parsed = boardInput.safeParse({ ...values, members });
  if (!parsed.success) return renderForm(c, values, explain(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message.includes('.') ? i.message : 'validation.invalid'])), c.get('t')));
  const r = await createBoard(c.get('deps').db, actorOf(c), parsed.data);
  if (!r.ok) return renderForm(c, values, explain(r.fields, c.get('t')));
  return c.redirect(`/boards/${r.value}`, 303);
});

async function renderBoard(c: Ctx, id: string, form?: { errors?: FieldErrors; values?: Record<string, string> }) {
  const { db } = c.get('deps');
  const b = await boardFor(c, 'boards.view', id);
  const unit = await db.selectFrom('units').select('full_name').where('id', '=', b.unit_id).executeTakeFirstOrThrow();
  const may = (a: string) => can(c.get('user'), a, b.unit_id, (x) => ancestorIds(db, x));
  if (form?.errors) c.status(400);
  return c.render(<BoardPage b={b} unitName={unit.full_name} members={await boardMembers(db, b.id)} recs={await recommendations(db, [b.id])} acts={await activities(db, b.id)} photos={await activityPhotos(db, b.id)} today={localToday()}
    canRecord={await may('boards.record')} canAnswer={await may('boards.answer')} canManage={await may('boards.manage')} errors={form?.errors} values={form?.values} />, { title: c.get('t')(`boards.kind.${b.kind}`) });
}

boardPages.get('/boards/:id', allow('boards.view'), (c) => renderBoard(c, c.req.param('id')));

type Step = { path: string; action: string; schema: z.ZodType; run: (c: Ctx, boardId: string, data: any) => Promise<Result<unknown>> };
const steps: Step[] = [
  { path: 'recommendations', action: 'boards.record', schema: recommendationInput, run: (c, id, d) => addRecommendation(c.get('deps').db, actorOf(c), id, d) },
  { path: 'dissolution', action: 'boards.manage', schema: dissolveInput, run: (c, id, d) => dissolveBoard(c.get('deps').db, actorOf(c), id, d.on) },
];
for (const s of steps) {
  boardPages.post(`/boards/:id/${s.path}`, allow(s.action), async (c) => {
    const b = await boardFor(c, s.action, c.req.param('id'));
    const form = await readForm(c, s.schema);
    if (!form.ok) return renderBoard(c, b.id, form);
    const r = await s.run(c, b.id, form.data);
    if (!r.ok) return renderBoard(c, b.id, { errors: explain(r.fields ?? { _: 'validation.invalid' }, c.get('t')), values: form.values });
    return c.redirect(`/boards/${b.id}`, 303);
  });
}

/** An activity with its photos (multipart form; JPG/PNG, checked by content). */
boardPages.post('/boards/:id/activities', allow('boards.record'), async (c) => {
  const b = await boardFor(c, 'boards.record', c.req.param('id'));
  const { db, config } = c.get('deps');
  const form = await readForm(c, activityInput);
  if (!form.ok) return renderBoard(c, b.id, form);
  const body = await c.req.parseBody({ all: true });
  const photos = ([] as unknown[]).concat(body.photos ?? []).filter((f): f is File => f instanceof File);
  const r = await addActivity(db, actorOf(c), b.id, form.data, { dataDir: config.dataDir, photos });
  if (!r.ok) return renderBoard(c, b.id, { errors: explain(r.fields ?? { _: 'validation.invalid' }, c.get('t')), values: form.values });
  return c.redirect(`/boards/${b.id}`, 303);
});

/** A photo of an activity of the board (download; the board's readers only). */
boardPages.get('/boards/:id/photos/:fileId', allow('boards.view'), async (c) => {
  const b = await boardFor(c, 'boards.view', c.req.param('id'));
  const { db, config } = c.get('deps');
  const link = await db.selectFrom('board_activity_files').select('file_id').where('board_id', '=', b.id).where('file_id', '=', c.req.param('fileId')).executeTakeFirst();
  if (!link) throw notFound();
  return sendFile(c, db, config.dataDir, link.file_id);
});

boardPages.post('/board-recommendations/:id/answer', allow('boards.answer'), async (c) => {
  const rec = await recommendationFor(c, 'boards.answer', c.req.param('id'));
  const form = await readForm(c, answerInput);
  if (!form.ok) return renderBoard(c, rec.board_id, form);
  const r = await answerRecommendation(c.get('deps').db, actorOf(c), rec.id, form.data);
  if (!r.ok) return renderBoard(c, rec.board_id, { errors: explain(r.fields, c.get('t')), values: form.values });
  return c.redirect(`/boards/${rec.board_id}`, 303);
});
