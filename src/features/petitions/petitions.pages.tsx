import { Hono } from 'hono';
import QRCode from 'qrcode';
import { allow } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { formValues, fieldErrors } from '../../platform/http/validate.ts';
import { findUnits } from '../units/index.ts';
import { localToday, translator } from '../../platform/i18n/index.ts';
import { Listen, listenData } from '../../platform/audio/listen.tsx';
import { spokenDate } from '../../platform/audio/speech.ts';
import { getByCode } from './petitions.repository.ts';
import { publicPetitionInput } from './petitions.schema.ts';
import { checkTrackThrottle, lookupSucceeded, intakeUnit, keyMatches, submitPublic } from './petitions.service.ts';
import { settingsPages } from './settings.pages.tsx';
import { publicView } from './petitions.present.ts';
import { answerText, CheckAnswers, PublicForm, Receipt, Track } from './views/public.tsx';
import { staffPages } from './staff.pages.tsx';
import { intakePages } from './intake.pages.tsx';
import { dashboardPages } from './dashboard.pages.tsx';
import { receptionPages } from './reception.pages.tsx';

export const petitionPages = new Hono<AppEnv>();

/** Units a citizen may address: the province committee, its bodies and the communes of today. */
async function unitOptions(c: Ctx): Promise<[string, string][]> {
  const units = await findUnits(c.get('deps').db, { at: localToday() });
  return units.filter((u) => ['province-committee', 'department', 'commune-committee'].includes(u.kind)).map((u) => [u.id, u.fullName]);
}
const clean = (v: Record<string, string>) => Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'anonymous' || v.anonymous));

async function validated(c: Ctx) {
  const values = await formValues(c);
  const r = publicPetitionInput.safeParse(clean(values));
  if (!r.success) return { values, errors: fieldErrors(r.error, c.get('t')) };
  const unitId = await intakeUnit(c.get('deps').db, r.data.addressedUnitId, c.get('deps').config.provinceCode);
  if (!unitId) return { values, errors: { addressedUnitId: c.get('t')('petitions.error.unitMissing') } };
  return { values, data: r.data, unitId };
}

petitionPages.get('/public/petitions/new', allow('public'), async (c) => c.render(<PublicForm values={{}} units={await unitOptions(c)} />, { title: c.get('t')('petitions.public.title') }));

petitionPages.post('/public/petitions/new', allow('public'), async (c) => {
  c.header('x-coso-no-change', '1');
  return c.render(<PublicForm values={await formValues(c)} units={await unitOptions(c)} />, { title: c.get('t')('petitions.public.title') });
});

petitionPages.post('/public/petitions/check', allow('public'), async (c) => {
  const t = c.get('t');
  c.header('x-coso-no-change', '1');
  const v = await validated(c);
  if (!v.data) {
    c.status(400);
    return c.render(<PublicForm values={v.values} errors={v.errors} units={await unitOptions(c)} />, { title: t('petitions.public.title') });
  }
  const unit = await c.get('deps').db.selectFrom('units').select('full_name').where('id', '=', v.unitId).executeTakeFirst();
  return c.render(<CheckAnswers values={v.values} unitName={unit?.full_name ?? ''} />, { title: t('petitions.check') });
});

petitionPages.post('/public/petitions', allow('public'), async (c) => {
  const t = c.get('t');
  const v = await validated(c);
  if (!v.data) {
    c.header('x-coso-no-change', '1');
    c.status(400);
    return c.render(<PublicForm values={v.values} errors={v.errors} units={await unitOptions(c)} />, { title: t('petitions.public.title') });
  }
  const { db, config } = c.get('deps');
  const r = await submitPublic(db, actorOf(c), c.get('ip'), config.provinceCode, v.data);
  if (!r) {
    c.status(400);
    return c.render(<PublicForm values={v.values} errors={{ addressedUnitId: t('petitions.error.unitMissing') }} units={await unitOptions(c)} />, { title: t('petitions.public.title') });
  }
  return c.redirect(`/public/petitions/${r.trackingCode}/receipt?key=${encodeURIComponent(r.accessKey)}`, 303);
});

const baseUrl = (c: Ctx) => c.get('deps').config.publicUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;

petitionPages.get('/public/petitions/:code/receipt', allow('public'), async (c) => {
  const { db } = c.get('deps');
  const key = c.req.query('key') ?? '';
  const attempt = await checkTrackThrottle(db, c.get('ip'));
  const p = await getByCode(db, c.req.param('code'));
  if (!p || !keyMatches(key, p.access_key_hash)) {
    c.status(404);
    return c.render(<Track values={{}} notFound />, { title: c.get('t')('petitions.track.title') });
  }
  await lookupSucceeded(db, attempt);
  const link = `/public/petitions/track?code=${p.tracking_code}&key=${encodeURIComponent(key)}`;
  const qrSvg = await QRCode.toString(`${baseUrl(c)}${link}`, { type: 'svg', margin: 1 });
  const view = await publicView(db, p);
  return c.render(<Receipt code={p.tracking_code} accessKey={key} link={link} qrSvg={qrSvg} receivedAt={p.received_at} unitName={view.handlingUnit.name} />, { title: c.get('t')('petitions.receipt.title') });
});

/** A petition's public status as read aloud in Vietnamese (no sender details: the page shows none either). */
function statusSpeech(s: Awaited<ReturnType<typeof publicView>>): string {
  const vi = translator('vi');
  const code = s.trackingCode.split('').join(' ');
  const due = s.dueOn ? ` ${vi('petitions.dueOn')}: ngày ${spokenDate(s.dueOn)}.` : '';
  const answer = s.answer ? ` ${vi('petitions.answer')}: ${answerText(vi, s.answer)}` : '';
  return `Hồ sơ ${code}. ${vi('petitions.status')}: ${vi(`petitions.st.${s.status}`)}. ${vi('petitions.handlingUnit')}: ${s.handlingUnit.name}.${due}${answer}`;
}

petitionPages.get('/public/petitions/track', allow('public'), async (c) => {
  const { db } = c.get('deps');
  const values = { code: c.req.query('code') ?? '', key: c.req.query('key') ?? '' };
  const title = c.get('t')('petitions.track.title');
  if (!values.code) return c.render(<Track values={values} />, { title });
  const attempt = await checkTrackThrottle(db, c.get('ip'));
  const p = await getByCode(db, values.code.trim().toUpperCase());
  if (!p || !keyMatches(values.key.trim(), p.access_key_hash)) {
    c.status(404);
    return c.render(<Track values={values} notFound />, { title });
  }
  await lookupSucceeded(db, attempt);
  const found = await publicView(db, p);
  const listen = await listenData(c, { type: 'petition', id: p.id }, statusSpeech(found));
  return c.render(<><Track values={values} found={found} /><Listen data={listen} /></>, { title });
});

petitionPages.route('/', dashboardPages);
petitionPages.route('/', settingsPages);
petitionPages.route('/', intakePages);
petitionPages.route('/', receptionPages);
petitionPages.route('/', staffPages);
