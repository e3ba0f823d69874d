import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate, formatNumber, inLang } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Select, Table, useT } from '../../../platform/views/components.tsx';
import { COMMUNE_THRESHOLD, RULES, requiredVillages } from '../../../domain/democracy/index.ts';
import type { CommuneDecisionsTable } from '../community.tables.ts';
import type { VillageResult } from '../commune.service.ts';

type Form = { errors?: FieldErrors; values?: Record<string, string> };
type CommuneRow = CommuneDecisionsTable & { communeName?: string };

export function CommuneStatus({ d }: { d: CommuneDecisionsTable }) {
  const t = useT();
  const key = d.status === 'closed' ? (Number(d.passed) ? 'passed' : 'failed') : d.status;
  return <span class={`tag ${key === 'passed' ? 'green' : key === 'failed' ? 'red' : ''}`}>{t(`community.status.${key}`)}</span>;
}

export function CommuneDecisionTable({ rows }: { rows: CommuneRow[] }) {
  const t = useT();
  return <Table caption={t('community.communeDecisions')} empty={t('community.noDecisions')} head={[t('community.question'), t('community.matter'), t('community.form'), t('community.voteOn'), t('community.villagesApproving'), t('community.statusLabel')]}
    rows={rows.map((d) => [<a href={`/community/commune-decisions/${d.id}`}>{d.question}</a>, t(`community.matter.${d.matter}`), t(`community.form.${d.form}`), formatDate(d.vote_on),
      d.villages_passed === null ? '—' : `${d.villages_passed}/${d.villages_total}`, <CommuneStatus d={d} />])} />;
}

/** A commune: its villages with households today, its commune-wide decisions, and the form for a new one. */
export function CommunePage(p: { commune: { id: string; name: string }; villages: { id: string; name: string; count: number }[]; decisions: CommuneRow[]; canManage: boolean; lang: 'vi' | 'en' } & Form) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <h1>{p.commune.name}</h1>
      <p>{t('community.communeIntro', { required: requiredVillages(p.villages.length), total: p.villages.length })}</p>
      <Table caption={t('community.villages')} head={[t('community.village'), t('community.householdsToday')]} empty={t('community.noVillages')}
        rows={p.villages.map((v) => [<a href={`/community/villages/${v.id}`}>{v.name}</a>, formatNumber(v.count, p.lang)])} />
      <CommuneDecisionTable rows={p.decisions} />
      {p.canManage && (
        <form method="post" action={`/community/communes/${p.commune.id}/decisions`} novalidate>
          <Csrf />
          <h2>{t('community.newCommuneDecision')}</h2>
          <p class="hint">{t('community.newCommuneHint')}</p>
          <Field name="question" label={t('community.question')} errors={p.errors} values={p.values} />
          <Select name="matter" label={t('community.matter')} errors={p.errors} values={p.values} options={COMMUNE_THRESHOLD.matters.map((m) => [m, t(`community.matter.${m}`)])} />
          <Select name="form" label={t('community.form')} hint={t('community.communeFormHint')} errors={p.errors} values={p.values} options={[['meeting', t('community.form.meeting')], ['ballot', t('community.form.ballot')]]} />
          <Field name="noticeOn" label={t('community.noticeOn')} hint={t('community.dateHint')} errors={p.errors} values={p.values} width="short" />
          <Field name="voteOn" label={t('community.voteOn')} hint={t('community.dateHint')} errors={p.errors} values={p.values} width="short" />
          <button type="submit">{t('community.create')}</button>
        </form>
      )}
    </>
  );
}

/** A commune-wide decision: each village's result, the count of approving villages against all villages, and the close form. */
export function CommuneDecisionPage(p: { d: CommuneDecisionsTable; communeName: string; villages: VillageResult[]; canManage: boolean } & Form) {
  const t = useT();
  const d = p.d;
  const rule = d.rule ? RULES.get(d.rule) : COMMUNE_THRESHOLD;
  const approving = p.villages.filter((v) => v.state === 'approved').length;
  const pending = p.villages.filter((v) => v.state === 'pending').length;
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <span class="caption"><a href={`/community/communes/${d.commune_id}`}>{p.communeName}</a> · {t('community.communeWide')}</span>
      <h1>{d.question} <CommuneStatus d={d} /></h1>
      <dl class="summary">
        <dt>{t('community.matter')}</dt><dd>{t(`community.matter.${d.matter}`)}</dd>
        <dt>{t('community.form')}</dt><dd>{t(`community.form.${d.form}`)}</dd>
        <dt>{t('community.voteOn')}</dt><dd>{formatDate(d.vote_on) || '—'}</dd>
        <dt>{t('community.villagesApproving')}</dt><dd data-testid="villages-approving">{t('community.villagesCount', { approving, total: p.villages.length, required: requiredVillages(p.villages.length) })}</dd>
      </dl>
      {d.status === 'closed' && rule && (
        <div class="notice" role="status" data-testid="commune-result">
          <p><strong>{t(Number(d.passed) ? 'community.communePassed' : 'community.communeFailed', { approving: d.villages_passed ?? 0, total: d.villages_total ?? 0 })}</strong></p>
          <p>{t('community.ruleApplied', { note: inLang(t.lang, rule.note ?? '', rule.noteEn), article: rule.article })}</p>
          {d.effective_on && <p>{t('community.effectiveOn', { date: formatDate(d.effective_on) })}</p>}
        </div>
      )}
      <Table caption={t('community.villageResults')} head={[t('community.village'), t('community.tally'), t('community.statusLabel')]}
        rows={p.villages.map((v) => [v.decisionId ? <a href={`/community/decisions/${v.decisionId}`}>{v.villageName}</a> : v.villageName,
          v.yes === null ? '—' : `${v.yes}/${v.total ?? '—'}`, <span class={`tag ${v.state === 'approved' ? 'green' : v.state === 'rejected' ? 'red' : ''}`}>{t(`community.villageState.${v.state}`)}</span>])} />
      {p.canManage && d.status === 'open' && (pending ? <p class="notice">{t('community.villagesPendingNote', { pending })}</p> : (
        <form method="post" action={`/community/commune-decisions/${d.id}/close`} novalidate>
          <Csrf />
          <Field name="effectiveOn" label={t('community.effectiveOnLabel')} hint={t('community.effectiveOnHint')} errors={p.errors} values={p.values} width="short" />
          <button type="submit">{t('community.closeCommune')}</button>
        </form>
      ))}
    </>
  );
}

const NUMBER_KEYS = ['decisionsTaken', 'decisionsPassed', 'decisionsRecognised', 'decisionsAnnulled', 'communeDecisionsTaken', 'communeDecisionsPassed', 'inspectionBoards', 'supervisionBoards', 'boardsActive',
  'recommendations', 'recommendationsAnsweredOnTime', 'recommendationsOverdue', 'mediationCases', 'mediationClosed', 'mediationSettled', 'mediationSuccessRate', 'mediationStartedLate',
  'conferencesHeld', 'conferencesWithQuorum', 'conferencesOnTime', 'dialoguesValid'] as const;

/** Item 7: the numbers for reports and dashboards, in the user's scope, for a period. */
export function NumbersPage(p: { from: string; to: string; numbers: Record<string, number | null>; lang: 'vi' | 'en' } & Form) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <h1>{t('community.numbersTitle')}</h1>
      <form method="get" action="/community/numbers" class="filters">
        <Field name="from" label={t('community.from')} hint={t('community.dateHint')} errors={p.errors} values={p.values ?? { from: formatDate(p.from) }} width="short" />
        <Field name="to" label={t('community.to')} hint={t('community.dateHint')} errors={p.errors} values={p.values ?? { to: formatDate(p.to) }} width="short" />
        <button type="submit" class="button secondary">{t('community.show')}</button>
      </form>
      <Table caption={t('community.numbersCaption', { from: formatDate(p.from), to: formatDate(p.to) })} head={[t('community.indicator'), t('community.value')]}
        rows={NUMBER_KEYS.map((k) => [t(`community.number.${k}`), p.numbers[k] === null || p.numbers[k] === undefined ? '—' : `${formatNumber(p.numbers[k] as number, p.lang)}${k === 'mediationSuccessRate' ? ' %' : ''}`])} />
    </>
  );
}
