import { formatDateTime } from '../../../platform/i18n/index.ts';
import { useT } from '../../../platform/views/components.tsx';
import type { Period } from '../reports.repository.ts';

export interface ExportView { id: string; format: string; status: string; progress: number; step: string; error: string | null; createdAt: string }

/** Progress of a background export; refreshes itself (meta refresh, no JavaScript) until the file is ready. */
export function ExportPage({ period, x }: { period: Period; x: ExportView }) {
  const t = useT();
  const base = `/report-periods/${period.id}/exports/${x.id}`;
  const pending = x.status === 'queued' || x.status === 'running';
  return (
    <>
      {pending && <meta http-equiv="refresh" content="3" />}
      <p class="caption"><a href={`/report-periods/${period.id}/aggregate`}>{t('reports.aggregateTitle')} · {period.title}</a></p>
      <h1>{t('reports.export.title')} ({x.format.toUpperCase()})</h1>
      <p>{t('reports.export.requested', { at: formatDateTime(x.createdAt) })}</p>
      <p role="status" aria-live="polite"><strong>{t(`reports.export.step.${x.step}`)}</strong> · {x.progress}%</p>
      <progress max={100} value={x.progress} aria-label={t('reports.export.title')}>{x.progress}%</progress>
      {pending && <p><a href={base}>{t('reports.export.refresh')}</a></p>}
      {x.status === 'done' && <p><a href={`${base}/file`}><strong>{t('reports.export.download')}</strong></a></p>}
      {x.status === 'failed' && <div class="error-summary" role="alert">{t('reports.export.failed')}{x.error ? `: ${x.error}` : ''}</div>}
    </>
  );
}
