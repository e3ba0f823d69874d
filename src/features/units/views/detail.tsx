import type { UnitView } from '../units.repository.ts';
import { formatDate, formatDateTime } from '../../../platform/i18n/index.ts';
import { Table, useT } from '../../../platform/views/components.tsx';
import { Validity } from './list.tsx';

export interface LineageRow { otherId: string; otherName: string; direction: 'from' | 'to'; kind: string; partial: boolean; effectiveDate: string; legalBasis: string | null }
export interface HistoryRow { at: string; action: string; actor: string | null }

export function UnitDetail(p: { unit: UnitView; parent?: { id: string; fullName: string }; children: UnitView[]; lineage: LineageRow[]; history: HistoryRow[]; at: string; canManage: boolean }) {
  const t = useT();
  const u = p.unit;
  return (
    <>
      <span class="caption">{t(`unitKind.${u.kind}`)}</span>
      <h1>{u.fullName}</h1>
      <dl class="summary">
        <dt>{t('units.code')}</dt><dd>{u.code ?? '—'}</dd>
        <dt>{t('units.kind')}</dt><dd>{t(`unitKind.${u.kind}`)}{u.communeType ? ` · ${t(`communeType.${u.communeType}`)}` : ''}</dd>
        <dt>{t('units.parent')}</dt><dd>{p.parent ? <a href={`/units/${p.parent.id}`}>{p.parent.fullName}</a> : '—'}</dd>
        <dt>{t('units.col.valid')}</dt><dd><Validity u={u} /> {u.validTo ? <span class="tag grey">{t('units.ended')}</span> : <span class="tag green">{t('units.current')}</span>}</dd>
      </dl>
      {p.canManage && (
        <p class="no-print actions">
          <a class="button secondary" href={`/units/${u.id}/edit`}>{t('units.edit')}</a>
          <a class="button secondary" href={`/units/new?parentId=${u.id}`}>{t('units.addChild')}</a>
        </p>
      )}
      <h2>{t('units.lineage')}</h2>
      {p.lineage.length === 0 ? <p class="muted">—</p> : (
        <ul class="lineage">
          {p.lineage.map((l) => (
            <li>
              <strong>{l.direction === 'from' ? t('units.predecessors') : t('units.successors')}:</strong>{' '}
              <a href={`/units/${l.otherId}`}>{l.otherName}</a>
              <div class="muted">
                {t(`units.reorg.${l.kind}`)}{l.partial ? ` (${t('units.partial')})` : ''} · {t('units.effectiveDate')}: {formatDate(l.effectiveDate)}
                {l.legalBasis && <> · {t('units.legalBasis')}: {l.legalBasis}</>}
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('units.children')} ({p.children.length})</h2>
      {p.children.length > 0 ? (
        <ul class="tree">{p.children.map((c) => <li><a href={`/units/${c.id}?at=${p.at}`}>{c.fullName}</a>{c.code && <span class="muted"> · {c.code}</span>}</li>)}</ul>
      ) : <p class="muted">—</p>}
      <h2>{t('units.history')}</h2>
      {p.history.length === 0 ? <p class="muted">{t('units.noHistory')}</p> : (
        <Table head={[t('units.historyAt'), t('units.historyAction'), t('units.historyActor')]} rows={p.history.map((h) => [formatDateTime(h.at), h.action, h.actor ?? ''])} />
      )}
    </>
  );
}
