/**
 * The "Estimated against realised" section of the exported report (docs/estimation.md): the CBPE
 * estimate of each metric on every current row with its sampling error, the realised metric on the
 * labelled rows with its sampling error, the reference baseline, the labelled share, whether calibration
 * was applied, and the estimate's verdict (a metric more than 3 sampling errors below the reference).
 * Shown only when `performance.estimated` exists; every data string is escaped.
 */
import { CBPE_METRICS, type EstimatedPerformance } from '../performance/cbpe-types';
import { metricLabel as label } from '../performance/metric-names';
import type { AnalysisResult } from './analysis-result';
import { formatInteger, formatNumber, formatPercent, escapeHtml as h } from './report-format';

function withError(value: number | null, error: number | null): string {
  if (value === null) return '—';
  return error === null ? formatNumber(value) : `${formatNumber(value)} ± ${formatNumber(error)}`;
}

function metricsTable(e: EstimatedPerformance): string {
  const rows = CBPE_METRICS.map((key) => {
    const degraded = e.degraded.includes(key) ? ' <span class="badge drift">degraded</span>' : '';
    return (
      `<tr data-metric="${key}"><td>${label(key)}</td><td class="num">${formatNumber(e.reference[key])}</td>` +
      `<td class="num">${withError(e.metrics[key], e.samplingError[key])}${degraded}</td>` +
      `<td class="num">${withError(e.realised.metrics[key], e.realised.samplingError[key])}</td></tr>`
    );
  }).join('');
  return (
    '<table class="metrics estimated-metrics"><thead><tr><th>Metric</th><th class="num">Reference (realised)</th>' +
    `<th class="num">Estimated (CBPE, ${formatInteger(e.n)} rows)</th><th class="num">Realised (${formatInteger(e.realised.n)} labelled rows)</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

/** The estimated-against-realised section; empty when the analysis made no estimate. */
export function estimatedSection(result: AnalysisResult): string {
  const e = result.performance?.estimated ?? null;
  if (!e) return '';
  const verdict =
    e.degraded.length > 0
      ? `<span class="badge drift">Estimated degradation: ${e.degraded.map(label).join(', ')}</span>`
      : '<span class="badge ok">No estimated degradation</span>';
  const calibration = e.calibration
    .map((c) => `class ${h(c.label)}: ${c.calibrated ? 'calibrated' : 'not calibrated'} (${h(c.reason)})`)
    .join('; ');
  const notes = e.notes.map((n) => `<p class="note">${h(n)}</p>`).join('');
  return (
    `<section id="estimated"><h2>Estimated against realised quality</h2><p>${verdict}</p>` +
    `<p class="muted">Labelled share of the current rows: <span class="labelled-share">${formatPercent(e.labelledShare)}</span> · ` +
    `confidence-based performance estimation (CBPE) from the ${e.calibrated ? 'isotonic-calibrated' : 'uncalibrated'} probabilities · ${calibration}</p>` +
    `<div class="perf-block">${metricsTable(e)}<p class="muted">± one sampling error (NannyML’s standard error for the number of rows). Degraded: estimate more than 3 sampling errors below the reference.</p></div>` +
    notes +
    '</section>'
  );
}
