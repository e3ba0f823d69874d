import type { DeadlineRule, Reading, Unit } from '../../../domain/deadlines/index.ts';
import { Csrf, useLang, useT } from '../../../platform/views/components.tsx';

/** Where the law says plain "ngày", the province chooses the reading; each choice is audited. */
export function RuleSettings(p: { rules: DeadlineRule[]; overrides: Readonly<Record<string, Unit>>; readings: readonly Reading[]; readingValues: Readonly<Record<string, boolean>>; saved: boolean }) {
  const t = useT();
  const en = useLang() === 'en';
  return (
    <>
      {p.saved && <div class="notice" role="status">{t('calendar.settingsSaved')}</div>}
      <h1>{t('calendar.settingsTitle')}</h1>
      <p>{t('calendar.settingsIntro')}</p>
      <ul class="lineage">
        {p.rules.map((r) => (
          <li>
            <strong>{en ? r.titleEn : r.title}</strong> <span class="muted">({r.id})</span>
            <div>{t('calendar.settingsDefault')}: {r.days} {t(`calendar.unit.${r.unit}`)}</div>
            {r.openQuestion && <div class="muted">{r.openQuestion}</div>}
            <form method="post" action={`/deadlines/settings/${r.id}`} class="filters">
              <Csrf />
              <div class="field">
                <label for={`u-${r.id}`}>{t('calendar.settingsUnit')}</label>
                <select id={`u-${r.id}`} name="unit">
                  <option value="">{t('calendar.settingsAsLaw')}</option>
                  {(['working-days', 'calendar-days'] as const).map((u) => <option value={u} selected={p.overrides[r.id] === u}>{t(`calendar.unit.${u}`)}</option>)}
                </select>
              </div>
              <button type="submit" class="secondary">{t('form.save')}</button>
            </form>
          </li>
        ))}
      </ul>
      <h2>{t('calendar.readingsTitle')}</h2>
      <p>{t('calendar.readingsIntro')}</p>
      <ul class="lineage" id="readings">
        {p.readings.map((r) => (
          <li>
            <strong>{en ? r.titleEn : r.title}</strong> <span class="muted">({r.id})</span>
            <div>{r.legalBasis.law}, {r.legalBasis.clause ? t('calendar.citeClause', { article: r.legalBasis.article, clause: r.legalBasis.clause }) : r.legalBasis.article}{r.verified ? '' : ` · ${t('calendar.readingUnverified')}`}</div>
            <div class="muted">{en ? r.noteEn : r.note}</div>
            <div>{t('calendar.settingsDefault')}: {t(r.defaultOn ? 'calendar.readingOn' : 'calendar.readingOff')}</div>
            <form method="post" action={`/deadlines/settings/readings/${r.id}`} class="filters">
              <Csrf />
              <div class="field">
                <label for={`r-${r.id}`}>{t('calendar.readingApply')}</label>
                <select id={`r-${r.id}`} name="value">
                  <option value="">{t('calendar.settingsAsLaw')}</option>
                  <option value="on" selected={p.readingValues[r.id] === true}>{t('calendar.readingOn')}</option>
                  <option value="off" selected={p.readingValues[r.id] === false}>{t('calendar.readingOff')}</option>
                </select>
              </div>
              <button type="submit" class="secondary">{t('form.save')}</button>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}
