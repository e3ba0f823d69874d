import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate, inLang } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Select, Table, useT } from '../../../platform/views/components.tsx';
import { daysLeft, previousQuarter, QUARTERLY, quarterOf } from '../../../domain/democracy/index.ts';
import { ACTIVITY_KINDS } from '../boards.schema.ts';
import type { BoardActivitiesTable, BoardRecommendationsTable, BoardsTable } from '../boards.tables.ts';

type Rec = BoardRecommendationsTable;
type Form = { errors?: FieldErrors; values?: Record<string, string> };

/** The 15-day answer clock of a recommendation: days left, overdue, or answered (on time or late). */
export function Clock({ r, today }: { r: Rec; today: string }) {
  const t = useT();
  if (r.answered_on) return <span class={`tag ${r.answered_on <= r.answer_due ? 'green' : 'red'}`}>{t(r.answered_on <= r.answer_due ? 'boards.answeredOnTime' : 'boards.answeredLate', { date: formatDate(r.answered_on) })}</span>;
  const n = daysLeft(today, r.answer_due);
  return <span class={`tag ${n < 0 ? 'red' : n <= 3 ? 'grey' : ''}`} data-testid="clock">{n < 0 ? t('boards.overdue', { days: -n }) : t('boards.daysLeft', { days: n, date: formatDate(r.answer_due) })}</span>;
}

/** For an active inspection board: this quarter's plan and last quarter's report to the Front (NĐ 59 Art. 14). */
export function QuarterTags({ kind, status, acts, today }: { kind: string; status: string; acts: { kind: string; held_on: string }[]; today: string }) {
  const t = useT();
  if (kind !== 'inspection' || status !== 'active') return null;
  const q = quarterOf(today);
  const prev = previousQuarter(today);
  const plan = acts.some((a) => a.kind === 'plan' && a.held_on >= q.from && a.held_on <= q.to);
  const report = acts.some((a) => a.kind === 'report' && a.held_on >= prev.from && a.held_on <= q.to);
  return <span data-testid="quarter-tags" title={`${inLang(t.lang, QUARTERLY.note ?? '', QUARTERLY.noteEn)} (${QUARTERLY.article})`}>
    <span class={`tag ${plan ? 'green' : 'red'}`}>{t(plan ? 'boards.planDone' : 'boards.planMissing', { q: q.quarter, y: q.year })}</span>{' '}
    <span class={`tag ${report ? 'green' : 'grey'}`}>{t(report ? 'boards.reportDone' : 'boards.reportMissing', { q: prev.quarter, y: prev.year })}</span>
  </span>;
}

export function RecommendationTable({ recs, today, canAnswer }: { recs: (Rec & { boardTitle?: string })[]; today: string; canAnswer?: boolean }) {
  const t = useT();
  return <Table caption={t('boards.recommendations')} empty={t('boards.noRecommendations')} head={[t('boards.recText'), t('boards.sentDue'), t('boards.clock')]}
    rows={recs.map((r) => [<><span class="caption">{t('boards.recToShort', { to: r.to_authority })}</span>{r.kind === 'suspension' && <span class="tag red">{t('boards.kind.suspension')}</span>} {r.text}{r.answer && <p class="muted">{t('boards.answer')}: {r.answer}</p>}
      {canAnswer && !r.answered_on && <AnswerForm r={r} today={today} />}</>, <>{formatDate(r.sent_on)}<br />→ {formatDate(r.answer_due)}</>, <Clock r={r} today={today} />])} />;
}

function AnswerForm({ r, today }: { r: Rec; today: string }) {
  const t = useT();
  return (
    <details><summary>{t('boards.recordAnswer')}</summary>
      <form method="post" action={`/board-recommendations/${r.id}/answer`} novalidate>
        <Csrf />
        <Field name="answeredOn" label={t('boards.answeredOn')} values={{ answeredOn: formatDate(today) }} width="short" />
        <Field name="answer" label={t('boards.answer')} />
        <button type="submit">{t('form.save')}</button>
      </form>
    </details>
  );
}

export function BoardPage(p: { b: BoardsTable; unitName: string; members: { id: string; name: string; role: string; villageName: string | null; is_unit_official: number; from_on: string; to_on: string | null }[]; recs: Rec[]; acts: BoardActivitiesTable[]; photos: Map<string, string[]>; today: string; canRecord: boolean; canAnswer: boolean; canManage: boolean } & Form) {
  const t = useT();
  const b = p.b;
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <span class="caption">{p.unitName}</span>
      <h1>{t(`boards.kind.${b.kind}`)}{b.project_title ? `: ${b.project_title}` : ''} {b.status === 'dissolved' && <span class="tag grey">{t('boards.dissolved')}</span>}</h1>
      <p><QuarterTags kind={b.kind} status={b.status} acts={p.acts} today={p.today} /></p>
      <dl class="summary">
        <dt>{t('boards.term')}</dt><dd>{formatDate(b.term_start)}{b.term_end ? ` – ${formatDate(b.term_end)}` : ''}</dd>
        {b.investor_notified_on && <><dt>{t('boards.investorNotifiedOn')}</dt><dd>{formatDate(b.investor_notified_on)}</dd></>}
        {b.dissolved_on && <><dt>{t('boards.dissolvedOn')}</dt><dd>{formatDate(b.dissolved_on)}</dd></>}
      </dl>
      <Table caption={t('boards.members')} head={[t('boards.memberName'), t('boards.role'), t('boards.village'), t('boards.seat')]} rows={p.members.map((m) => [m.name, t(`boards.role.${m.role}`), m.villageName ?? '',
        m.to_on ? <span class="tag grey">{t('boards.seatEnded', { from: formatDate(m.from_on), to: formatDate(m.to_on) })}</span> : t('boards.seatFrom', { from: formatDate(m.from_on) })])} />
      <RecommendationTable recs={p.recs} today={p.today} canAnswer={p.canAnswer} />
      {p.canRecord && b.status === 'active' && (
        <form method="post" action={`/boards/${b.id}/recommendations`} novalidate>
          <Csrf />
          <h2>{t('boards.newRecommendation')}</h2>
          <Field name="to" label={t('boards.recTo')} hint={t('boards.recToHint')} errors={p.errors} values={p.values} />
          <Field name="text" label={t('boards.recText')} errors={p.errors} values={p.values} />
          <Field name="sentOn" label={t('boards.sentOn')} hint={t('boards.dateHint')} errors={p.errors} values={p.values ?? { sentOn: formatDate(p.today) }} width="short" />
          {b.kind === 'investment-supervision' && <Select name="kind" label={t('boards.recKind')} errors={p.errors} values={p.values} options={[['recommendation', t('boards.kind.recommendation')], ['suspension', t('boards.kind.suspension')]]} />}
          <button type="submit">{t('boards.send')}</button>
        </form>
      )}
      <Table caption={t('boards.activities')} empty={t('boards.noActivities')} head={[t('boards.heldOn'), t('boards.activityKind'), t('boards.activityText')]} rows={p.acts.map((a) => [formatDate(a.held_on), t(`boards.activity.${a.kind}`), <>{a.text}{(p.photos.get(a.id) ?? []).length > 0 && <p class="actions">{(p.photos.get(a.id) ?? []).map((f, i) => <a href={`/boards/${b.id}/photos/${f}`}>{t('boards.photoN', { n: i + 1 })}</a>)}</p>}</>])} />
      {p.canRecord && b.status === 'active' && (
        <form method="post" action={`/boards/${b.id}/activities`} enctype="multipart/form-data" novalidate>
          <Csrf />
          <h2>{t('boards.newActivity')}</h2>
          <Select name="kind" label={t('boards.activityKind')} errors={p.errors} values={p.values} options={ACTIVITY_KINDS.map((k) => [k, t(`boards.activity.${k}`)])} />
          <Field name="heldOn" label={t('boards.heldOn')} hint={t('boards.dateHint')} errors={p.errors} values={p.values} width="short" />
          <Field name="noticeOn" label={t('boards.noticeOn')} hint={t('boards.noticeHint')} errors={p.errors} values={p.values} width="short" />
          <Field name="text" label={t('boards.activityText')} errors={p.errors} values={p.values} />
          <div class={`field${p.errors?.photos ? ' field-error' : ''}`}>
            <label for="f-photos">{t('boards.photos')}</label>
            <div class="hint">{t('boards.photosHint')}</div>
            {p.errors?.photos && <p class="error-message">{p.errors.photos}</p>}
            <input id="f-photos" name="photos" type="file" multiple accept="image/jpeg,image/png" />
          </div>
          <details open={!!(p.errors?.memberName || p.errors?.replacesMemberId)}>
            <summary>{t('boards.byElectionFields')}</summary>
            <Field name="memberName" label={t('boards.memberElected')} errors={p.errors} values={p.values} />
            <Select name="memberRole" label={t('boards.role')} errors={p.errors} values={p.values} options={[['member', t('boards.role.member')], ['deputy', t('boards.role.deputy')], ['head', t('boards.role.head')]]} />
            <Select name="replacesMemberId" label={t('boards.replaces')} errors={p.errors} values={p.values} options={[['', '—'], ...p.members.filter((m) => !m.to_on).map((m): [string, string] => [m.id, m.name])]} />
          </details>
          <button type="submit">{t('form.save')}</button>
        </form>
      )}
      {p.canManage && b.status === 'active' && (
        <form method="post" action={`/boards/${b.id}/dissolution`} novalidate>
          <Csrf />
          <h2>{t('boards.dissolve')}</h2>
          <Field name="on" label={t('boards.dissolvedOn')} hint={t('boards.dateHint')} errors={p.errors} values={{ on: formatDate(p.today) }} width="short" />
          <button type="submit" class="button warning">{t('boards.dissolve')}</button>
        </form>
      )}
    </>
  );
}

export function BoardForm({ errors, values, units }: Form & { units: [string, string][] }) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('boards.new')}</h1>
      <form method="post" action="/boards/new" novalidate>
        <Csrf />
        <Select name="kind" label={t('boards.kindLabel')} errors={errors} values={values} options={[['inspection', t('boards.kind.inspection')], ['investment-supervision', t('boards.kind.investment-supervision')]]} />
        <Select name="unitId" label={t('boards.unit')} errors={errors} values={values} options={units} />
        <Field name="projectTitle" label={t('boards.projectTitle')} hint={t('boards.projectHint')} errors={errors} values={values} />
        <Field name="termStart" label={t('boards.termStart')} hint={t('boards.dateHint')} errors={errors} values={values} width="short" />
        <Field name="investorNotifiedOn" label={t('boards.investorNotifiedOn')} hint={t('boards.dateHint')} errors={errors} values={values} width="short" />
        <div class={`field${errors?.members ? ' field-error' : ''}`}>
          <label for="f-members">{t('boards.members')}</label>
          <div class="hint">{t('boards.membersHint')}</div>
          {Object.entries(errors ?? {}).filter(([k]) => k.startsWith('members')).map(([, m]) => <p class="error-message">{m}</p>)}
          <textarea id="f-members" name="members">{values?.members ?? ''}</textarea>
        </div>
        <button type="submit">{t('boards.create')}</button>
      </form>
    </>
  );
}
