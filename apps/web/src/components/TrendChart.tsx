import { formatDate, formatNumber } from '../format';
import { DataTable } from './DataTable';

export interface TrendSeries {
  name: string;
  points: Array<{ bucket: string; count: number }>;
}

/**
 * A bar chart as plain SVG (no chart library: small, and no inline styles for the CSP), with the
 * same numbers as a table right below it for those who cannot see the chart.
 */
export function TrendChart({ series, intervalLabel }: { series: TrendSeries; intervalLabel: string }) {
  const max = Math.max(1, ...series.points.map((p) => p.count));
  const w = 320;
  const h = 120;
  const barW = series.points.length ? w / series.points.length : w;
  const total = series.points.reduce((s, p) => s + p.count, 0);
  return (
    <figure className="kern-card trend">
      <div className="kern-card__container">
        <figcaption className="kern-title">{series.name}: {formatNumber(total)} {total === 1 ? 'Meldung' : 'Meldungen'}</figcaption>
        <svg viewBox={`0 0 ${w} ${h + 16}`} className="trend__svg" role="img" aria-label={`Balkendiagramm ${series.name}, Meldungen je ${intervalLabel}; Zahlen in der Tabelle darunter`}>
          <line x1="0" y1={h} x2={w} y2={h} className="trend__axis" />
          {series.points.map((p, i) => {
            const bh = (p.count / max) * (h - 14);
            return (
              <g key={p.bucket}>
                <rect x={i * barW + 2} y={h - bh} width={Math.max(1, barW - 4)} height={bh} className="trend__bar"><title>{`${formatDate(p.bucket)}: ${formatNumber(p.count)}`}</title></rect>
                {p.count > 0 && barW > 14 && <text x={i * barW + barW / 2} y={h - bh - 3} textAnchor="middle" className="trend__label">{p.count}</text>}
              </g>
            );
          })}
          <text x="0" y={h + 13} className="trend__label">{series.points[0] ? formatDate(series.points[0].bucket) : ''}</text>
          <text x={w} y={h + 13} textAnchor="end" className="trend__label">{series.points.at(-1) ? formatDate(series.points.at(-1)!.bucket) : ''}</text>
        </svg>
        <details className="trend__table">
          <summary>Als Tabelle anzeigen</summary>
          <DataTable caption={`${series.name}: Meldungen je ${intervalLabel}`} className="kern-table--small" rows={series.points} rowKey={(p) => p.bucket} columns={[
            { header: `${intervalLabel} ab`, cell: (p) => formatDate(p.bucket) },
            { header: 'Meldungen', kind: 'numeric', cell: (p) => formatNumber(p.count) },
          ]} />
        </details>
      </div>
    </figure>
  );
}
