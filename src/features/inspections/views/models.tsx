import { Table, useT } from '../../../platform/views/components.tsx';
import { FIELDS, KINDS, SUBJECTS } from '../../../domain/exemplars/forms.ts';
import type { GoodModel } from '../inspections.models.ts';
import { Csrf, Field, Select, type Form } from './common.tsx';

/** Good models found by the inspection: the candidate entries in the "Dân vận khéo" registry with their status, and (coordinator) the form proposing one. */
export function GoodModels({ targetId, models, canPropose, errors, values }: { targetId: string; models: GoodModel[]; canPropose: boolean } & Form) {
  const t = useT();
  const opts = (prefix: string, list: readonly string[]): [string, string][] => list.map((k) => [k, t(`exemplars.${prefix}.${k}`)]);
  return <section id="good-models">
    <h3>{t('inspections.candidates')}</h3>
    <p class="hint">{t('inspections.candidatesHint')}</p>
    <Table caption={t('inspections.candidates')} empty={t('inspections.noCandidates')} head={[t('inspections.modelName'), t('inspections.modelCode'), t('inspections.status')]}
      rows={models.map((m) => [<a href={`/exemplars/${m.entryId}`}>{m.name}</a>, m.code ?? '—', m.status ? <span class="tag" data-testid="candidate-status">{t(`exemplars.status.${m.status}`)}</span> : '—'])} />
    {canPropose && <form method="post" action={`/inspection-targets/${targetId}/good-models`} novalidate><Csrf />
      <h4>{t('inspections.proposeModel')}</h4>
      <Field name="name" label={t('inspections.modelName')} errors={errors} values={values} />
      <Select name="kind" label={t('inspections.modelKind')} errors={errors} values={values ?? { kind: 'model' }} options={opts('kind', KINDS)} />
      <Select name="subject" label={t('inspections.modelSubject')} errors={errors} values={values ?? { subject: 'collective' }} options={opts('subject', SUBJECTS)} />
      <Select name="field" label={t('inspections.modelField')} errors={errors} values={values} options={opts('field', FIELDS)} />
      <button type="submit">{t('inspections.proposeModel')}</button></form>}
  </section>;
}
