/**
 * A tiny reference-vs-current sparkline from ColumnResult.distribution: two step outlines for a
 * histogram, paired bars for categories. Plain inline SVG (no Plotly), cheap enough for every table row.
 */
import { memo } from 'react';
import type { Distribution } from '../../../shared/report/analysis-result';

const W = 64;
const H = 18;

function stepPath(shares: number[], max: number): string {
  const n = shares.length;
  if (n === 0 || max <= 0) return '';
  const dx = W / n;
  let d = `M0 ${H}`;
  for (let i = 0; i < n; i++) {
    const y = H - (shares[i] / max) * (H - 1);
    d += ` L${(i * dx).toFixed(1)} ${y.toFixed(1)} L${((i + 1) * dx).toFixed(1)} ${y.toFixed(1)}`;
  }
  return `${d} L${W} ${H}`;
}

export const Sparkline = memo(function Sparkline({
  distribution,
  label,
}: {
  distribution: Distribution | null;
  label: string;
}) {
  if (!distribution) return <span className="sparkline-empty" aria-hidden="true" />;
  const { reference, current } = distribution;
  let max = 0;
  for (const s of reference) if (s > max) max = s;
  for (const s of current) if (s > max) max = s;
  if (distribution.kind === 'histogram') {
    return (
      <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
        <path d={stepPath(reference, max)} className="spark-ref" />
        <path d={stepPath(current, max)} className="spark-cur" />
      </svg>
    );
  }
  const n = Math.min(reference.length, 12);
  const slot = W / Math.max(n, 1);
  const bar = Math.max(1, slot / 2 - 0.5);
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
      {reference.slice(0, n).map((share, i) => {
        const h = max > 0 ? (share / max) * (H - 1) : 0;
        const c = max > 0 ? (current[i] / max) * (H - 1) : 0;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: bars are positional.
          <g key={i}>
            <rect x={i * slot} y={H - h} width={bar} height={h} className="spark-ref-bar" />
            <rect x={i * slot + bar} y={H - c} width={bar} height={c} className="spark-cur-bar" />
          </g>
        );
      })}
    </svg>
  );
});
