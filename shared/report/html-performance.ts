/**
 * The "Model quality" section of the exported HTML report: metrics reference vs current with their
 * relative change (and the decay verdict), and the confusion matrices of classification tasks. When the
 * analysis has no model quality block, the section says why (the hook stays visible, never silent).
 */
import { METRICS } from '../performance/metric-names';
import type { PerformanceResult, SideMetrics } from '../performance/types';
import type { AnalysisResult } from './analysis-result';
import { escapeHtml, formatInteger, formatNumber, formatPercent } from './report-format';

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

/** The model quality section (an `<h2>` and its content). */
export function performanceSection(result: AnalysisResult): string {
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
    `<div class="perf-block">${metricsTable(p)}</div>${matrices}${notes}</section>`
  );
}
