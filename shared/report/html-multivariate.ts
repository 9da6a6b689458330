/**
 * The report's "Multivariate drift" section (HTML and PDF, docs/multivariate.md), when the detectors ran: the
 * sentence of multivariate-summary.ts (the one the command line and the app show), the domain classifier's AUC
 * with its interval, threshold, folds and rows, "what separates the files" (each column's permutation
 * importance as a static SVG bar, the name linking to its column section when the report has one), the PCA
 * reconstruction error of both sets against its bounds, and the detectors' notes. Every data string is escaped.
 */
import type { DomainClassifierResult } from '../multivariate/domain-classifier';
import type { AnalysisResult } from './analysis-result';
import { multivariateSentence, multivariateSummary } from './multivariate-summary';
import { formatInteger, formatNumber, formatPercent, escapeHtml as h } from './report-format';
import { r1 } from './svg-path';
import { truncateLabel } from './truncate-label';

/** How many columns the importance chart shows. */
export const IMPORTANCE_SHOWN = 15;
const W = 640;
const LABEL_W = 150;
const ROW_H = 16;
const BAR = '#c62828';

/** Permutation importance as horizontal bars from 0 (a negative value: no bar, its number shown). */
function importanceSvg(classifier: DomainClassifierResult, anchors: ReadonlyMap<string, number>): string {
  const shown = classifier.importance.slice(0, IMPORTANCE_SHOWN);
  const largest = Math.max(...shown.map((x) => x.value), 0);
  const plotW = W - LABEL_W - 70;
  const rows = shown.map((x, i) => {
    const y = 4 + i * ROW_H;
    const w = largest > 0 ? r1((Math.max(x.value, 0) / largest) * plotW) : 0;
    const name = h(truncateLabel(x.feature, 22));
    const at = anchors.get(x.feature);
    const label =
      at === undefined
        ? `<text class="tick" x="${LABEL_W - 6}" y="${y + 10}" text-anchor="end">${name}<title>${h(x.feature)}</title></text>`
        : `<a href="#col-${at}"><text class="tick link" x="${LABEL_W - 6}" y="${y + 10}" text-anchor="end">${name}<title>${h(x.feature)}</title></text></a>`;
    return (
      `${label}<rect class="importance-bar" x="${LABEL_W}" y="${y + 2}" width="${w}" height="${ROW_H - 5}" fill="${BAR}"><title>${h(`${x.feature}: ${formatNumber(x.value)}`)}</title></rect>` +
      `<text class="tick" x="${r1(LABEL_W + w + 4)}" y="${y + 10}">${h(formatNumber(x.value, 3))}</text>`
    );
  });
  const height = 8 + shown.length * ROW_H;
  return (
    `<svg class="chart multivariate-importance" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" role="img" ` +
    `aria-label="Permutation importance of the ${shown.length} columns that separate the files most">` +
    `<line class="axis" x1="${LABEL_W}" x2="${LABEL_W}" y1="2" y2="${height - 2}"/>${rows.join('')}</svg>`
  );
}

/** The section, or '' when the detectors did not run. `anchors`: column name → index of its section. */
export function multivariateSection(result: AnalysisResult, anchors: ReadonlyMap<string, number>): string {
  const mv = result.multivariate;
  if (!mv) return '';
  const summary = multivariateSummary(mv);
  const drift = summary.verdict === 'drift';
  const parts = [
    `<section id="multivariate"><h2>Multivariate drift</h2>`,
    `<p class="summary${drift ? ' drift' : ''}" data-verdict="${summary.verdict}"><strong>Multivariate:</strong> ${h(multivariateSentence(summary))}</p>`,
    `<p class="muted">On ${formatInteger(mv.columns.length)} numerical and categorical columns. Drift when either detector fires.</p>`,
  ];
  const c = mv.domainClassifier;
  if (c) {
    parts.push(
      '<h3>Domain classifier</h3>',
      `<p>Cross-validated ROC AUC <strong>${formatNumber(c.auc, 3)}</strong> (95 % interval ${formatNumber(c.aucLow, 3)}–${formatNumber(c.aucHigh, 3)}), ` +
        `drift above ${formatNumber(c.threshold)}; ${c.folds} stratified folds on ${formatInteger(c.rows)} rows per file ` +
        `(fold AUCs ${h(c.foldAuc.map((a) => formatNumber(a, 3)).join(', '))}). An AUC of 0.5: the files cannot be told apart.</p>`,
      '<h4>What separates the files</h4><p class="muted">Permutation importance on the held-out folds: the AUC lost when the column is shuffled.</p>',
      `<div class="multivariate-box">${importanceSvg(c, anchors)}</div>`,
    );
  }
  const r = mv.reconstruction;
  if (r) {
    const bound =
      r.threshold === null
        ? 'no bound (too few reference chunks)'
        : `drift outside ${formatNumber(r.lowerThreshold, 4)}–${formatNumber(r.threshold, 4)} (from ${formatInteger(r.referenceChunks)} reference chunks)`;
    parts.push(
      '<h3>PCA reconstruction error</h3>',
      `<p>${r.components} components keep ${formatPercent(r.varianceKept)} of the reference's variance (fitted on ${formatInteger(r.fitRows)} rows). ` +
        `Mean reconstruction error: reference ${formatNumber(r.reference, 4)}, current <strong>${formatNumber(r.current, 4)}</strong>; ${h(bound)}. ` +
        `Errors averaged over ${formatInteger(r.scoredRows.reference)} reference and ${formatInteger(r.scoredRows.current)} current rows.</p>`,
    );
    if (r.dropped.length > 0)
      parts.push(`<p class="note">Left out (no value in the reference): ${h(r.dropped.join(', '))}</p>`);
  }
  parts.push(...mv.notes.map((n) => `<p class="note">${h(n)}</p>`), '</section>');
  return parts.join('');
}
