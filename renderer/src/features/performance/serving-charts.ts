/**
 * The Serving section's latency overlay: both periods' shares on the engine's shared log-spaced bins
 * (serving.latency.histogram), drawn as filled steps on a log x axis (bars of linear width would not sit
 * on a log axis), with the p95 of each period as a dashed line.
 */
import type { PlotData } from 'plotly.js-strict-dist-min';
import type { LatencyHistogram } from '../../../../shared/performance/latency-histogram';
import type { ServingLatency } from '../../../../shared/performance/serving-types';
import { ROLE_COLORS, ROLE_NAMES, type Role } from '../../../../shared/report/roles';
import { baseLayout, type Chart, type Scheme } from './quality-charts';

function steps(h: LatencyHistogram, role: Role, unit: string): PlotData {
  const shares = h[role];
  return {
    type: 'scatter',
    mode: 'lines',
    name: ROLE_NAMES[role],
    x: h.edges,
    // hv steps: the share of bin i holds from edge i to edge i + 1.
    y: [...shares, shares[shares.length - 1]],
    line: { shape: 'hv', color: ROLE_COLORS[role], width: 1.5 },
    fill: 'tozeroy',
    fillcolor: `${ROLE_COLORS[role]}33`,
    hovertemplate: `${ROLE_NAMES[role]}<br>from %{x:.3g} ${unit}<br>share %{y:.2%}<extra></extra>`,
  } as PlotData;
}

export function latencyChart(latency: ServingLatency, scheme: Scheme): Chart | null {
  const h = latency.histogram;
  if (h === null) return null;
  const data: PlotData[] = [steps(h, 'reference', latency.unit), steps(h, 'current', latency.unit)];
  let top = 0;
  for (const s of [...h.reference, ...h.current]) top = Math.max(top, s);
  for (const role of ['reference', 'current'] as const) {
    const p95 = latency[role]?.p95;
    if (p95 === undefined || !(p95 > 0)) continue;
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: `${ROLE_NAMES[role]} p95`,
      x: [p95, p95],
      y: [0, top * 1.05],
      line: { color: ROLE_COLORS[role], dash: 'dash', width: 1 },
      hovertemplate: `${ROLE_NAMES[role]} p95 %{x:.4g} ${latency.unit}<extra></extra>`,
    } as PlotData);
  }
  const layout = baseLayout(
    scheme,
    `Latency (${latency.unit}, log scale)`,
    'Share of requests',
    { type: 'log', dtick: 'D2' },
    { tickformat: '.0%', rangemode: 'tozero' },
  );
  return { data, layout };
}
