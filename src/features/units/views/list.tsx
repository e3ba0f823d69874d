import type { UnitView } from '../units.repository.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import { ErrorSummary, Table, useT } from '../../../platform/views/components.tsx';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { UNIT_KINDS } from '../units.kinds.ts';

/** Validity as "dd/mm/yyyy – dd/mm/yyyy" or "từ dd/mm/yyyy". */
export function Validity({ u }: { u: { validFrom: string; validTo: string | null } }) {
  const t = useT();
  return <span>{formatDate(u.validFrom)} – {u.validTo ? formatDate(u.validTo) : t('units.current')}</span>;
}

export function SearchForm({ values, errors }: { values: Record<string, string>; errors?: FieldErrors }) {
  const t = useT();
  return (
    <form method="get" action="/units" class="filters" role="search">
      <ErrorSummary errors={errors} />
      <div class="field">
        <label for="f-q">{t('units.query')}</label>
        <div class="hint" id="h-q">{t('units.queryHint')}</div>
        <input id="f-q" name="q" type="search" value={values.q ?? ''} aria-describedby="h-q" />
      </div>
      <div class={`field${errors?.at ? ' field-error' : ''}`}>
        <label for="f-at">{t('units.asOf')}</label>
        <div class="hint" id="h-at">{t('units.asOfHint')}</div>
        {errors?.at && <p class="error-message">{errors.at}</p>}
        <input id="f-at" name="at" type="text" inputmode="numeric" class="input-short" value={values.at ?? ''} aria-describedby="h-at" />
      </div>
      <div class="field">
        <label for="f-kind">{t('units.kindFilter')}</label>
        <select id="f-kind" name="kind">
          <option value="">{t('units.allKinds')}</option>
          {UNIT_KINDS.map((k) => <option value={k} selected={values.kind === k}>{t(`unitKind.${k}`)}</option>)}
        </select>
      </div>
      <button type="submit">{t('form.search')}</button>
    </form>
  );
}

export function ResultsTable({ units, at }: { units: UnitView[]; at: string }) {
  const t = useT();
  return (
    <Table
      caption={t('units.results', { n: units.length })}
      head={[t('units.col.name'), t('units.col.kind'), t('units.col.code'), t('units.col.valid')]}
      empty={t('units.noResults')}
      rows={units.map((u) => [<a href={`/units/${u.id}?at=${at}`}>{u.fullName}</a>, t(`unitKind.${u.kind}`), u.code ?? '', <Validity u={u} />])}
    />
  );
}

type TreeNode = UnitView & { children: TreeNode[] };

const KIND_ORDER = ['province-committee', 'department', 'public-service-unit', 'district-committee', 'commune-committee', 'village', 'party-commission', 'fatherland-front', 'press'];
const byKind = (a: UnitView, b: UnitView) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);

/** Builds a forest from a flat list: committees first, then departments, communes, villages; names in order. */
export function buildTree(units: UnitView[]): TreeNode[] {
  const byId = new Map<string, TreeNode>([...units].sort(byKind).map((u) => [u.id, { ...u, children: [] }]));
  const roots: TreeNode[] = [];
  for (const n of byId.values()) (n.parentId && byId.get(n.parentId) ? byId.get(n.parentId)!.children : roots).push(n);
  return roots;
}

/** The unit tree as nested lists; branches fold with <details> (no JavaScript needed). */
export function Tree({ nodes, at, depth = 0 }: { nodes: TreeNode[]; at: string; depth?: number }) {
  const t = useT();
  return (
    <ul class="tree">
      {nodes.map((n) => (
        <li>
          {n.children.length > 0 ? (
            <details open={depth === 0}>
              <summary><a href={`/units/${n.id}?at=${at}`}>{n.fullName}</a> <span class="muted">({n.children.length})</span></summary>
              <Tree nodes={n.children} at={at} depth={depth + 1} />
            </details>
          ) : (
            <><a href={`/units/${n.id}?at=${at}`}>{n.fullName}</a>{n.code && <span class="muted"> · {n.code}</span>} <span class="tag grey">{t(`unitKind.${n.kind}`)}</span></>
          )}
        </li>
      ))}
    </ul>
  );
}
