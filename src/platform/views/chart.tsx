import { formatNumber, type Lang } from '../i18n/index.ts';

export interface Bar { label: string; value: number | null }

/**
 * A small bar chart as server-rendered SVG (no script, prints well, readable in greyscale), with
 * its table equivalent right under it for screen readers and for copying the numbers.
 */
export function BarChart({ id, title, bars, unit, lang, tableLabel }: { id: string; title: string; bars: Bar[]; unit: string; lang: Lang; tableLabel: string }) {
  const W = 300, H = 120, top = 16, bottom = 28, gap = 8;
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const bw = bars.length ? (W - gap * (bars.length + 1)) / bars.length : 0;
  const fmt = (v: number | null) => (v == null ? '—' : formatNumber(v, lang));
  return (
    <figure class="chart" id={id}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${id}-t`} preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-t`}>{`${title}: ${bars.map((b) => `${b.label} ${fmt(b.value)}`).join('; ')}`}</title>
        <line x1="0" y1={H - bottom} x2={W} y2={H - bottom} stroke="#505a5f" stroke-width="1" />
        {bars.map((b, i) => {
          const h = b.value == null ? 0 : ((H - top - bottom) * b.value) / max;
          const x = gap + i * (bw + gap);
          return (
            <g>
              <rect x={x.toFixed(1)} y={(H - bottom - h).toFixed(1)} width={bw.toFixed(1)} height={h.toFixed(1)} fill={i === bars.length - 1 ? '#1d70b8' : '#8eb8dc'} data-value={b.value ?? ''} />
              <text x={(x + bw / 2).toFixed(1)} y={(H - bottom - h - 4).toFixed(1)} text-anchor="middle" font-size="11">{fmt(b.value)}</text>
              <text x={(x + bw / 2).toFixed(1)} y={H - bottom + 14} text-anchor="middle" font-size="10">{b.label}</text>
            </g>
          );
        })}
      </svg>
      <figcaption><strong>{title}</strong> ({unit})</figcaption>
      <details class="no-print"><summary>{tableLabel}</summary>
        <table><tbody>{bars.map((b) => <tr><th scope="row">{b.label}</th><td>{fmt(b.value)}</td></tr>)}</tbody></table>
      </details>
    </figure>
  );
}
