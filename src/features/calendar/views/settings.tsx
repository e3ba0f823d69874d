import type { DeadlineRule, Unit } from '../../../domain/deadlines/index.ts';
import { UNIT_VI } from '../../../domain/deadlines/index.ts';
import { Csrf, useT } from '../../../platform/views/components.tsx';

/** Where the law says plain "ngày", the province chooses the reading; each choice is audited. */
export function RuleSettings(p: { rules: DeadlineRule[]; overrides: Readonly<Record<string, Unit>>; saved: boolean }) {
  const t = useT();
  return (
    <>
      {p.saved && <div class="notice" role="status">{t('calendar.settingsSaved')}</div>}
      <h1>{t('calendar.settingsTitle')}</h1>
      <p>{t('calendar.settingsIntro')}</p>
      <ul class="lineage">
        {p.rules.map((r) => (
          <li>
            <strong>{r.title}</strong> <span class="muted">({r.id})</span>
            <div>{t('calendar.settingsDefault')}: {r.days} {UNIT_VI[r.unit]}</div>
            {r.openQuestion && <div class="muted">{r.openQuestion}</div>}
            <form method="post" action={`/deadlines/settings/${r.id}`} class="filters">
              <Csrf />
              <div class="field">
                <label for={`u-${r.id}`}>{t('calendar.settingsUnit')}</label>
                <select id={`u-${r.id}`} name="unit">
                  <option value="">{t('calendar.settingsAsLaw')}</option>
                  {(['working-days', 'calendar-days'] as const).map((u) => <option value={u} selected={p.overrides[r.id] === u}>{UNIT_VI[u]}</option>)}
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
