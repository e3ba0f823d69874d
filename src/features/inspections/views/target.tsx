import { formatDate } from '../../../platform/i18n/index.ts';
import { Table, useLang, useT } from '../../../platform/views/components.tsx';
import { indicatorLabel } from '../../../platform/indicators/index.ts';
import type { TargetRights } from '../inspections.access.ts';
import type { TargetView } from '../inspections.load.ts';
import { GoodModels } from './models.tsx';
import { ActionForm, Area, Csrf, Paras, Due, ErrorSummary, Field, Select, type Form } from './common.tsx';

const RESULTS = ['met', 'partly', 'not_met', 'na'];
/** The result a criterion's points suggest before the inspector chooses: full points met, none not met, partly between (met when nothing is computed). */
const resultOf = (points: number | undefined, max: number) => (points == null || points >= max ? 'met' : points <= 0 ? 'not_met' : 'partly');

function Findings({ v, rights, errors, values }: { v: TargetView; rights: TargetRights } & Form) {
  const t = useT();
  const lang = useLang();
  const by = new Map(v.findings.map((f) => [f.criterion_code, f]));
  const val = (k: string, fallback: string) => values?.[k] ?? fallback;
  const editable = rights.record && v.conclusion?.status !== 'issued';
  const rows = v.scheme.def.criteria.map((c) => {
    const f = by.get(c.code);
    const a = v.auto.get(c.code);
    const source = a ? <p class="hint" data-testid={`auto-${c.code}`}>{t('inspections.autoSource', { from: formatDate(a.from), to: formatDate(a.to) })}: {a.figures.map((g) => `${indicatorLabel(g.code, lang)} = ${g.value}`).join('; ')}{a.target != null ? `; ${t('inspections.target')} ${a.target}` : ''}{a.pct != null ? `; ${a.pct}%` : ''} → <strong>{t('inspections.autoPoints', { points: a.points })}</strong></p> : null;
    const err = (k: string) => errors?.[`${k}.${c.code}`];
    const files = v.evidence.filter((e) => e.code === c.code);
    const ev = files.length ? <ul class="evidence" data-testid={`evidence-${c.code}`}>{files.map((e) => <li><a href={`/inspection-targets/${v.t.id}/evidence/${e.id}`}>{e.name}</a> ({e.kind.toUpperCase()}, {Math.max(1, Math.round(e.size / 1024))} KB)</li>)}</ul> : null;
    if (!editable) return [<>{c.code}. {c.text}{source}{ev}</>, String(c.maxPoints), f ? t(`inspections.result.${f.result}`) : '—', f?.points == null ? '—' : String(f.points), [f?.override_reason && `${t('inspections.overrideReason')}: ${f.override_reason}`, f?.note].filter(Boolean).join(' · ')];
    return [<>{c.code}. {c.text}{source}{ev}<input type="hidden" name={`code.${c.code}`} value={c.code} /></>, String(c.maxPoints),
      <select name={`result.${c.code}`} id={`f-result.${c.code}`} aria-label={t('inspections.result')}>{RESULTS.map((r) => <option value={r} selected={val(`result.${c.code}`, f?.result ?? resultOf(a?.points, c.maxPoints)) === r}>{t(`inspections.result.${r}`)}</option>)}</select>,
      <>{err('points') && <p class="error-message">{err('points')}</p>}<input name={`points.${c.code}`} id={`f-points.${c.code}`} class="input-short" aria-label={t('inspections.points')} value={val(`points.${c.code}`, f?.points == null ? '' : String(f.points))} /></>,
      <>{err('overrideReason') && <p class="error-message">{err('overrideReason')}</p>}
        <input name={`overrideReason.${c.code}`} id={`f-overrideReason.${c.code}`} placeholder={t('inspections.overrideReason')} aria-label={t('inspections.overrideReason')} value={val(`overrideReason.${c.code}`, f?.override_reason ?? '')} />
        <input name={`note.${c.code}`} id={`f-note.${c.code}`} placeholder={t('inspections.note')} aria-label={t('inspections.note')} value={val(`note.${c.code}`, f?.note ?? '')} /></>];
  });
  const table = <Table caption={t('inspections.findings')} head={[t('inspections.criterion'), t('inspections.maxPoints'), t('inspections.result'), t('inspections.points'), t('inspections.noteAndReason')]} rows={rows} />;
  if (!editable) return table;
  return <form method="post" action={`/inspection-targets/${v.t.id}/findings`} novalidate>
    <Csrf />
    <Field name="visitedOn" label={t('inspections.visitedOn')} hint={t('inspections.dateHint')} errors={errors} values={{ visitedOn: formatDate(v.t.visited_on ?? v.t.visit_date), ...values }} width="short" />
    <Field name="visitPlace" label={t('inspections.visitPlace')} errors={errors} values={{ visitPlace: v.t.visit_place ?? '', ...values }} />
    <p class="hint">{t('inspections.findingsHint')}</p>
    {table}
    <button type="submit">{t('inspections.saveFindings')}</button>
  </form>;
}

/** Upload of an evidence file for one checklist item (its own form: forms do not nest). */
function EvidenceForm({ v, errors, values }: { v: TargetView } & Form) {
  const t = useT();
  const err = errors?.file;
  return <form method="post" action={`/inspection-targets/${v.t.id}/evidence`} enctype="multipart/form-data" id="evidence" novalidate><Csrf />
    <h3>{t('inspections.addEvidence')}</h3>
    <Select name="code" label={t('inspections.criterion')} errors={errors} values={values} options={v.scheme.def.criteria.map((c) => [c.code, `${c.code}. ${c.text}`])} />
    <div class={`field${err ? ' field-error' : ''}`}>
      <label for="f-file">{t('inspections.evidenceFile')}</label>
      <div class="hint">{t('inspections.evidenceHint')}</div>
      {err && <p class="error-message" id="e-file">{err}</p>}
      <input type="file" id="f-file" name="file" accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png" aria-invalid={err ? 'true' : undefined} />
    </div>
    <button type="submit" class="button secondary">{t('inspections.uploadEvidence')}</button></form>;
}

export function TargetPage({ v, rights, today, remediable, errors, values }: { v: TargetView; rights: TargetRights; today: string; remediable: Set<string> } & Form) {
  const t = useT();
  const { t: x, plan, dates, flags, conclusion } = v;
  const issued = conclusion?.status === 'issued';
  return <>
    <ErrorSummary errors={errors} />
    <span class="caption"><a href={`/inspections/${plan.id}`}>{plan.title}</a></span>
    <h1>{v.unitName} <span class="tag">{t(`inspections.targetStatus.${x.status}`)}</span></h1>
    <dl class="summary">
      <dt>{t('inspections.team')}</dt><dd>{v.team.name} ({t('inspections.teamDecision', { no: v.team.decision_number, date: formatDate(v.team.decision_date) })})</dd>
      <dt>{t('inspections.visitDate')}</dt><dd>{formatDate(x.visit_date)}{x.visited_on && x.visited_on !== x.visit_date ? ` (${t('inspections.visitedOn')} ${formatDate(x.visited_on)})` : ''}</dd>
      {plan.mode === 'planned' && <><dt>{t('inspections.notice')}</dt><dd data-testid="notice">{t('inspections.noticeBy', { date: formatDate(dates.noticeDue) })} <Due due={dates.noticeDue} doneOn={x.notice_sent_on} today={today} /></dd></>}
      <dt>{t('inspections.selfReport')}</dt><dd data-testid="self-report-due">{plan.mode === 'planned' ? <Due due={dates.selfReportDue} doneOn={x.self_report_filed_on} today={today} /> : t('inspections.unannouncedNoDue')}{flags.selfReportLate && <span class="tag red">{t('inspections.lateFlag')}</span>}</dd>
      <dt>{t('inspections.conclusionDue')}</dt><dd>{x.visited_on ? <Due due={dates.conclusionDue} doneOn={issued ? conclusion!.issued_on : null} today={today} /> : t('inspections.afterVisit', { days: plan.conclusion_days })}</dd>
    </dl>
    <p class="muted">{t('inspections.materials')}: <a href={`/inspections/${plan.id}`}>{t('inspections.plan')}</a> · {t('inspections.teamDecision', { no: v.team.decision_number, date: formatDate(v.team.decision_date) })} · <a href={`/inspection-schemes/${v.scheme.id}`}>{t('inspections.outline')}</a></p>
    {rights.manage && !x.notice_sent_on && <form method="post" action={`/inspection-targets/${x.id}/notice`} novalidate><Csrf /><h2>{t('inspections.sendNotice')}</h2>
      <Field name="sentOn" label={t('inspections.sentOn')} hint={t('inspections.noticeHint', { days: plan.notice_days, date: formatDate(dates.noticeDue) })} errors={errors} values={values ?? { sentOn: formatDate(today) }} width="short" />
      <button type="submit">{t('inspections.sendNotice')}</button></form>}

    <h2>{t('inspections.selfReport')}</h2>
    {x.self_report_filed_on ? <><p>{t('inspections.selfScore')}: <strong>{x.self_score}</strong> · {t('inspections.filedOn', { date: formatDate(x.self_report_filed_on) })}</p><Paras text={x.self_report} /></> : <p>{t('inspections.noSelfReport')}</p>}
    {rights.respond && !x.visited_on && <form method="post" action={`/inspection-targets/${x.id}/self-report`} novalidate><Csrf />
      <Area name="report" label={t('inspections.selfReportText')} hint={t('inspections.selfReportHint')} errors={errors} values={values ?? { report: x.self_report ?? '' }} rows={8} />
      <Field name="selfScore" label={t('inspections.selfScore')} errors={errors} values={values ?? { selfScore: x.self_score == null ? '' : String(x.self_score) }} width="short" />
      <button type="submit">{t('inspections.fileSelfReport')}</button></form>}

    {rights.findings ? <>
      <h2>{t('inspections.visit')}</h2>
      <Findings v={v} rights={rights} errors={errors} values={values} />
      {rights.record && !issued && <EvidenceForm v={v} errors={errors} values={values} />}
      {v.score && x.visited_on && <p data-testid="score">{t('inspections.scoreLine', { total: v.score.total, max: v.score.fullMax, base: v.score.base, bonus: v.score.bonus, penalty: v.score.penalty })}</p>}
      {x.visited_on && <p class="actions"><a class="button secondary" href={`/inspection-targets/${x.id}/minutes.docx`}>{t('inspections.minutesDocx')}</a></p>}
      <h2>{t('inspections.explanation')}</h2>
      {x.explanation ? <Paras text={x.explanation} /> : <p>{t('inspections.noExplanation')}</p>}
      {rights.respond && x.visited_on && !issued && <form method="post" action={`/inspection-targets/${x.id}/explanation`} novalidate><Csrf />
        <Area name="explanation" label={t('inspections.explanation')} errors={errors} values={values ?? { explanation: x.explanation ?? '' }} /><button type="submit">{t('form.save')}</button></form>}
    </> : <p class="notice">{t('inspections.findingsHidden')}</p>}

    {(conclusion && (issued || rights.findings)) && <>
      <h2>{t('inspections.conclusion')} {issued ? <span class="tag green">{t('inspections.issuedOn', { date: formatDate(conclusion.issued_on) })}</span> : <span class="tag grey">{t('inspections.draft')}</span>}</h2>
      <h3>{t('inspections.strengths')}</h3><Paras text={conclusion.strengths} />
      <h3>{t('inspections.limitations')}</h3><Paras text={conclusion.limitations} />
      {conclusion.causes && <><h3>{t('inspections.causes')}</h3><Paras text={conclusion.causes} /></>}
      {conclusion.good_models && <><h3>{t('inspections.goodModels')}</h3><Paras text={conclusion.good_models} /><p class="hint">{t('inspections.goodModelsHint')} <a href="/exemplars">{t('inspections.toExemplars')}</a></p></>}
      <p class="actions"><a class="button secondary" href={`/inspection-targets/${x.id}/conclusion.docx`}>{t('inspections.conclusionDocx')}</a></p>
      <GoodModels targetId={x.id} models={v.goodModels} canPropose={rights.manage} errors={errors} values={values} />
    </>}
    {rights.manage && x.visited_on && !issued && <form method="post" action={`/inspection-targets/${x.id}/conclusion`} novalidate><Csrf />
      <h2>{t('inspections.draftConclusion')}</h2>
      <Field name="documentNumber" label={t('inspections.documentNumber')} errors={errors} values={values ?? { documentNumber: conclusion?.document_number ?? '' }} width="short" />
      <Area name="strengths" label={t('inspections.strengths')} errors={errors} values={values ?? { strengths: conclusion?.strengths ?? '' }} />
      <Area name="limitations" label={t('inspections.limitations')} errors={errors} values={values ?? { limitations: conclusion?.limitations ?? '' }} />
      <Area name="causes" label={t('inspections.causes')} errors={errors} values={values ?? { causes: conclusion?.causes ?? '' }} />
      <Area name="goodModels" label={t('inspections.goodModels')} errors={errors} values={values ?? { goodModels: conclusion?.good_models ?? '' }} />
      <button type="submit">{t('form.save')}</button></form>}

    {v.recs.length > 0 || (rights.manage && conclusion) ? <Table caption={t('inspections.recommendations')} empty={t('inspections.noRecommendations')} head={[t('inspections.recText'), t('inspections.addressee'), t('inspections.dueOnLabel'), t('inspections.remediation')]}
      rows={v.recs.map((r) => [r.text, r.addresseeName, <Due due={r.due_on} doneOn={r.remediated_on} today={today} />, <>
        {r.remediation_report && <Paras text={r.remediation_report} />}
        {r.closed_on ? <span class="tag green">{t('inspections.closedOn', { date: formatDate(r.closed_on) })}</span> : null}
        {issued && !r.closed_on && remediable.has(r.id) && <form method="post" action={`/inspection-recommendations/${r.id}/remediation`} novalidate><Csrf /><Area name="report" label={t('inspections.remediationReport')} errors={errors} values={values} rows={3} /><button type="submit">{t('inspections.fileRemediation')}</button></form>}
        {rights.manage && r.remediated_on && !r.closed_on && <ActionForm action={`/inspection-recommendations/${r.id}/close`} label={t('inspections.close')} />}
      </>])} /> : null}
    {rights.manage && conclusion && !issued && <>
      <form method="post" action={`/inspection-targets/${x.id}/recommendations`} novalidate><Csrf /><h3>{t('inspections.addRecommendation')}</h3>
        <Area name="text" label={t('inspections.recText')} errors={errors} values={values} rows={2} />
        <Field name="dueOn" label={t('inspections.dueOnLabel')} hint={t('inspections.recDueHint', { days: plan.recommendation_days })} errors={errors} values={values} width="short" />
        <button type="submit">{t('inspections.addRecommendation')}</button></form>
      <form method="post" action={`/inspection-targets/${x.id}/issue`} novalidate><Csrf /><h3>{t('inspections.issue')}</h3>
        <Field name="issuedOn" label={t('inspections.issuedOnLabel')} hint={t('inspections.issueHint', { date: formatDate(dates.conclusionDue) })} errors={errors} values={values?.issuedOn !== undefined ? values : { issuedOn: formatDate(today) }} width="short" />
        <button type="submit">{t('inspections.issue')}</button></form>
    </>}
  </>;
}
export { Select };
