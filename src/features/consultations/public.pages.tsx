import { Hono } from 'hono';
import { Listen, listenData } from '../../platform/audio/listen.tsx';
import { spokenDate } from '../../platform/audio/speech.ts';
import { totals } from './consultations.report.ts';
import { allow } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { readForm, translateFields } from '../../platform/http/validate.ts';
import { formatDate, localToday, translator } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice, Select } from '../../platform/views/components.tsx';
import { matterBasis } from '../../domain/disclosure/catalogue.ts';
import { consultationWindowEnd } from '../../domain/disclosure/clock.ts';
import { loadLegalTime } from '../calendar/index.ts';
import { getUnit } from '../units/index.ts';
import { commentsOf, dialoguesOf, disclosuresOfConsultation, findConsultations, getConsultation, sectionsOf, type ConsultationRow } from './consultations.repository.ts';
import { publicCommentInput } from './consultations.schema.ts';
import { addComment } from './consultations.service.ts';
import { docxResponse } from './consultations.api.ts';
import { ReportView } from './views/report.tsx';

export const publicPages = new Hono<AppEnv>();
const isOpen = (c: ConsultationRow, today: string, windowEnd: string) => c.status === 'open' && c.opens_on <= today && today <= windowEnd;

publicPages.get('/consult/unit/:unitId', allow('public'), async (c) => {
  const t = c.get('t');
  const unit = await getUnit(c.get('deps').db, c.req.param('unitId'));
  if (!unit) throw notFound();
  const rows = await findConsultations(c.get('deps').db, [unit.id], { limit: 100 });
  return c.render(
    <>
      <h1>{t('consultations.publicOf', { unit: unit.fullName })}</h1>
      <ul class="board-list">{rows.map((r) => <li><a href={`/consult/${r.id}`}>{r.title}</a><br /><small class="muted">{formatDate(r.opens_on)} – {formatDate(r.closes_on)} · {t(`consultations.status.${r.status}`)}</small></li>)}</ul>
      {rows.length === 0 && <p>{t('consultations.none')}</p>}
    </>,
    { title: t('consultations.publicOf', { unit: unit.fullName }) },
  );
});

async function consultPage(c: Ctx, values: Record<string, string> = {}, errors?: Record<string, string>) {
  const t = c.get('t');
  const row = await getConsultation(c.get('deps').db, c.req.param('id') ?? '');
  if (!row) throw notFound();
  const unit = await getUnit(c.get('deps').db, row.unit_id);
  const sections = sectionsOf(row);
  const { calendar, options } = await loadLegalTime(c.get('deps').db);
  const windowEnd = consultationWindowEnd(row.closes_on, calendar, options);
  const open = isOpen(row, localToday(), windowEnd);
  return c.render(
    <>
      <ErrorSummary errors={errors} />
      {c.req.query('sent') && <Notice>{t('consultations.thanks')}</Notice>}
      <p class="caption"><a href={`/board/${row.unit_id}`}>{unit?.fullName}</a></p>
      <h1>{row.title}</h1>
      <p>{t('consultations.period', { from: formatDate(row.opens_on), to: formatDate(row.closes_on) })} · <span class="muted">{matterBasis(row.matter)}</span></p>
      {windowEnd !== row.closes_on && <p id="window-end">{t('consultations.windowEnd', { date: formatDate(windowEnd) })}</p>}
      {row.file_id && <p><a href={`/board/files/${row.file_id}`}>{t('board.download')}</a></p>}
      {sections.map((s) => <section id={`s-${s.key}`}><h2>{s.title}</h2>{s.text.split(/\n+/).map((p) => <p>{p}</p>)}</section>)}
      {row.status === 'closed' && <p><a class="button" href={`/consult/${row.id}/report`}>{t('consultations.report.title')}</a></p>}
      {open ? (
        <form method="post" action={`/public/consult/${row.id}/comments`} novalidate>
          <h2>{t('consultations.yourComment')}</h2>
          <Csrf />
          {sections.length > 0 && <Select name="sectionKey" label={t('consultations.section')} errors={errors} values={values} options={[['', t('consultations.general')], ...sections.map((s): [string, string] => [s.key, s.title])]} />}
          <div class={`field${errors?.text ? ' field-error' : ''}`}>
            <label for="f-text">{t('consultations.text')}</label>
            {errors?.text && <p class="error-message">{errors.text}</p>}
            <textarea id="f-text" name="text" rows={6}>{values.text ?? ''}</textarea>
          </div>
          <Field name="name" label={t('consultations.name')} hint={t('consultations.nameHint')} errors={errors} values={values} />
          <button type="submit">{t('consultations.send')}</button>
        </form>
      ) : row.status === 'open' && <p class="notice">{t('consultations.notOpen')}</p>}
    </>,
    { title: row.title },
  );
}

publicPages.get('/consult/:id', allow('public'), (c) => consultPage(c));

publicPages.post('/public/consult/:id/comments', allow('public'), async (c) => {
  const form = await readForm(c, publicCommentInput);
  if (!form.ok) { c.status(400); return consultPage(c, form.values, form.errors); }
  const r = await addComment(c.get('deps').db, actorOf(c), c.req.param('id'), { ...form.data, channel: 'online', organization: null, socialCritique: false, receivedOn: localToday() }, true);
  if (r.ok) return c.redirect(`/consult/${c.req.param('id')}?sent=1`, 303);
  if (r.error === 'not_found') throw notFound();
  c.status(r.error === 'closed' ? 409 : 400);
  return consultPage(c, form.values, r.error === 'closed' ? { text: c.get('t')('consultations.error.closed') } : translateFields(r.fields, c.get('t')));
});

/** The explanation report's summary as read aloud in Vietnamese (dates spelled out for espeak-ng). */
function reportSpeech(row: ConsultationRow, unitName: string, comments: Parameters<typeof totals>[0]): string {
  const vi = translator('vi');
  const intro = vi('consultations.report.intro', { basis: matterBasis(row.matter), from: spokenDate(row.opens_on), to: spokenDate(row.closes_on), title: row.title });
  return `${unitName}. ${vi('consultations.report.title')}. ${intro} ${vi('consultations.report.totals', totals(comments))}${row.decision ? ` ${row.decision}` : ''}`;
}

publicPages.get('/consult/:id/report', allow('public'), async (c) => {
  const row = await getConsultation(c.get('deps').db, c.req.param('id'));
  if (!row || row.status !== 'closed') throw notFound();
  const unit = await getUnit(c.get('deps').db, row.unit_id);
  const t = c.get('t');
  const { db } = c.get('deps');
  const posted = (await disclosuresOfConsultation(db, row.id)).find((d) => d.consultation_stage === 'closed');
  const comments = await commentsOf(db, row.id);
  const listen = await listenData(c, { type: 'consultation', id: row.id }, reportSpeech(row, unit?.fullName ?? '', comments));
  return c.render(
    <>
      <Listen data={listen} />
      <ReportView c={row} unitName={unit?.fullName ?? ''} comments={comments} t={t} dialogues={await dialoguesOf(db, row.id)} />
      {posted && <p class="notice" id="disclosed">{t('consultations.disclosedOn', { date: formatDate(posted.posted_on), until: posted.posted_until ? formatDate(posted.posted_until) : '—' })} <a href={`/board/d/${posted.id}`}>{t('consultations.onBoard')}</a></p>}
      <p><a href={`/consult/${row.id}/report.docx`}>{t('consultations.report.docx')}</a></p>
    </>,
    { title: t('consultations.report.title') });
});

publicPages.get('/consult/:id/report.docx', allow('public'), async (c) => {
  const row = await getConsultation(c.get('deps').db, c.req.param('id'));
  if (!row || row.status !== 'closed') throw notFound();
  return docxResponse(c, row.id);
});
