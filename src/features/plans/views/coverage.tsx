import { Csrf, useT } from '../../../platform/views/components.tsx';
import { formatDate } from '../../../platform/i18n/index.ts';
import type { Coverage } from '../plans.coverage.ts';

const MARK = { planned: '✓', none: '·', overdue: '!' } as const;

/** Units × tracked items; each cell says planned / no plan / overdue in text and colour. */
export function CoverageMatrix({ cov, total }: { cov: Coverage; total?: number }) {
  const t = useT();
  return (
    <div class="table-wrap">
      <table class="coverage">
        <caption>{t('plans.coverage.caption', { units: total ?? cov.units.length, items: cov.items.length })}</caption>
        <thead><tr><th scope="col">{t('plans.coverage.unit')}</th><th scope="col">{t('plans.coverage.plan')}</th>{cov.items.map((i) => <th scope="col" title={i.title}>{i.number}</th>)}</tr></thead>
        <tbody>
          {cov.units.map((u) => (
            <tr>
              <th scope="row"><a href={`/units/${u.unitId}`}>{u.unitName}</a></th>
              <td>{u.unitPlanId ? <a href={`/plans/${u.unitPlanId}`}>{u.status === 'issued' ? formatDate(u.issuedOn) : t('plans.status.draft')}</a> : <span class={u.overdue ? 'tag red' : 'tag grey'}>{t(u.overdue ? 'plans.cell.overdue' : 'plans.cell.none')}</span>}</td>
              {u.cells.map((c) => <td class={`cell-${c}`} title={t(`plans.cell.${c}`)}>{MARK[c]}<span class="visually-hidden"> {t(`plans.cell.${c}`)}</span></td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How many units have not issued their plan, the reminder button, and the matrix narrowed to them (or all units again). */
export function MissingSummary({ planId, missing, showing, canRemind }: { planId: string; missing: number; showing: boolean; canRemind: boolean }) {
  const t = useT();
  return (
    <section>
      <h2>{t('plans.missing.title', { n: missing })}</h2>
      <p>{showing ? <a href={`/plans/${planId}/coverage`}>{t('plans.missing.all')}</a> : missing > 0 && <a href={`/plans/${planId}/coverage?missing=1`}>{t('plans.missing.only')}</a>}</p>
      {canRemind && missing > 0 && (
        <form method="post" action={`/plans/${planId}/remind`} class="actions"><Csrf /><button type="submit" class="secondary">{t('plans.missing.remind')}</button></form>
      )}
    </section>
  );
}

export const PLANS_CSS = `.plan-document{max-width:52em}.plan-head,.plan-foot{display:flex;flex-wrap:wrap;justify-content:space-between;gap:12px 24px;text-align:center;margin-bottom:16px}
.plan-head>div,.plan-foot>div{flex:1 1 16em}.plan-foot>div:first-child{text-align:left;font-size:.9rem}.plan-title{text-align:center}.plan-item h2{font-size:1.2rem}.plan-item h3{font-size:1rem}
.plan-document p{text-align:justify}.recipients{list-style:none;padding:0;margin:0}.footnotes{border-top:1px solid #b1b4b6;margin-top:24px;font-size:.85rem}
.coverage th,.coverage td{padding:4px 6px;text-align:center;white-space:nowrap}.coverage th[scope=row]{text-align:left;white-space:normal;min-width:10em}.coverage td{position:relative}
.cell-planned{background:#cce2d8;color:#005a30}.cell-overdue{background:#f6d7d2;color:#942514;font-weight:700}.cell-none{color:#505a5f}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.progress{display:inline-block;min-width:3em}`;
