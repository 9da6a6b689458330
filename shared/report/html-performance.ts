/**
 * The "Model quality" section of the exported HTML report: metrics reference vs current with their
 * relative change (and the decay verdict), the confusion matrices of classification tasks, the charts
 * (binary: ROC, PR, calibration; with probabilities: the confidence histogram and its drift verdict;
 * regression: error distribution, predicted vs actual), each an SVG plus, when interactive, a Plotly
 * chart from the same data, and concept drift (the reading in plain words and the features, strongest
 * first). When the analysis has no model quality block, the section says why (the hook stays visible).
 */
import { isTested } from '../drift/is-tested';
import { READING_TEXT } from '../performance/concept-reading';
import { METRICS } from '../performance/metric-names';
import type {
  ConceptDriftResult,
  ConceptFeature,
  DriftCheck,
  PerformanceResult,
  SideMetrics,
} from '../performance/types';
import type { AnalysisResult } from './analysis-result';
import { performanceCharts } from './perf-charts';
import { chartBox, xyChartData } from './plotly-charts';
import { escapeHtml, formatInteger, formatNumber, formatPercent, testLabel } from './report-format';
import { type XYChart, xySvg } from './svg-xy-chart';

/** The result's model quality block, if the analysis computed one (null or absent otherwise). */
export function performanceOf(result: AnalysisResult): PerformanceResult | null {
  return result.performance ?? null;
}

function performanceNoteOf(result: AnalysisResult): string | null {
  return result.performanceNote ?? null;
}

function metricValue(side: SideMetrics, key: string): number | null {
  const value = (side as unknown as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function metricsTable(p: PerformanceResult): string {
  const rows = METRICS[p.reference.kind].map(([key, label]) => {
    const ref = metricValue(p.reference, key);
    const cur = p.current.kind === p.reference.kind ? metricValue(p.current, key) : null;
    if (ref === null && cur === null) return '';
    const decay = p.decay.find((d) => d.metric === key);
    const change =
      decay?.relativeChange ??
      (ref !== null && cur !== null && ref !== 0 ? (cur - ref) / Math.abs(ref) : null);
    const flag = decay?.degraded ? ' <span class="badge drift">degraded</span>' : '';
    const sign = change !== null && change > 0 ? '+' : '';
    return (
      `<tr><td>${escapeHtml(label)}</td><td class="num">${formatNumber(ref)}</td>` +
      `<td class="num">${formatNumber(cur)}</td>` +
      `<td class="num">${change === null ? '—' : `${sign}${formatPercent(change)}`}${flag}</td></tr>`
    );
  });
  return (
    '<table class="metrics"><thead><tr><th>Metric</th><th class="num">Reference</th>' +
    `<th class="num">Current</th><th class="num">Change</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

const MAX_CLASSES = 20;

function confusionMatrix(title: string, side: SideMetrics): string {
  if (side.kind !== 'classification' || side.classes.length === 0) return '';
  if (side.classes.length > MAX_CLASSES) {
    return `<div class="perf-block"><h3>${escapeHtml(title)}</h3><p class="note">${formatInteger(side.classes.length)} classes: matrix not shown.</p></div>`;
  }
  const head = side.classes.map((c) => `<th class="num">${escapeHtml(c)}</th>`).join('');
  const body = side.confusionMatrix
    .map((row, i) => {
      const total = row.reduce((a, b) => a + b, 0);
      const cells = row
        .map((count, j) => {
          const share = total > 0 ? count / total : 0;
          const colour = i === j ? '6,118,71' : '180,35,24';
          return `<td style="background: rgba(${colour},${(share * 0.45).toFixed(2)})">${formatInteger(count)}</td>`;
        })
        .join('');
      return `<tr><th>${escapeHtml(side.classes[i] ?? '')}</th>${cells}</tr>`;
    })
    .join('');
  return (
    `<div class="perf-block"><h3>${escapeHtml(title)}</h3>` +
    `<table class="cm"><thead><tr><th>true \\ predicted</th>${head}</tr></thead><tbody>${body}</tbody></table></div>`
  );
}

/** p-values: formatNumber's rule, "< 1e-300" when they underflow to 0. */
function formatPValue(value: number | null): string {
  if (value === null) return '—';
  if (value === 0) return '< 1e-300';
  return formatNumber(value);
}

function checkText(check: DriftCheck): string {
  if (!isTested(check)) return 'not tested';
  return `${testLabel(check.test)} ${formatNumber(check.score)} (threshold ${formatNumber(check.threshold)})`;
}

function checkBadge(check: DriftCheck): string {
  if (!isTested(check)) return '<span class="badge none">Not tested</span>';
  return check.driftDetected
    ? '<span class="badge drift">Drift</span>'
    : '<span class="badge ok">No drift</span>';
}

const CHART_TITLES: Record<string, string> = {
  'perf-roc': 'ROC curve',
  'perf-pr': 'Precision-recall curve',
  'perf-calibration': 'Calibration',
  'perf-confidence': 'Prediction confidence',
  'perf-errors': 'Error distribution',
  'perf-pred-actual': 'Predicted vs actual',
};

function auc(p: PerformanceResult, key: 'rocAuc' | 'prAuc'): string {
  const value = (side: SideMetrics) => (side.kind === 'classification' ? side[key] : null);
  return `AUC reference ${formatNumber(value(p.reference))}, current ${formatNumber(value(p.current))}`;
}

function chartCaption(p: PerformanceResult, chart: XYChart): string {
  switch (chart.id) {
    case 'perf-roc':
      return `${auc(p, 'rocAuc')} · dashed: chance`;
    case 'perf-pr':
      return auc(p, 'prAuc');
    case 'perf-calibration':
      return `Observed share of ${escapeHtml(p.posLabel ?? 'the positive class')} per probability bin · dashed: perfect calibration`;
    case 'perf-confidence':
      return p.confidence
        ? `Drift of the top-class probability: ${escapeHtml(checkText(p.confidence.drift))} ${checkBadge(p.confidence.drift)}`
        : '';
    case 'perf-errors':
      return 'Shares of prediction − target on shared bins';
    case 'perf-pred-actual':
      return 'Up to 500 rows per file (evenly spaced) · dashed: prediction = target';
    default:
      return '';
  }
}

function chartsGrid(p: PerformanceResult, interactive: boolean): string {
  const charts = performanceCharts(p);
  if (charts.length === 0) return '';
  const blocks = charts.map((chart) => {
    const svg = xySvg(chart);
    const body = interactive ? chartBox(svg, xyChartData(chart), chart.id) : svg;
    return (
      `<div class="perf-block perf-chart" data-chart="${chart.id}"><h3>${escapeHtml(CHART_TITLES[chart.id] ?? chart.id)}</h3>` +
      `${body}<p class="muted chart-caption">${chartCaption(p, chart)}</p></div>`
    );
  });
  return `<div class="perf-grid perf-charts">${blocks.join('')}</div>`;
}

function byEffect(a: ConceptFeature, b: ConceptFeature): number {
  return (b.effect ?? -1) - (a.effect ?? -1);
}

function listText(names: string[], limit = 8): string {
  const shown = names.slice(0, limit).map(escapeHtml).join(', ');
  return names.length <= limit ? shown : `${shown} and ${names.length - limit} more`;
}

function relationBadge(f: ConceptFeature): string {
  if (f.pValue === null) return '<span class="badge none">Not tested</span>';
  return f.relationChanged
    ? '<span class="badge drift">Changed</span>'
    : '<span class="badge ok">Held</span>';
}

function effectText(f: ConceptFeature): string {
  if (f.effect === null) return '—';
  return f.relation === 'target_mean' ? `${formatNumber(f.effect)} sd` : formatPercent(f.effect);
}

/** Concept drift: the reading in plain words and the features, strongest effect first. */
export function conceptSection(concept: ConceptDriftResult | null): string {
  if (concept === null) {
    return (
      '<div class="concept" id="concept-drift" data-reading="absent"><h3>Concept drift</h3>' +
      '<p class="note">Not computed: concept drift needs target values in both files.</p></div>'
    );
  }
  const features = [...concept.features].sort(byEffect);
  const changed = features.filter((f) => f.relationChanged).map((f) => f.feature);
  const rows = features
    .map(
      (f) =>
        `<tr><td class="name">${escapeHtml(f.feature)}</td><td>${relationBadge(f)}</td>` +
        `<td class="num">${formatPValue(f.pValue)}</td><td class="num">${effectText(f)}</td>` +
        `<td>${checkBadge(f.inputDrift)} <span class="muted">${escapeHtml(checkText(f.inputDrift))}</span></td></tr>`,
    )
    .join('');
  const notes = concept.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
  return (
    `<div class="concept" id="concept-drift" data-reading="${concept.reading}"><div class="concept-head"><h3>Concept drift</h3>` +
    `<div class="concept-reading${concept.reading === 'none' ? '' : ' changed'}"><p><strong>${escapeHtml(READING_TEXT[concept.reading])}</strong></p>` +
    (changed.length > 0
      ? `<p>Relation to the target changed (strongest first): ${listText(changed)}.</p>`
      : '') +
    (concept.drifted.length > 0 ? `<p>Inputs that drifted: ${listText(concept.drifted)}.</p>` : '') +
    `<p class="muted">Per feature: χ² over its bins, significant at p &lt; ${formatNumber(concept.alpha)} (Bonferroni) with an effect ≥ ${formatNumber(concept.minEffect)}. ` +
    'Effect: the weighted mean change per bin of the target rate or the class shares (target mean: in reference standard deviations). ' +
    'Features correlated with a changed one can be flagged too; read them by effect.</p></div></div>' +
    (features.length > 0
      ? '<table class="concept-table"><thead><tr><th>Feature</th><th>Relation to target</th><th class="num">p-value</th>' +
        `<th class="num">Effect</th><th>Input drift</th></tr></thead><tbody>${rows}</tbody></table>`
      : '') +
    notes +
    '</div>'
  );
}

/**
 * The model quality section (an `<h2>` and its content). `interactive`: add the Plotly data blocks next
 * to the SVG charts (the HTML report with the bundle); without it the section has SVG charts only.
 */
export function performanceSection(result: AnalysisResult, interactive = false): string {
  const p = performanceOf(result);
  if (p === null) {
    const why = performanceNoteOf(result) ?? 'the files have no target or prediction column mapped.';
    return (
      '<section id="model-quality" data-performance="absent"><h2>Model quality</h2>' +
      `<p class="note">Not computed: ${escapeHtml(why)}</p></section>`
    );
  }
  const verdict = p.modelDegraded
    ? '<span class="badge drift">Model quality degraded</span>'
    : '<span class="badge ok">No degradation</span>';
  const mapping = [
    `task ${p.task}`,
    `target ${p.target}`,
    p.prediction ? `prediction ${p.prediction}` : null,
    p.proba ? `probabilities ${p.proba.join(', ')}` : null,
  ]
    .filter((x): x is string => x !== null)
    .map(escapeHtml)
    .join(' · ');
  const rows = `<p class="muted">${mapping} · rows ${formatInteger(p.reference.n)} reference, ${formatInteger(p.current.n)} current</p>`;
  const matrices =
    p.reference.kind === 'classification'
      ? `<div class="perf-grid">${confusionMatrix('Confusion matrix: reference', p.reference)}${confusionMatrix('Confusion matrix: current', p.current)}</div>`
      : '';
  const notes = [...p.notes, ...p.reference.notes, ...p.current.notes]
    .map((n) => `<p class="note">${escapeHtml(n)}</p>`)
    .join('');
  return (
    `<section id="model-quality" data-performance="present"><h2>Model quality</h2><p>${verdict}</p>${rows}` +
    `<div class="perf-block">${metricsTable(p)}</div>${matrices}${chartsGrid(p, interactive)}${conceptSection(p.conceptDrift)}${notes}</section>`
  );
}
