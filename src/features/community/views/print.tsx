import { formatDate } from '../../../platform/i18n/index.ts';
import { useT } from '../../../platform/views/components.tsx';
import { electionSteps, RULES } from '../../../domain/democracy/index.ts';
import type { CommunityDecisionsTable } from '../community.tables.ts';

type P = { d: CommunityDecisionsTable; villageName: string; communeName: string; total: number };

const Signatures = ({ labels }: { labels: string[] }) => (
  <div class="signatures">{labels.map((l) => <div><strong>{l}</strong><br /><br /><br />&nbsp;</div>)}</div>
);

/** The community decision record with the content of Art. 20(2) (NĐ 59 Mẫu 03 layout as far as known). */
export function Minutes({ d, villageName, communeName, total }: P) {
  const t = useT();
  const rule = d.rule ? RULES.get(d.rule) : undefined;
  const present = d.households_present;
  return (
    <article class="print-doc">
      <div class="doc-head"><p><strong>{communeName.toUpperCase()}</strong><br />{villageName.toUpperCase()}</p><p class="right"><strong>{t('print.motto1')}</strong><br /><u>{t('print.motto2')}</u></p></div>
      <h1 class="center">{t('print.minutesTitle')}</h1>
      <p class="center"><em>{t('print.about', { question: d.question })}</em></p>
      <ol class="lettered">{/* Art. 20(2) points a, b, c, d, đ, e */}
        <li>{t('print.time', { date: formatDate(d.vote_on) || '……/……/……' })}</li>
        <li>{t('print.households', { total: d.total_households ?? total, present: present ?? '……', absent: present !== null ? (d.total_households ?? total) - present : '……' })}</li>
        <li>{t('print.content', { question: d.question, matter: t(`community.matter.${d.matter}`) })}</li>
        <li>{t('print.form', { form: t(`community.form.${d.form}`) })}</li>
        <li>{t('print.results', { yes: d.yes ?? '……', no: d.no ?? '……', other: d.other ?? '……' })}</li>
        <li>{d.rule ? t(Number(d.passed) ? 'print.decisionPassed' : 'print.decisionFailed', { article: rule?.article ?? '' }) : t('print.decisionPending')}</li>
      </ol>
      {d.record_due && <p class="no-print muted">{t('community.recordDue', { date: formatDate(d.record_due) })}</p>}
      <Signatures labels={[t('print.sign.rep1'), t('print.sign.rep2'), t('print.sign.front'), t('print.sign.head')]} />
    </article>
  );
}

/** A household ballot sheet (NĐ 59 Art. 4(5)): title, question, options, other opinion, return deadline, village head bottom-right. */
export function BallotSheet({ d, villageName, communeName }: P) {
  const t = useT();
  const communeWide = !!d.parent_id;
  return (
    <article class="print-doc">
      {communeWide
        ? <p class="doc-head"><strong>{t('print.communeCommittee', { commune: communeName.toUpperCase() })}</strong><br /><em>{t('print.stampHere')}</em></p>
        : <p class="doc-head"><strong>{communeName.toUpperCase()}</strong><br />{villageName.toUpperCase()}</p>}
      <h1 class="center">{t('print.ballotTitle')}</h1>
      <p><strong>{t('print.ballotQuestion')}</strong> {d.question}</p>
      <p>{t('print.ballotInstructions')}</p>
      <ul class="ballot-options">
        <li>☐ {t('community.yes')}</li>
        <li>☐ {t('community.no')}</li>
        <li>☐ {t('print.otherOpinion')} ………………………………………………</li>
      </ul>
      <p>{t('print.household')} ………………………………………………</p>
      <p><strong>{t('print.returnBy', { date: formatDate(d.vote_on) || '……/……/……' })}</strong></p>
      {communeWide ? <p class="muted">{t('print.communeWideBallot', { village: villageName })}</p> : <div class="signatures"><div /><div><strong>{t('print.sign.head')}</strong><br /><br /><br />&nbsp;</div></div>}
    </article>
  );
}

const names = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);
const DOTS = '………………………………';

/** Invitation to the community meeting (NĐ 59 Mẫu 01; Art. 3(3): notified at least 02 days before and posted at the cultural house). */
export function Invitation({ d, villageName, communeName }: P) {
  const t = useT();
  return (
    <article class="print-doc">
      <div class="doc-head"><p><strong>{communeName.toUpperCase()}</strong><br />{villageName.toUpperCase()}</p><p class="right"><strong>{t('print.motto1')}</strong><br /><u>{t('print.motto2')}</u></p></div>
      <h1 class="center">{t('print.invitationTitle')}</h1>
      <p>{t('print.invitationTo')}</p>
      <p>{t('print.invitationBody', { village: villageName })}</p>
      <ol>
        <li>{t('print.time', { date: formatDate(d.vote_on) || '……/……/……' })}</li>
        <li>{t('print.place')} {DOTS}</li>
        <li>{t('print.content', { question: d.question, matter: t(`community.matter.${d.matter}`) })}</li>
      </ol>
      <p>{t('print.invitationNote')}</p>
      <div class="signatures"><div /><div><strong>{t('print.sign.head')}</strong><br /><br /><br />&nbsp;</div></div>
    </article>
  );
}

/**
 * Minutes of the count: NĐ 59 Mẫu 02 (secret ballot at a meeting, Art. 3(5)(c)), Mẫu 04 (household
 * ballots, Art. 4(6)) or Mẫu 03 for an online vote (Art. 5(4)): the team, the two household witnesses,
 * the papers issued and returned, and the result; signed by the team and the witnesses.
 */
export function CountMinutes({ d, villageName, communeName, total }: P) {
  const t = useT();
  const team = names(d.count_team);
  const witnesses = names(d.count_witnesses);
  const form = d.form === 'online' ? 'online' : d.form === 'ballot' ? 'ballot' : 'meeting';
  const issued = d.form === 'meeting' ? d.households_present : (d.total_households ?? total);
  const returned = d.yes === null ? null : d.yes + (d.no ?? 0) + (d.other ?? 0);
  const fill = (n: number | null | undefined) => (n === null || n === undefined ? '……' : String(n));
  return (
    <article class="print-doc">
      <div class="doc-head"><p><strong>{communeName.toUpperCase()}</strong><br />{villageName.toUpperCase()}</p><p class="right"><strong>{t('print.motto1')}</strong><br /><u>{t('print.motto2')}</u></p></div>
      <p class="center muted">{t(`print.countForm.${form}`)}</p>
      <h1 class="center">{t(`print.countTitle.${form}`)}</h1>
      <p class="center"><em>{t('print.about', { question: d.question })}</em></p>
      <p>{t('print.time', { date: formatDate(d.vote_on) || '……/……/……' })}</p>
      <p><strong>{t(`community.team.${d.form}`)}:</strong></p>
      <ol>{(team.length ? team : ['', '', '']).map((n) => <li>{n || DOTS}</li>)}</ol>
      {form !== 'online' && <><p><strong>{t('community.witnesses')}:</strong></p><ol>{(witnesses.length ? witnesses : ['', '']).map((n) => <li>{n || DOTS}</li>)}</ol></>}
      <ul>
        <li>{t('print.totalHouseholds', { total: d.total_households ?? total })}</li>
        <li>{t(form === 'online' ? 'print.participated' : 'print.issued', { n: fill(form === 'online' ? returned : issued) })}</li>
        {form !== 'online' && <li>{t('print.returned', { n: fill(returned) })}</li>}
        <li>{t('print.results', { yes: fill(d.yes), no: fill(d.no), other: fill(d.other) })}</li>
      </ul>
      <p>{t('print.copies')}</p>
      <Signatures labels={[...(team.length ? team : ['']).map((n) => (n ? `${t('print.sign.teamMember')}: ${n}` : t('print.sign.team'))).slice(0, 5), ...(form !== 'online' ? (witnesses.length ? witnesses : ['', '']).map((n) => `${t('print.sign.witness')} ${n}`.trim()) : [])]} />
    </article>
  );
}

/**
 * The candidate list for electing the village head (NĐ 59 Art. 6(2), Mẫu 05 as far as known): at
 * least one candidate, sent to the commune UBND at least 15 days before the election; rows to fill.
 */
export function Candidates({ d, villageName, communeName }: P) {
  const t = useT();
  const due = d.vote_on ? electionSteps(d.vote_on).find((s) => s.key === 'candidates')!.lastDay : null;
  return (
    <article class="print-doc">
      <div class="doc-head"><p><strong>{communeName.toUpperCase()}</strong><br />{villageName.toUpperCase()}</p><p class="right"><strong>{t('print.motto1')}</strong><br /><u>{t('print.motto2')}</u></p></div>
      <p class="center muted">{t('print.candidatesForm')}</p>
      <h1 class="center">{t('print.candidatesTitle')}</h1>
      <p class="center"><em>{t('print.about', { question: d.question })}</em></p>
      <p>{t('print.electionOn', { date: formatDate(d.vote_on) || '……/……/……' })}</p>
      <table class="print-table"><thead><tr><th>{t('print.no')}</th><th>{t('print.fullName')}</th><th>{t('print.note')}</th></tr></thead>
        <tbody>{[1, 2, 3].map((n) => <tr><td>{n}</td><td>{DOTS}</td><td /></tr>)}</tbody></table>
      <p>{due ? t('print.candidatesDue', { date: formatDate(due) }) : t('print.candidatesDueBlank')}</p>
      <div class="signatures"><div><strong>{t('print.sign.front')}</strong><br /><br /><br />&nbsp;</div><div><strong>{t('print.sign.head')}</strong><br /><br /><br />&nbsp;</div></div>
    </article>
  );
}
