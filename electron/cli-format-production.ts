/**
 * The production parts of the command line's readable summary, the same content as the app's Shadow,
 * Serving and estimated-performance sections (docs/shadow.md, docs/serving.md, docs/estimation.md):
 * champion against challenger with the paired-bootstrap differences and the verdict, latency
 * percentiles and error rates with their tests, and the CBPE estimate beside the realised metrics.
 * Each section also prints its notes (bad cells, absent columns), so a user of the command line sees
 * what the JSON says without opening it.
 */
import { isTested } from '../shared/drift/is-tested';
import type { EstimatedPerformance } from '../shared/performance/cbpe-types';
import { CBPE_METRICS, DEGRADED_SAMPLING_ERRORS } from '../shared/performance/cbpe-types';
import { metricLabel } from '../shared/performance/metric-names';
import type { ServingResult } from '../shared/performance/serving-types';
import type { ShadowResult } from '../shared/performance/shadow-types';
import { SHADOW_VERDICT_LABELS } from '../shared/performance/shadow-verdict-labels';
import type { DriftCheck } from '../shared/performance/types';
import type { AnalysisResult } from '../shared/report/analysis-result';
import { formatNumber, printable, textTable } from './cli-text';

const pct = (x: number | null, digits = 1) => (x === null ? '-' : `${(100 * x).toFixed(digits)}%`);
const pText = (p: number | null) => (p === null ? '-' : p === 0 ? '< 1e-300' : formatNumber(p));
const notesOf = (notes: readonly string[]) => notes.map((n) => `  note: ${printable(n)}`);

function checkLine(title: string, check: DriftCheck | null): string[] {
  if (check === null) return [];
  if (!isTested(check)) return [`  ${title}: not tested`];
  return [
    `  ${title}: ${check.test} ${formatNumber(check.score)} (threshold ${formatNumber(check.threshold)}) → ${check.driftDetected ? 'DIFFER' : 'alike'}`,
  ];
}

/** "Champion against challenger": metrics side by side, difference with its interval, verdict, tests. */
export function formatShadow(s: ShadowResult): string[] {
  const verdict =
    s.verdict === null ? 'no verdict (no labelled row)' : SHADOW_VERDICT_LABELS[s.verdict].toUpperCase();
  const lines = [
    '',
    `Champion against challenger (challenger ${printable(s.challengerPrediction ?? (s.challengerProba ?? []).join(', '))}):`,
    `  ${verdict} on ${metricLabel(s.primaryMetric)} at alpha ${s.alpha}; ${s.n} rows, ${s.labelled} with a label; agreement ${pct(s.agreement)}`,
  ];
  const keys = [...new Set([...Object.keys(s.champion), ...Object.keys(s.challenger)])];
  const confidence = `${Math.round(100 * s.bootstrap.confidence)}% interval`;
  const rows = keys.map((key) => {
    const d = s.difference[key];
    const ci =
      d && d.ciLow !== null && d.ciHigh !== null
        ? `[${formatNumber(d.ciLow)}, ${formatNumber(d.ciHigh)}]`
        : '-';
    return [
      key === s.primaryMetric ? `${key} (primary)` : key,
      formatNumber(s.champion[key] ?? null),
      formatNumber(s.challenger[key] ?? null),
      formatNumber(d?.value ?? null),
      ci,
    ];
  });
  if (rows.length > 0)
    lines.push(
      ...textTable(['metric', 'champion', 'challenger', 'difference', confidence], rows, '  ', [1, 2, 3]),
    );
  lines.push(
    `  paired bootstrap: ${s.bootstrap.resamples} resamples (rows resampled jointly), seed ${s.bootstrap.seed}`,
  );
  if (s.mcnemar)
    lines.push(
      `  McNemar exact test: p = ${pText(s.mcnemar.pValue)} (only the champion right: ${s.mcnemar.b} rows, only the challenger: ${s.mcnemar.c})`,
    );
  if (s.wilcoxon)
    lines.push(
      `  Wilcoxon signed-rank test on the absolute errors: p = ${pText(s.wilcoxon.pValue)} (${s.wilcoxon.method})`,
    );
  lines.push(
    ...checkLine('predictions compared', s.predictionDistribution),
    ...checkLine('confidence compared', s.confidenceDistribution),
  );
  const top = s.disagreementFeatures[0];
  if (top !== undefined)
    lines.push(
      `  most disagreement: ${printable(top.feature)} = ${printable(top.top.label)} (${pct(top.top.disagreement)} of ${top.top.rows} rows disagree, ${top.lift.toFixed(2)}× the overall rate)`,
    );
  lines.push(...notesOf(s.notes));
  return lines;
}

/** "Serving health": latency percentiles, the KS test and the p95 difference; error rates and the z-test. */
export function formatServing(serving: ServingResult): string[] {
  const lines = ['', 'Serving health:'];
  const l = serving.latency;
  if (l !== null) {
    const stats = ['p50', 'p95', 'p99', 'mean', 'n'] as const;
    const rows = stats.map((key) => [
      key === 'n' ? 'requests' : key,
      key === 'n' ? String(l.reference?.n ?? '-') : formatNumber(l.reference?.[key] ?? null),
      key === 'n' ? String(l.current?.n ?? '-') : formatNumber(l.current?.[key] ?? null),
    ]);
    lines.push(
      ...textTable(
        [`latency (${l.unit}), ${printable(l.column)}`, 'reference', 'current'],
        rows,
        '  ',
        [1, 2],
      ),
    );
    if (l.ks)
      lines.push(
        `  KS test of the shift: statistic ${formatNumber(l.ks.statistic)}, p = ${pText(l.ks.pValue)}`,
      );
    const d = l.p95Difference;
    if (d)
      lines.push(
        `  p95 difference (current - reference): ${formatNumber(d.value)} ${l.unit}, 95% bootstrap interval [${formatNumber(d.ciLow)}, ${formatNumber(d.ciHigh)}] (${d.resamples} resamples, seed ${d.seed})`,
      );
  }
  const e = serving.errorRate;
  if (e !== null) {
    const coding = e.coding === 'http' ? 'HTTP status codes, 5xx = error' : 'boolean or 0/1, 1 = error';
    lines.push(
      `  error rate, ${printable(e.column)} (${coding}): reference ${pct(e.reference, 2)} (${e.referenceErrors} of ${e.referenceN}), current ${pct(e.current, 2)} (${e.currentErrors} of ${e.currentN}); two-proportion z-test z = ${formatNumber(e.statistic)}, p = ${pText(e.pValue)}`,
    );
  }
  lines.push(...notesOf(serving.notes));
  return lines;
}

/** "Estimated performance (CBPE)": the estimate ± sampling error beside the realised metric and the reference. */
export function formatEstimated(est: EstimatedPerformance): string[] {
  const calibration = est.calibrated
    ? 'probabilities calibrated on the reference'
    : 'probabilities used as given';
  const lines = [
    '',
    `Estimated performance (CBPE, ${calibration}): ${est.n} rows, ${pct(est.labelledShare)} with a label`,
  ];
  const rows = CBPE_METRICS.map((m) => [
    m,
    formatNumber(est.reference[m]),
    est.metrics[m] === null ? '-' : `${formatNumber(est.metrics[m])} ± ${formatNumber(est.samplingError[m])}`,
    est.realised.n === 0 || est.realised.metrics[m] === null
      ? '-'
      : `${formatNumber(est.realised.metrics[m])} ± ${formatNumber(est.realised.samplingError[m])}`,
    est.degraded.includes(m) ? 'DEGRADED' : '',
  ]);
  lines.push(
    ...textTable(
      ['metric', 'reference', 'estimated', `realised (${est.realised.n} rows)`, ''],
      rows,
      '  ',
      [1],
    ),
  );
  lines.push(
    `  (± one sampling error; degraded = the estimate more than ${DEGRADED_SAMPLING_ERRORS} sampling errors below the reference)`,
  );
  lines.push(...notesOf(est.notes));
  return lines;
}

/** The three sections, each present only when the analysis has it. */
export function formatProduction(result: AnalysisResult): string[] {
  const p = result.performance;
  return [
    ...(p?.shadow ? formatShadow(p.shadow) : []),
    ...(result.serving ? formatServing(result.serving) : []),
    ...(p?.estimated ? formatEstimated(p.estimated) : []),
  ];
}
