import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Select, Table, useT } from '../../../platform/views/components.tsx';
import type { MediationCasesTable, MediationSessionsTable, MediationTeamsTable, MediatorsTable } from '../mediation.tables.ts';

type Form = { errors?: FieldErrors; values?: Record<string, string> };
const parties = (c: MediationCasesTable) => (JSON.parse(c.parties) as string[]).join(', ');

export function Gaps({ gaps }: { gaps: string[] }) {
  const t = useT();
  if (!gaps.length) return <span class="tag green">{t('mediation.complete')}</span>;
  return <>{gaps.map((g) => <span class="tag red">{t(`mediation.gap.${g}`)}</span>)}</>;
}

/** Status of a case: open (with its start clock), or its result. */
export function CaseStatus({ m, today }: { m: MediationCasesTable; today: string }) {
  const t = useT();
  if (m.result) return <span class={`tag ${m.result === 'settled' ? 'green' : 'grey'}`}>{t(`mediation.result.${m.result}`)}</span>;
  const late = !m.started_on && today > m.start_due;
  return <span class={`tag ${late ? 'red' : ''}`}>{m.started_on ? t('mediation.inProgress') : t(late ? 'mediation.startLate' : 'mediation.startBy', { date: formatDate(m.start_due) })}</span>;
}

/** The logbook (Sổ theo dõi hoạt động hòa giải ở cơ sở): one row per case. */
export function Logbook({ cases, today }: { cases: MediationCasesTable[]; today: string }) {
  const t = useT();
  return <Table caption={t('mediation.logbook')} empty={t('mediation.noCases')} head={[t('mediation.assignedOn'), t('mediation.parties'), t('mediation.summary'), t('mediation.startedOn'), t('mediation.statusLabel')]}
    rows={cases.map((m) => [formatDate(m.assigned_on), <a href={`/mediation/cases/${m.id}`}>{parties(m)}</a>, m.summary, formatDate(m.started_on), <CaseStatus m={m} today={today} />])} />;
}

export function TeamPage(p: { team: MediationTeamsTable; villageName: string; mediators: MediatorsTable[]; gaps: string[]; cases: MediationCasesTable[]; today: string; canManage: boolean } & Form) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <span class="caption">{p.villageName}</span>
      <h1>{p.team.name}</h1>
      <p><Gaps gaps={p.gaps} /> {p.team.reviewed_on && <span class="muted">· {t('mediation.reviewedOn', { date: formatDate(p.team.reviewed_on) })}</span>}</p>
      <Table caption={t('mediation.mediators')} head={[t('mediation.name'), t('mediation.gender'), t('mediation.election'), t('mediation.recognizedOn')]}
        rows={p.mediators.map((m) => [<>{m.name}{Number(m.is_leader) ? ` (${t('mediation.leader')})` : ''}{Number(m.ethnic_minority) ? ` · ${t('mediation.ethnicMinority')}` : ''}</>, t(`mediation.gender.${m.gender}`),
          m.election_votes !== null && m.election_households !== null ? t('mediation.electionResult', { votes: m.election_votes, households: m.election_households }) : '—', formatDate(m.recognized_on)])} />
      <Logbook cases={p.cases} today={p.today} />
      {p.canManage && <>
        <form method="post" action={`/mediation/teams/${p.team.id}/cases`} novalidate>
          <Csrf />
          <h2>{t('mediation.newCase')}</h2>
          <Field name="parties" label={t('mediation.parties')} hint={t('mediation.partiesHint')} errors={p.errors} values={p.values} />
          <Field name="summary" label={t('mediation.summary')} errors={p.errors} values={p.values} />
          <Field name="assignedOn" label={t('mediation.assignedOn')} hint={t('mediation.dateHint')} errors={p.errors} values={p.values ?? { assignedOn: formatDate(p.today) }} width="short" />
          <button type="submit">{t('mediation.open')}</button>
        </form>
        <form method="post" action={`/mediation/teams/${p.team.id}/mediators`} novalidate>
          <Csrf />
          <h2>{t('mediation.addMediator')}</h2>
          <Field name="name" label={t('mediation.name')} errors={p.errors} values={p.values} />
          <Select name="gender" label={t('mediation.gender')} errors={p.errors} values={p.values} options={[['female', t('mediation.gender.female')], ['male', t('mediation.gender.male')]]} />
          <Select name="ethnicMinority" label={t('mediation.ethnicMinority')} values={p.values} options={[['', t('mediation.no')], ['1', t('mediation.yes')]]} />
          <Field name="electionVotes" label={t('mediation.electionVotes')} hint={t('mediation.electionHint')} errors={p.errors} values={p.values} width="short" />
          <Field name="electionHouseholds" label={t('mediation.electionHouseholds')} errors={p.errors} values={p.values} width="short" />
          <Field name="recognizedOn" label={t('mediation.recognizedOn')} hint={t('mediation.dateHint')} errors={p.errors} values={p.values} width="short" />
          <button type="submit">{t('form.save')}</button>
        </form>
        <form method="post" action={`/mediation/teams/${p.team.id}/review`} novalidate>
          <Csrf /><input type="hidden" name="on" value={formatDate(p.today)} />
          <button type="submit" class="button secondary">{t('mediation.review')}</button>
        </form>
      </>}
    </>
  );
}

export const RECORD_FIELDS = ['basis', 'facts', 'course', 'agreement', 'obligations', 'performance'] as const;

/** The settlement record (văn bản hòa giải thành), Mediation Law Art. 24(2) points a–h, to print and sign. */
export function SettlementRecord({ m, teamName, villageName, mediators }: { m: MediationCasesTable; teamName: string; villageName: string; mediators: string[] }) {
  const t = useT();
  const rec = m.record ? (JSON.parse(m.record) as Record<string, string>) : {};
  const names = JSON.parse(m.parties) as string[];
  const line = (k: string) => rec[k] || '……………………………………………………………………';
  return (
    <article class="print-doc">
      <div class="doc-head"><p><strong>{villageName.toUpperCase()}</strong><br />{teamName.toUpperCase()}</p><p class="right"><strong>{t('mediation.print.motto1')}</strong><br /><u>{t('mediation.print.motto2')}</u></p></div>
      <h1 class="center">{t('mediation.print.title')}</h1>
      <p class="center"><em>{t('mediation.print.date', { date: formatDate(m.closed_on) || '……/……/……' })}</em></p>
      <ol class="lettered">
        <li><strong>{t('mediation.record.basis')}:</strong> {line('basis')}</li>
        <li><strong>{t('mediation.print.parties')}:</strong> {names.join('; ')}</li>
        <li><strong>{t('mediation.record.facts')}:</strong> {rec.facts || m.summary}</li>
        <li><strong>{t('mediation.record.course')}:</strong> {line('course')}</li>
        <li><strong>{t('mediation.record.agreement')}:</strong> {line('agreement')}</li>
        <li><strong>{t('mediation.record.obligations')}:</strong> {line('obligations')}</li>
        <li><strong>{t('mediation.record.performance')}:</strong> {line('performance')}</li>
        <li>{t('mediation.print.signatures')}</li>
      </ol>
      <div class="signatures">{[...names.map((n) => `${t('mediation.print.party')}: ${n}`), ...(mediators.length ? mediators : ['']).map((n) => `${t('mediation.print.mediator')}${n ? `: ${n}` : ''}`)].map((l) => <div><strong>{l}</strong><br /><br /><br />&nbsp;</div>)}</div>
    </article>
  );
}

export function CasePage(p: { m: MediationCasesTable; teamName: string; sessions: MediationSessionsTable[]; today: string; canManage: boolean } & Form) {
  const t = useT();
  const rec = p.m.record ? (JSON.parse(p.m.record) as Record<string, string>) : null;
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <span class="caption"><a href={`/mediation/teams/${p.m.team_id}`}>{p.teamName}</a></span>
      <h1>{parties(p.m)} <CaseStatus m={p.m} today={p.today} /></h1>
      <dl class="summary">
        <dt>{t('mediation.summary')}</dt><dd>{p.m.summary}</dd>
        <dt>{t('mediation.assignedOn')}</dt><dd>{formatDate(p.m.assigned_on)}</dd>
        <dt>{t('mediation.startDue')}</dt><dd>{formatDate(p.m.start_due)}</dd>
        {p.m.closed_on && <><dt>{t('mediation.closedOn')}</dt><dd>{formatDate(p.m.closed_on)}</dd></>}
      </dl>
      <Table caption={t('mediation.sessions')} empty={t('mediation.noSessions')} head={[t('mediation.heldOn'), t('mediation.note')]} rows={p.sessions.map((s) => [formatDate(s.held_on), s.note])} />
      {rec && <p class="actions no-print"><a href={`/mediation/cases/${p.m.id}/record`}>{t('mediation.printRecord')}</a></p>}
      {rec && <section><h2>{t('mediation.record')}</h2><dl class="summary">{['basis', 'facts', 'course', 'agreement', 'obligations', 'performance'].filter((k) => rec[k]).map((k) => <><dt>{t(`mediation.record.${k}`)}</dt><dd>{rec[k]}</dd></>)}</dl></section>}
      {p.canManage && !p.m.result && <>
        <form method="post" action={`/mediation/cases/${p.m.id}/sessions`} novalidate>
          <Csrf />
          <h2>{t('mediation.addSession')}</h2>
          <Field name="heldOn" label={t('mediation.heldOn')} hint={t('mediation.dateHint')} errors={p.errors} values={p.values ?? { heldOn: formatDate(p.today) }} width="short" />
          <Field name="note" label={t('mediation.note')} errors={p.errors} values={p.values} />
          <button type="submit">{t('form.save')}</button>
        </form>
        <form method="post" action={`/mediation/cases/${p.m.id}/outcome`} novalidate>
          <Csrf />
          <h2>{t('mediation.outcome')}</h2>
          <Select name="result" label={t('mediation.resultLabel')} errors={p.errors} values={p.values} options={(['settled', 'not-settled', 'stopped'] as const).map((r) => [r, t(`mediation.result.${r}`)])} />
          <p class="hint">{t('mediation.agreementHint')}</p>
          {RECORD_FIELDS.map((k) => <Field name={k} label={t(`mediation.record.${k}`)} errors={p.errors} values={p.values} />)}
          <button type="submit">{t('form.save')}</button>
        </form>
      </>}
    </>
  );
}
