import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate, inLang } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Select, useT } from '../../../platform/views/components.tsx';
import { ConflictPanel, VersionField, type Conflict } from '../../../platform/views/conflict.tsx';
import { sentVersion, versionOf } from '../../../platform/http/concurrency.ts';
import type { T } from '../../../platform/i18n/index.ts';
import { electionSteps, RULES, recognitionBy, type Matter } from '../../../domain/democracy/index.ts';
import type { CommunityDecisionsTable } from '../community.tables.ts';
import { StatusTag } from './village.tsx';

type Props = { d: CommunityDecisionsTable; villageName: string; communeName: string; total: number; canManage: boolean; canRecognize: boolean; errors?: FieldErrors; values?: Record<string, string>; conflict?: Conflict };

/** One decision: facts, tally entry, result by Art. 21(1), the record to print, and the commune's actions. */
export function DecisionPage(p: Props) {
  const t = useT();
  const d = p.d;
  const rule = d.rule ? RULES.get(d.rule) : undefined;
  const closed = d.status !== 'open';
  const team = names(d.count_team);
  const witnesses = names(d.count_witnesses);
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <span class="caption"><a href={`/community/villages/${d.village_id}`}>{p.villageName}</a> · {p.communeName}{d.parent_id && <> · <a href={`/community/commune-decisions/${d.parent_id}`}>{t('community.partOfCommune')}</a></>}</span>
      <h1>{d.question} <StatusTag d={d} /></h1>
      <dl class="summary">
        <dt>{t('community.matter')}</dt><dd>{t(`community.matter.${d.matter}`)}</dd>
        <dt>{t('community.form')}</dt><dd>{t(`community.form.${d.form}`)}</dd>
        <dt>{t('community.proposer')}</dt><dd>{t(`community.proposer.${d.proposer}`)}{d.initiative_expires && <> · {t('community.initiativeValidTo', { date: formatDate(d.initiative_expires) })}</>}</dd>
        <dt>{t('community.voteOn')}</dt><dd>{formatDate(d.vote_on) || '—'}</dd>
        <dt>{t('community.totalHouseholds')}</dt><dd>{d.total_households ?? p.total}</dd>
        {d.yes !== null && <><dt>{t('community.tally')}</dt><dd data-testid="tally">{t('community.tallyText', { present: d.households_present ?? '—', yes: d.yes, no: d.no ?? 0, other: d.other ?? 0 })}</dd></>}
        {d.form === 'meeting' && d.secret_ballot !== null && <><dt>{t('community.voting')}</dt><dd>{t(Number(d.secret_ballot) ? 'community.secretBallot' : 'community.showOfHands')}</dd></>}
        {team.length > 0 && <><dt>{t(`community.team.${d.form}`)}</dt><dd data-testid="count-team">{team.join(', ')}</dd></>}
        {witnesses.length > 0 && <><dt>{t('community.witnesses')}</dt><dd>{witnesses.join(', ')}</dd></>}
      </dl>
      {closed && rule && (
        <div class="notice" role="status" data-testid="result">
          <p><strong>{t(Number(d.passed) ? 'community.resultPassed' : 'community.resultFailed', { yes: d.yes ?? 0, total: d.total_households ?? 0 })}</strong></p>
          <p>{t('community.ruleApplied', { note: inLang(t.lang, rule.note ?? '', rule.noteEn), article: rule.article })}</p>
          {d.record_due && <p>{t('community.recordDue', { date: formatDate(d.record_due) })}</p>}
          {d.recognize_due && <p>{t('community.recognizeDue', { date: formatDate(d.recognize_due) })}</p>}
          {d.recognition_note && <p>{d.recognition_note}</p>}
          {d.annulment_reason && <p>{t('community.annulledBecause', { reason: d.annulment_reason })}</p>}
        </div>
      )}
      <p class="actions no-print">
        {d.form === 'meeting' && <a href={`/community/decisions/${d.id}/invitation`}>{t('community.printInvitation')}</a>}
        <a href={`/community/decisions/${d.id}/minutes`}>{t('community.printMinutes')}</a>
        {d.form !== 'meeting' && <a href={`/community/decisions/${d.id}/ballot-sheet`}>{t('community.printBallot')}</a>}
        {d.matter === 'village-head' && <a href={`/community/decisions/${d.id}/candidates`}>{t('community.printCandidates')}</a>}
        {(d.form !== 'meeting' || Number(d.secret_ballot)) ? <a href={`/community/decisions/${d.id}/count-minutes`}>{t(d.form === 'online' ? 'community.printOnlineMinutes' : 'community.printCountMinutes')}</a> : null}
      </p>
      {d.matter === 'village-head' && d.vote_on && d.status === 'open' && (
        <div class="notice" data-testid="election-steps"><p><strong>{t('community.electionSteps')}</strong></p>
          <ul>{electionSteps(d.vote_on).map((s) => <li>{t('community.electionStep', { note: inLang(t.lang, s.note, s.noteEn), date: formatDate(s.lastDay), article: s.article })}</li>)}</ul></div>
      )}
      {p.canManage && d.status === 'open' && <TallyForm d={d} errors={p.errors} values={p.values} conflict={p.conflict} />}
      {p.canManage && d.status === 'open' && d.yes !== null && (
        <form method="post" action={`/community/decisions/${d.id}/close`}><Csrf /><button type="submit">{t('community.close')}</button></form>
      )}
      {p.canManage && d.status === 'ballot-offered' && (
        <form method="post" action={`/community/decisions/${d.id}/ballot`}>
          <Csrf />
          <div class="notice">{t('community.ballotOffered')}</div>
          <Field name="voteOn" label={t('community.ballotReturnBy')} hint={t('community.dateHint')} errors={p.errors} values={p.values} width="short" />
          <button type="submit">{t('community.startBallot')}</button>
        </form>
      )}
      {p.canRecognize && d.status === 'closed' && <CommuneActions d={d} errors={p.errors} values={p.values} />}
    </>
  );
}

/** A JSON list of names stored on the decision (empty when not recorded). */
export const names = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);

/** A textarea of names, one per line, GOV.UK style (label, hint, inline error, value kept). */
function NamesArea({ name, label, hint, errors, values }: { name: string; label: string; hint: string; errors?: FieldErrors; values?: Record<string, string> }) {
  const err = errors?.[name];
  return (
    <div class={`field${err ? ' field-error' : ''}`}>
      <label for={`f-${name}`}>{label}</label>
      <div class="hint" id={`h-${name}`}>{hint}</div>
      {err && <p class="error-message" id={`e-${name}`}>{err}</p>}
      <textarea id={`f-${name}`} name={name} rows={3} aria-describedby={`h-${name}`} aria-invalid={err ? 'true' : undefined}>{values?.[name] ?? ''}</textarea>
    </div>
  );
}

/** The tally as saved, for the conflict panel of a stale tally form. */
export function tallyRows(d: CommunityDecisionsTable, t: T): Conflict['rows'] {
  return [
    ...(d.form === 'meeting' ? [[t('community.householdsPresent'), String(d.households_present ?? '')] as [string, string]] : []),
    [t('community.yes'), String(d.yes ?? '')], [t('community.no'), String(d.no ?? '')], [t('community.other'), String(d.other ?? '')],
    [t(`community.team.${d.form}`), names(d.count_team).join(', ')], ...(d.form !== 'online' ? [[t('community.witnesses'), names(d.count_witnesses).join(', ')] as [string, string]] : []),
  ];
}

function TallyForm({ d, errors, values, conflict }: { d: CommunityDecisionsTable; errors?: FieldErrors; values?: Record<string, string>; conflict?: Conflict }) {
  const t = useT();
  const v = values ?? { householdsPresent: d.households_present?.toString() ?? '', yes: d.yes?.toString() ?? '', no: d.no?.toString() ?? '', other: d.other?.toString() ?? '',
    secretBallot: Number(d.secret_ballot) ? '1' : '', team: names(d.count_team).join('\n'), witnesses: names(d.count_witnesses).join('\n') };
  return (
    <form method="post" action={`/community/decisions/${d.id}/tally`} novalidate>
      <Csrf />
      <h2>{t('community.enterTally')}</h2>
      <ConflictPanel conflict={conflict} />
      <VersionField value={sentVersion(values?.lockVersion) ?? versionOf(d.lock_version)} />
      {d.form === 'meeting' && <Field name="householdsPresent" label={t('community.householdsPresent')} errors={errors} values={v} width="short" type="number" />}
      <Field name="yes" label={t('community.yes')} errors={errors} values={v} width="short" type="number" />
      <Field name="no" label={t('community.no')} errors={errors} values={v} width="short" type="number" />
      <Field name="other" label={t('community.other')} errors={errors} values={v} width="short" type="number" />
      {d.form === 'meeting' && <Select name="secretBallot" label={t('community.voting')} errors={errors} values={v} options={[['', t('community.showOfHands')], ['1', t('community.secretBallot')]]} />}
      <NamesArea name="team" label={t(`community.team.${d.form}`)} hint={t(d.form === 'meeting' ? 'community.teamHintMeeting' : 'community.teamHint')} errors={errors} values={v} />
      {d.form !== 'online' && <NamesArea name="witnesses" label={t('community.witnesses')} hint={t('community.witnessesHint')} errors={errors} values={v} />}
      <button type="submit">{t('community.saveTally')}</button>
    </form>
  );
}

function CommuneActions({ d, errors, values }: { d: CommunityDecisionsTable; errors?: FieldErrors; values?: Record<string, string> }) {
  const t = useT();
  const needsRecognition = Number(d.passed) && recognitionBy(d.matter as Matter) !== 'none';
  return (
    <>
      <h2>{t('community.communeActions')}</h2>
      {!d.record_sent_on && (
        <form method="post" action={`/community/decisions/${d.id}/received`} novalidate>
          <Csrf />
          <Field name="on" label={t('community.receivedOn')} hint={t('community.receivedHint')} errors={errors} values={values} width="short" />
          <button type="submit" class="button secondary">{t('community.markReceived')}</button>
        </form>
      )}
      {needsRecognition ? (
        <form method="post" action={`/community/decisions/${d.id}/recognition`} novalidate>
          <Csrf />
          <Select name="decision" label={t('community.recognition')} errors={errors} values={values} options={[['recognized', t('community.status.recognized')], ['refused', t('community.status.refused')]]} />
          <Field name="receivedOn" label={t('community.receivedOn')} hint={t('community.dateHint')} errors={errors} values={values} width="short" />
          <Field name="note" label={t('community.recognitionNote')} errors={errors} values={values} />
          <button type="submit">{t('form.save')}</button>
        </form>
      ) : null}
      <form method="post" action={`/community/decisions/${d.id}/annulment`} novalidate>
        <Csrf />
        <Select name="kind" label={t('community.annulKind')} errors={errors} values={values} options={[['unlawful', t('community.annul.unlawful')], ['procedure', t('community.annul.procedure')]]} />
        <Field name="reason" label={t('community.annulReason')} errors={errors} values={values} />
        <button type="submit" class="button warning">{t('community.annul')}</button>
      </form>
    </>
  );
}
