import { formatDate } from '../../../platform/i18n/index.ts';
import { Table, useT } from '../../../platform/views/components.tsx';
import type { Scheme } from '../inspections.repository.ts';
import { Area, Csrf, Paras, ErrorSummary, Field, Select, type Form } from './common.tsx';

type Row = { id: string; unitName: string; unit_id: string; self_score: number | null; self_submitted_on: string | null; adjustments: string; final_score: number | null; class: string | null; not_eligible_reason: string | null; status: string; decision_number: string | null; published_on: string | null };

export function AssessmentsPage(p: { year: number; rows: Row[]; units: [string, string][]; canManage: boolean; canPublish: boolean; canSelf: boolean; selfMonth: number } & Form) {
  const t = useT();
  return <>
    <ErrorSummary errors={p.errors} />
    <h1>{t('inspections.assessmentsTitle', { year: p.year })}</h1>
    <p>{t('inspections.assessmentsIntro', { month: p.selfMonth })}</p>
    <form method="get" action="/inspection-assessments" class="inline"><Field name="year" label={t('inspections.year')} values={{ year: String(p.year) }} width="short" /><button type="submit">{t('inspections.show')}</button></form>
    <p class="actions"><a href={`/inspection-assessments/summary.xlsx?year=${p.year}`}>{t('inspections.summaryXlsx')}</a> · <a href={`/inspection-assessments/summary.docx?year=${p.year}`}>{t('inspections.summaryDocx')}</a></p>
    <Table caption={t('inspections.assessments')} empty={t('inspections.noAssessments')} head={[t('inspections.unit'), t('inspections.selfScore'), t('inspections.adjustments'), t('inspections.finalScore'), t('inspections.class'), t('inspections.status')]}
      rows={p.rows.map((r) => {
        const adj = JSON.parse(r.adjustments) as { points: number; reason: string }[];
        return [r.unitName, r.self_score == null ? '—' : String(r.self_score), adj.map((a) => `${a.points > 0 ? '+' : ''}${a.points}: ${a.reason}`).join('; ') || '—', r.final_score == null ? '—' : String(r.final_score),
          r.class ? <span class="tag" data-testid="class">{t(`inspections.class.${r.class}`)}</span> : '—',
          <>{t(`inspections.assessmentStatus.${r.status}`)}{r.published_on && ` (${r.decision_number}, ${formatDate(r.published_on)})`}
            {p.canManage && r.status !== 'published' && <details><summary>{t('inspections.appraise')}</summary>
              <form method="post" action={`/inspection-assessments/${r.id}/appraisal`} novalidate><Csrf />
                <Area name="adjustments" label={t('inspections.adjustments')} hint={t('inspections.adjustmentsHint')} errors={p.errors} values={{ adjustments: adj.map((a) => `${a.points}; ${a.reason}`).join('\n') }} rows={3} />
                <Field name="notEligibleReason" label={t('inspections.notEligibleReason')} errors={p.errors} values={{ notEligibleReason: r.not_eligible_reason ?? '' }} />
                <button type="submit">{t('inspections.appraise')}</button></form></details>}</>];
      })} />
    {p.canSelf && <form method="post" action="/inspection-assessments" novalidate><Csrf /><h2>{t('inspections.selfAssess')}</h2>
      <input type="hidden" name="year" value={String(p.year)} />
      <Select name="unitId" label={t('inspections.unit')} errors={p.errors} values={p.values} options={p.units} />
      <Field name="selfScore" label={t('inspections.selfScore')} errors={p.errors} values={p.values} width="short" />
      <Area name="note" label={t('inspections.note')} errors={p.errors} values={p.values} rows={3} />
      <button type="submit">{t('inspections.selfAssess')}</button></form>}
    {p.canPublish && <form method="post" action="/inspection-assessments/publication" novalidate><Csrf /><h2>{t('inspections.publish')}</h2>
      <input type="hidden" name="year" value={String(p.year)} />
      <Field name="decisionNumber" label={t('inspections.decisionNumber')} hint={t('inspections.publishHint')} errors={p.errors} values={p.values} width="short" />
      <Field name="publishedOn" label={t('inspections.publishedOn')} hint={t('inspections.dateHint')} errors={p.errors} values={p.values} width="short" />
      <button type="submit">{t('inspections.publish')}</button></form>}
  </>;
}

export function SchemesPage({ schemes, canManage }: { schemes: Scheme[]; canManage: boolean }) {
  const t = useT();
  return <>
    <h1>{t('inspections.schemes')}</h1>
    <p>{t('inspections.schemesIntro')}</p>
    <Table caption={t('inspections.schemes')} head={[t('inspections.scheme'), t('inspections.version'), t('inspections.validFrom'), t('inspections.decisionNumber')]}
      rows={schemes.map((s) => [<a href={`/inspection-schemes/${s.id}`}>{s.name}</a>, <>{s.version}{s.provisional ? <span class="tag grey">{t('inspections.provisional')}</span> : null}</>, formatDate(s.valid_from), s.decision_no ?? '—'])} />
    {canManage && schemes[0] && <p><a class="button" href={`/inspection-schemes/${schemes[0].id}/new-version`}>{t('inspections.newVersion')}</a></p>}
  </>;
}

export function SchemePage({ s, canManage }: { s: Scheme; canManage: boolean }) {
  const t = useT();
  return <>
    <span class="caption">{s.code} · {t('inspections.version')} {s.version}</span>
    <h1>{s.name}</h1>
    {s.def.provisional && <p class="notice">{t('inspections.provisionalNote')}</p>}
    <p class="muted">{s.def.source}</p>
    <Table caption={t('inspections.criteria')} head={[t('inspections.criterion'), t('inspections.maxPoints'), t('inspections.autoRule')]}
      rows={s.def.criteria.map((c) => [`${c.code}. ${c.text}${c.legalRef ? ` (${c.legalRef})` : ''}`, String(c.maxPoints), c.auto ? t(`inspections.auto.${c.auto.kind}`, { code: 'indicator' in c.auto ? c.auto.indicator : c.auto.num }) : '—'])} />
    <Table caption={t('inspections.bonusPenalty')} head={[t('inspections.criterion'), t('inspections.points')]} rows={[...s.def.bonus.map((b) => [`${b.code}. ${b.text}`, `+${b.maxPoints}`]), ...s.def.penalties.map((b) => [`${b.code}. ${b.text}`, `−${b.points}`]), [t('inspections.bonusCap'), String(s.def.bonusCap)]]} />
    <Table caption={t('inspections.classBands')} head={[t('inspections.class'), t('inspections.minScore')]} rows={s.def.classBands.map((b) => [t(`inspections.class.${b.cls}`), `≥ ${b.min}`])} />
    {canManage && <p><a class="button" href={`/inspection-schemes/${s.id}/new-version`}>{t('inspections.newVersion')}</a></p>}
  </>;
}

export function SchemeForm({ errors, values, from }: Form & { from: Scheme }) {
  const t = useT();
  return <>
    <ErrorSummary errors={errors} />
    <h1>{t('inspections.newVersion')}</h1>
    <p>{t('inspections.newVersionIntro', { code: from.code, version: from.version })}</p>
    <form method="post" action={`/inspection-schemes/${from.id}/new-version`} novalidate><Csrf />
      <input type="hidden" name="code" value={from.code} />
      <Field name="name" label={t('inspections.scheme')} errors={errors} values={values} />
      <Field name="decisionNo" label={t('inspections.decisionNumber')} errors={errors} values={values} width="short" />
      <Field name="validFrom" label={t('inspections.validFrom')} hint={t('inspections.dateHint')} errors={errors} values={values} width="short" />
      <Area name="definition" label={t('inspections.definition')} hint={t('inspections.definitionHint')} errors={errors} values={values} rows={30} />
      <button type="submit">{t('inspections.saveVersion')}</button></form>
  </>;
}

export function PublicPage({ data }: { data: { classes: { year: number; unitName: string; final_score: number | null; class: string | null; decision_number: string | null; published_on: string | null }[]; conclusions: { target_id: string; unitName: string; planTitle: string; issued_on: string | null; strengths: string; limitations: string; good_models: string }[] } }) {
  const t = useT();
  return <>
    <h1>{t('inspections.public.title')}</h1>
    <p>{t('inspections.public.intro')}</p>
    <Table caption={t('inspections.public.classes')} empty={t('inspections.public.none')} head={[t('inspections.year'), t('inspections.unit'), t('inspections.finalScore'), t('inspections.class'), t('inspections.decisionNumber')]}
      rows={data.classes.map((r) => [String(r.year), r.unitName, r.final_score == null ? '—' : String(r.final_score), r.class ? t(`inspections.class.${r.class}`) : '—', `${r.decision_number ?? ''} ${formatDate(r.published_on)}`])} />
    <h2>{t('inspections.public.conclusions')}</h2>
    {data.conclusions.length === 0 && <p>{t('inspections.public.none')}</p>}
    {data.conclusions.map((c) => <section data-testid="public-conclusion">
      <h3>{c.unitName} · {formatDate(c.issued_on)}</h3>
      <p class="muted">{c.planTitle}</p>
      <h4>{t('inspections.strengths')}</h4><Paras text={c.strengths} />
      <h4>{t('inspections.limitations')}</h4><Paras text={c.limitations} />
      {c.good_models && <><h4>{t('inspections.goodModels')}</h4><Paras text={c.good_models} /></>}
    </section>)}
  </>;
}
