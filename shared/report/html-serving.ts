/**
 * The "Serving" section of the exported report (docs/serving.md): latency p50, p95, p99 and mean of
 * reference and current with the KS test of the shift and the bootstrap interval of the p95 difference,
 * the latency overlay on a log axis (SVG, plus Plotly when interactive), and the error rates with the
 * two-proportion z-test. Shown only when `serving` exists; every data string is escaped.
 */
import type { ServingErrorRate, ServingLatency, ServingResult } from '../performance/serving-types';
import type { AnalysisResult } from './analysis-result';
import { chartBox, xyChartData } from './plotly-charts';
import { formatInteger, formatNumber, formatPercent, escapeHtml as h } from './report-format';
import { latencyChart } from './serving-chart';
import { xySvg } from './svg-xy-chart';

function pText(p: number | null): string {
  if (p === null) return '—';
  return p === 0 ? '< 1e-300' : formatNumber(p);
}

function latencyBlock(l: ServingLatency, interactive: boolean): string {
  const keys = [
    ['p50', 'p50'],
    ['p95', 'p95'],
    ['p99', 'p99'],
    ['mean', 'Mean'],
    ['n', 'Requests'],
  ] as const;
  const rows = keys
    .map(([key, label]) => {
      const fmt = key === 'n' ? formatInteger : formatNumber;
      return `<tr data-stat="${key}"><td>${label}</td><td class="num">${fmt(l.reference?.[key] ?? null)}</td><td class="num">${fmt(l.current?.[key] ?? null)}</td></tr>`;
    })
    .join('');
  const table =
    `<table class="metrics serving-latency"><thead><tr><th>Latency (${h(l.unit)}), column ${h(l.column)}</th>` +
    `<th class="num">Reference</th><th class="num">Current</th></tr></thead><tbody>${rows}</tbody></table>`;
  const ks = l.ks
    ? `<p class="serving-ks">KS test of the shift: statistic ${formatNumber(l.ks.statistic)}, p = ${pText(l.ks.pValue)}</p>`
    : '';
  const d = l.p95Difference;
  const p95 = d
    ? `<p class="serving-p95">p95 difference (current − reference): ${formatNumber(d.value)} ${h(l.unit)}, 95 % bootstrap interval [${formatNumber(d.ciLow)}, ${formatNumber(d.ciHigh)}] (${formatInteger(d.resamples)} resamples, seed ${d.seed})</p>`
    : '';
  const chart = latencyChart(l);
  const svg = chart ? xySvg(chart) : '';
  const chartHtml = chart
    ? `<div class="perf-block perf-chart" data-chart="${chart.id}"><h3>Latency distribution</h3>${interactive ? chartBox(svg, xyChartData(chart), chart.id) : svg}` +
      '<p class="muted chart-caption">Shares per log-spaced bin (latencies of 0 in the first bin)</p></div>'
    : '';
  return `<div class="perf-grid"><div class="perf-block">${table}${ks}${p95}</div>${chartHtml}</div>`;
}

function errorBlock(e: ServingErrorRate): string {
  const coding = e.coding === 'http' ? 'HTTP status codes, 5xx = error' : 'boolean or 0/1, 1 = error';
  const cell = (rate: number | null, errors: number, n: number) =>
    `<td class="num">${formatPercent(rate, 2)} <span class="muted">(${formatInteger(errors)} of ${formatInteger(n)})</span></td>`;
  return (
    `<div class="perf-block"><table class="metrics serving-errors"><thead><tr><th>Error rate, column ${h(e.column)}</th>` +
    '<th class="num">Reference</th><th class="num">Current</th></tr></thead><tbody>' +
    `<tr><td>${h(coding)}</td>${cell(e.reference, e.referenceErrors, e.referenceN)}${cell(e.current, e.currentErrors, e.currentN)}</tr></tbody></table>` +
    `<p class="serving-z">Two-proportion z-test: z = ${formatNumber(e.statistic)}, p = ${pText(e.pValue)}</p></div>`
  );
}

/** The Serving section (an `<h2>` and its content); empty when no latency or status column is mapped. */
export function servingSection(result: AnalysisResult, interactive = false): string {
  const s: ServingResult | null = result.serving ?? null;
  if (!s) return '';
  const notes = s.notes.map((n) => `<p class="note">${h(n)}</p>`).join('');
  return (
    '<section id="serving"><h2>Serving health</h2>' +
    (s.latency ? latencyBlock(s.latency, interactive) : '') +
    (s.errorRate ? errorBlock(s.errorRate) : '') +
    notes +
    '</section>'
  );
}
