/**
 * The "Shadow" section of the exported report (docs/shadow.md): champion and challenger metrics on the
 * same labelled rows, the difference challenger − champion with its paired bootstrap interval, the verdict
 * on the primary metric at α, McNemar's exact test (classification) or the Wilcoxon signed-rank test
 * (regression), the agreement rate, the drift tests between the two models' outputs, and the features
 * whose bins hold the most disagreement. Shown only when `performance.shadow` exists; every data string
 * is escaped.
 */
import { isTested } from '../drift/is-tested';
import { metricLabel } from '../performance/metric-names';
import type { ShadowResult } from '../performance/shadow-types';
import { SHADOW_VERDICT_LABELS } from '../performance/shadow-verdict-labels';
import type { DriftCheck } from '../performance/types';
import type { AnalysisResult } from './analysis-result';
import { formatInteger, formatNumber, formatPercent, escapeHtml as h, testLabel } from './report-format';

function pText(p: number): string {
  return p === 0 ? '< 1e-300' : formatNumber(p);
}

function verdictBadge(s: ShadowResult): string {
  if (s.verdict === null) return '<span class="badge none">No verdict: no labelled row</span>';
  const cls = s.verdict === 'challenger_better' ? 'ok' : s.verdict === 'challenger_worse' ? 'drift' : 'none';
  return `<span class="badge ${cls}" data-verdict="${s.verdict}">${h(SHADOW_VERDICT_LABELS[s.verdict])}</span>`;
}

function metricsTable(s: ShadowResult): string {
  const keys = [...new Set([...Object.keys(s.champion), ...Object.keys(s.challenger)])];
  const rows = keys
    .map((key) => {
      const d = s.difference[key];
      const ci =
        d && d.ciLow !== null && d.ciHigh !== null
          ? `[${formatNumber(d.ciLow)}, ${formatNumber(d.ciHigh)}]`
          : '—';
      const primary = key === s.primaryMetric ? ' <span class="muted">(primary)</span>' : '';
      return (
        `<tr data-metric="${h(key)}"><td>${h(metricLabel(key))}${primary}</td>` +
        `<td class="num">${formatNumber(s.champion[key] ?? null)}</td><td class="num">${formatNumber(s.challenger[key] ?? null)}</td>` +
        `<td class="num">${formatNumber(d?.value ?? null)}</td><td class="num">${ci}</td></tr>`
      );
    })
    .join('');
  return (
    '<table class="metrics shadow-metrics"><thead><tr><th>Metric</th><th class="num">Champion</th><th class="num">Challenger</th>' +
    `<th class="num">Difference</th><th class="num">${formatPercent(s.bootstrap.confidence, 0)} interval</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

function pairedTest(s: ShadowResult): string {
  if (s.mcnemar) {
    const m = s.mcnemar;
    return `<p class="shadow-test">McNemar exact test on the rows each model gets right: p = ${pText(m.pValue)} (statistic ${formatNumber(m.statistic)}; only the champion right: ${formatInteger(m.b)} rows, only the challenger: ${formatInteger(m.c)})</p>`;
  }
  if (s.wilcoxon) {
    const w = s.wilcoxon;
    return `<p class="shadow-test">Wilcoxon signed-rank test on the absolute errors: p = ${pText(w.pValue)} (statistic ${formatNumber(w.statistic)}, ${w.method})</p>`;
  }
  return '';
}

function checkRow(title: string, check: DriftCheck | null): string {
  if (check === null) return '';
  const result = !isTested(check)
    ? '<span class="badge none">Not tested</span>'
    : `${h(testLabel(check.test))} ${formatNumber(check.score)} (threshold ${formatNumber(check.threshold)}) ${check.driftDetected ? '<span class="badge drift">Differ</span>' : '<span class="badge ok">Alike</span>'}`;
  return `<tr><td>${h(title)}</td><td>${result}</td></tr>`;
}

function disagreementTable(s: ShadowResult): string {
  if (s.disagreementFeatures.length === 0) return '';
  const rows = s.disagreementFeatures
    .map(
      (f) =>
        `<tr><td class="name">${h(f.feature)}</td><td class="name">${h(f.top.label)}</td>` +
        `<td class="num">${formatInteger(f.top.rows)}</td><td class="num">${formatNumber(f.top.disagreement)}</td>` +
        `<td class="num">${formatNumber(f.lift, 3)}</td><td class="name">${f.rows
          .slice(0, 10)
          .map((r) => String(r + 1))
          .join('; ')}</td></tr>`,
    )
    .join('');
  return (
    '<div class="perf-block"><h3>Where the models disagree</h3><table class="shadow-disagreement"><thead><tr><th>Feature</th><th>Bin</th>' +
    '<th class="num">Rows</th><th class="num">Disagreement</th><th class="num">Lift</th><th>Data rows (first 10)</th></tr></thead>' +
    `<tbody>${rows}</tbody></table><p class="muted">Disagreement: the share of rows where the predicted labels differ (regression: the mean |Δ| of the predictions), in the bin holding the most; lift: that over all rows. Data rows count from 1 after the header.</p></div>`
  );
}

/** The Shadow section (an `<h2>` and its content); empty when the analysis has no challenger. */
export function shadowSection(result: AnalysisResult): string {
  const s = result.performance?.shadow ?? null;
  if (!s) return '';
  const mapping = [
    s.challengerPrediction ? `challenger prediction ${s.challengerPrediction}` : null,
    s.challengerProba ? `challenger probabilities ${s.challengerProba.join(', ')}` : null,
  ]
    .filter((x): x is string => x !== null)
    .map(h)
    .join(' · ');
  const agreement = s.agreement === null ? '' : ` · agreement ${formatPercent(s.agreement)} of rows`;
  const notes = s.notes.map((n) => `<p class="note">${h(n)}</p>`).join('');
  return (
    `<section id="shadow" data-verdict="${s.verdict ?? 'none'}"><h2>Shadow: champion against challenger</h2>` +
    `<p>${verdictBadge(s)} <span class="muted">on ${h(metricLabel(s.primaryMetric))} at α = ${formatNumber(s.alpha)}</span></p>` +
    `<p class="muted">${mapping} · ${formatInteger(s.n)} rows with both models, ${formatInteger(s.labelled)} labelled${agreement}</p>` +
    `<div class="perf-block">${metricsTable(s)}<p class="muted">Difference: challenger − champion; paired bootstrap interval, rows resampled jointly (${formatInteger(s.bootstrap.resamples)} resamples, seed ${s.bootstrap.seed}).</p>${pairedTest(s)}</div>` +
    `<div class="perf-block"><table class="shadow-distributions"><tbody>${checkRow('Predictions, challenger against champion', s.predictionDistribution)}${checkRow('Confidence, challenger against champion', s.confidenceDistribution)}</tbody></table></div>` +
    disagreementTable(s) +
    notes +
    '</section>'
  );
}
