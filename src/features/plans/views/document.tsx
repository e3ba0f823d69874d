import type { Child } from 'hono/jsx';
import { useT } from '../../../platform/views/components.tsx';
import { SUPERVISION_AREAS } from '../../../domain/supervision-areas.ts';
import type { ItemNode, PlanView } from '../plans.repository.ts';

const DAY = (d: string | null) => {
  const m = d ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(d) : null;
  return m ? `ngày ${m[3]} tháng ${m[2]} năm ${m[1]}` : 'ngày … tháng … năm …';
};

/** Text with footnote marks "[1]" turned into superscript links to the notes. */
function Marked({ text }: { text: string }) {
  const parts = text.split(/\[(\d+)\]/);
  return <>{parts.map((p, i) => (i % 2 ? <sup><a href={`#fn-${p}`} id={`fnref-${p}`}>{p}</a></sup> : p))}</>;
}

function Paras({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return <>{text.split(/\n\s*\n/).map((p) => <p><Marked text={p} /></p>)}</>;
}

function Items({ items, level, parentPlanId }: { items: ItemNode[]; level: number; parentPlanId: string | null }) {
  const t = useT();
  return (
    <>
      {items.map((it) => (
        <section class="plan-item" id={`item-${it.id}`}>
          {it.sourceItemId && parentPlanId ? (
            <>
              <h3>{it.number}. {it.title} <a class="muted source-link" href={`/plans/${parentPlanId}#item-${it.sourceItemId}`}>({t('plans.sourceItem')})</a></h3>
              {it.areas.length > 0 && <p class="no-print">{t('tasks.field.area')}: {it.areas.map((a) => <><a class="tag grey" href={`/tasks?area=${a}`}>{SUPERVISION_AREAS.find((x) => x.code === a)?.vi ?? a}</a> </>)}</p>}
            </>
          ) : level === 0 ? <h2>{it.number}. {it.title}</h2> : (
            <>
              <h3>{it.number}. {it.title}</h3>
              {it.areas.length > 0 && <p class="no-print">{t('tasks.field.area')}: {it.areas.map((a) => <><a class="tag grey" href={`/tasks?area=${a}`}>{SUPERVISION_AREAS.find((x) => x.code === a)?.vi ?? a}</a> </>)}</p>}
              <Paras text={it.body} />
            </>
          )}
          {it.children.length > 0 && <Items items={it.children} level={level + 1} parentPlanId={parentPlanId} />}
        </section>
      ))}
    </>
  );
}

/** A plan rendered like the original document: header, number and date, title, bases, items, duties, reporting, recipients, signer, footnotes. */
export function PlanDocumentView({ plan, dutyNames, actions }: { plan: PlanView; dutyNames: Map<string, { fullName: string }>; actions?: Child }) {
  const t = useT();
  const d = plan.document;
  const notes = [...plan.items.flatMap(function all(i: ItemNode): { mark: string; text: string }[] { return [...i.footnotes, ...i.children.flatMap(all)]; }), ...(d.reporting?.footnotes ?? [])];
  return (
    <article class="plan-document" lang="vi">
      <div class="plan-head">
        <div><strong>{d.issuerName}</strong><br />Số: {plan.documentNumber ?? '…'}</div>
        <div><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br /><strong>Độc lập - Tự do - Hạnh phúc</strong><br /><em>{plan.place ?? '…'}, {DAY(plan.issuedOn)}</em></div>
      </div>
      {plan.status !== 'issued' && <p><span class="tag grey">{t('plans.status.draft')}</span></p>}
      <h1 class="plan-title"><span class="caption">{d.kind}</span>{plan.title}</h1>
      {actions}
      {d.preamble ? <p><Marked text={d.preamble} /></p> : (
        <ul>{d.legalBases.map((b) => <li>Căn cứ {b};</li>)}</ul>
      )}
      <Items items={plan.items} level={0} parentPlanId={plan.parentPlanId} />
      {(plan.duties.length > 0 || d.reporting) && <h2>III. TỔ CHỨC THỰC HIỆN</h2>}
      {plan.duties.map((du, i) => (plan.duties[i - 1]?.number === du.number ? null : (
        <section>
          <h3>{du.number}. {du.heading}</h3>
          <Paras text={du.body} />
          {du.unitId && <p class="muted">{t('plans.dutyUnit')}: <a href={`/units/${du.unitId}`}>{dutyNames.get(du.unitId)?.fullName ?? du.unitId}</a></p>}
          {plan.duties.filter((x) => x.number === du.number && x.note).map((x) => <p class="muted">{t('plans.cosoNote')}: {x.note}</p>)}
        </section>
      )))}
      {d.reporting && (
        <section>
          <h3>{d.reporting.number}. {d.reporting.heading}</h3>
          <Paras text={d.reporting.text} />
        </section>
      )}
      {d.closing && <p>{d.closing}</p>}
      <div class="plan-foot">
        <div>
          {d.recipients.length > 0 && <><p><strong><em>Nơi nhận:</em></strong></p><ul class="recipients">{d.recipients.map((r, i) => <li>- {r}{i === d.recipients.length - 1 ? '.' : ';'}</li>)}</ul></>}
        </div>
        <div class="signer">{d.signer.position && <p><strong>{d.signer.position}</strong></p>}<p><strong>{d.signer.name || '…'}</strong></p></div>
      </div>
      {notes.length > 0 && (
        <aside class="footnotes" aria-label={t('plans.footnotes')}>
          <ol>{notes.map((n) => <li id={`fn-${n.mark}`} value={Number(n.mark)}>{n.text} <a href={`#fnref-${n.mark}`} aria-label={t('plans.backToText')}>↩</a></li>)}</ol>
        </aside>
      )}
    </article>
  );
}
