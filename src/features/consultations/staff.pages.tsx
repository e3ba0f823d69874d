import { Hono } from 'hono';
import { allow, can } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { fieldErrors, formValues, readForm, translateFields, type FieldErrors } from '../../platform/http/validate.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { Notice, Table } from '../../platform/views/components.tsx';
import { findUnits, getUnit, unitNames } from '../units/index.ts';
import { authorizeUnit, scopeFor } from '../disclosures/disclosures.access.ts';
import { consultationFor } from './consultations.access.ts';
import { commentCounts, commentsOf, dialoguesOf, disclosuresOfConsultation, findConsultations } from './consultations.repository.ts';
import { closeInput, consultationInput, dialogueInput, dispositionInput, staffCommentInput } from './consultations.schema.ts';
import { addComment, closeConsultation, dispose, needsDialogue, openConsultation, recordDialogue, staffComment } from './consultations.service.ts';
import { CloseForm, CommentCard, ConsultationDisclosures, ConsultationForm, Dialogues, StaffCommentForm } from './views/staff.tsx';

export const staffPages = new Hono<AppEnv>();

async function units(c: Ctx): Promise<[string, string][]> {
  const scope = await scopeFor(c, 'consultations.manage');
  const all = await findUnits(c.get('deps').db, { at: localToday() });
  return all.filter((u) => u.kind !== 'village' && (scope === 'all' || scope.includes(u.id))).map((u) => [u.id, u.fullName]);
}

staffPages.get('/consultations', allow('consultations.view'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const rows = await findConsultations(db, await scopeFor(c, 'consultations.view'), { limit: 200 });
  const counts = await commentCounts(db, rows.map((r) => r.id));
  const names = await unitNames(db, rows.map((r) => r.unit_id));
  return c.render(
    <>
      <h1>{t('consultations.title')}</h1>
      {(await can(c.get('user'), 'consultations.manage')) && <p><a class="button" href="/consultations/new">{t('consultations.new')}</a></p>}
      <Table head={[t('consultations.titleField'), t('disclosures.col.unit'), t('consultations.closesOn'), t('consultations.col.comments'), t('disclosures.col.status')]} empty={t('consultations.none')}
        rows={rows.map((r) => { const n = counts.get(r.id); return [<a href={`/consultations/${r.id}`}>{r.title}</a>, names.get(r.unit_id)?.fullName ?? '', formatDate(r.closes_on), `${n?.received ?? 0} / ${n?.undisposed ?? 0}`, t(`consultations.status.${r.status}`)]; })} />
    </>,
    { title: t('consultations.title') },
  );
});

staffPages.get('/consultations/new', allow('consultations.manage'), async (c) =>
  c.render(<ConsultationForm units={await units(c)} values={{ opensOn: formatDate(localToday()), forms: 'meeting,portal' }} />, { title: c.get('t')('consultations.new') }));

/** Sections typed as blocks separated by a blank line: the first line is the title. */
const parseSections = (s: string) => s.split(/\r?\n\s*\r?\n/).map((b) => b.trim()).filter(Boolean).map((b, i) => { const [title, ...rest] = b.split(/\r?\n/); return { key: `s${i + 1}`, title: title.trim(), text: rest.join('\n').trim() }; });

staffPages.post('/consultations/new', allow('consultations.manage'), async (c) => {
  const t = c.get('t');
  const body = await c.req.parseBody({ all: true });
  const values = await formValues(c);
  const forms = ([] as unknown[]).concat(body.forms ?? []).filter((x): x is string => typeof x === 'string');
  values.forms = forms.join(',');
  const parsed = consultationInput.safeParse({ ...values, forms, sections: parseSections(values.sections ?? '') });
  let errors: FieldErrors = parsed.success ? {} : Object.fromEntries(Object.entries(fieldErrors(parsed.error, t)).map(([k, v]) => [k.split('.')[0], v]));
  if (parsed.success) {
    await authorizeUnit(c, 'consultations.manage', parsed.data.unitId);
    const file = body.file instanceof File && body.file.size > 0 ? body.file : null;
    const r = await openConsultation(c.get('deps').db, actorOf(c), parsed.data, { dataDir: c.get('deps').config.dataDir, file });
    if (r.ok) return c.redirect(`/consultations/${r.value.id}?saved=1`, 303);
    errors = translateFields(r.fields, t);
  }
  c.status(400);
  return c.render(<ConsultationForm units={await units(c)} values={values} errors={errors} />, { title: t('consultations.new') });
});

async function detail(c: Ctx, extra: { commentErrors?: FieldErrors; commentValues?: Record<string, string>; closeErrors?: FieldErrors; closeValues?: Record<string, string>; dialogueErrors?: FieldErrors; dialogueValues?: Record<string, string> } = {}) {
  const t = c.get('t');
  const row = await consultationFor(c, 'consultations.view', c.req.param('id') ?? '');
  const unit = await getUnit(c.get('deps').db, row.unit_id);
  const comments = await commentsOf(c.get('deps').db, row.id);
  const manage = row.status === 'open' && (await can(c.get('user'), 'consultations.manage', row.unit_id));
  const undisposed = comments.filter((m) => !m.decision).length;
  return c.render(
    <>
      {c.req.query('saved') && <Notice>{t('consultations.saved')}</Notice>}
      <p class="caption">{unit?.fullName}</p>
      <h1>{row.title}</h1>
      <p>{t('consultations.period', { from: formatDate(row.opens_on), to: formatDate(row.closes_on) })} · {t(`consultations.status.${row.status}`)} · <a href={`/consult/${row.id}`}>{t('consultations.publicPage')}</a>{row.status === 'closed' && <> · <a href={`/consult/${row.id}/report`}>{t('consultations.report.title')}</a></>} · <a href={`/api/v1/consultations/${row.id}/explanation-report.docx`}>DOCX</a></p>
      <h2>{t('consultations.comments', { n: comments.length, open: undisposed })}</h2>
      <ol class="comments">{comments.map((m) => <CommentCard c={row} m={m} />)}</ol>
      {manage && <StaffCommentForm c={row} errors={extra.commentErrors} values={extra.commentValues} />}
      <Dialogues c={row} rows={await dialoguesOf(c.get('deps').db, row.id)} manage={manage} required={needsDialogue(row.matter)} errors={extra.dialogueErrors} values={extra.dialogueValues ?? { heldOn: formatDate(localToday()) }} />
      {manage && <CloseForm c={row} errors={extra.closeErrors} values={extra.closeValues} />}
      <ConsultationDisclosures rows={await disclosuresOfConsultation(c.get('deps').db, row.id)} />
    </>,
    { title: row.title },
  );
}

staffPages.get('/consultations/:id{[0-9a-f-]{36}}', allow('consultations.view'), (c) => detail(c));

staffPages.post('/consultations/:id/comments', allow('consultations.manage'), async (c) => {
  const row = await consultationFor(c, 'consultations.manage', c.req.param('id'));
  const form = await readForm(c, staffCommentInput);
  const r = form.ok ? await addComment(c.get('deps').db, actorOf(c), row.id, staffComment(form.data), false) : null;
  if (r?.ok) return c.redirect(`/consultations/${row.id}?saved=1#c-${r.value}`, 303);
  c.status(r && !r.ok && r.error === 'closed' ? 409 : 400);
  return detail(c, { commentValues: form.values, commentErrors: form.ok ? translateFields(r && !r.ok ? r.fields ?? { text: 'consultations.error.closed' } : {}, c.get('t')) : form.errors });
});

staffPages.post('/consultations/:id/comments/:commentId/disposition', allow('consultations.manage'), async (c) => {
  const row = await consultationFor(c, 'consultations.manage', c.req.param('id'));
  const form = await readForm(c, dispositionInput);
  const r = form.ok ? await dispose(c.get('deps').db, actorOf(c), row.id, c.req.param('commentId'), form.data) : null;
  if (r?.ok) return c.redirect(`/consultations/${row.id}#c-${r.value}`, 303);
  c.status(400);
  return detail(c, { closeErrors: form.ok ? { explanation: c.get('t')('validation.invalid') } : form.errors });
});

staffPages.post('/consultations/:id/close', allow('consultations.manage'), async (c) => {
  const t = c.get('t');
  const row = await consultationFor(c, 'consultations.manage', c.req.param('id'));
  const values = await formValues(c);
  const input = closeInput.safeParse({ decision: values.decision, departureReason: values.departureReason, departsFromMajority: values.departsFromMajority === '1' ? true : undefined });
  if (!input.success) { c.status(400); return detail(c, { closeValues: values, closeErrors: fieldErrors(input.error, t) }); }
  const r = await closeConsultation(c.get('deps').db, actorOf(c), row.id, input.data);
  if (r.ok) return c.redirect(`/consult/${row.id}/report`, 303);
  if (r.error === 'invalid' && r.fields?.dialogues) { c.status(400); return detail(c, { closeValues: values, closeErrors: translateFields(r.fields, t) }); }
  c.status(r.error === 'undisposed_comments' || r.error === 'closed' ? 409 : 400);
  return detail(c, { closeValues: values, closeErrors: r.error === 'undisposed_comments' ? { decision: t('consultations.error.undisposed') } : translateFields(r.fields ?? { decision: 'consultations.error.closed' }, t) });
});

staffPages.post('/consultations/:id/dialogues', allow('consultations.manage'), async (c) => {
  const row = await consultationFor(c, 'consultations.manage', c.req.param('id'));
  const form = await readForm(c, dialogueInput);
  const r = form.ok ? await recordDialogue(c.get('deps').db, actorOf(c), row.id, form.data) : null;
  if (r?.ok) return c.redirect(`/consultations/${row.id}?saved=1#f-dialogues`, 303);
  c.status(r && !r.ok && r.error === 'closed' ? 409 : 400);
  return detail(c, { dialogueValues: form.values, dialogueErrors: form.ok ? { affected: c.get('t')('consultations.error.closed') } : form.errors });
});
