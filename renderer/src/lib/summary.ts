/** The overview's plain-language summary line and the score bar's scale. */
import type { AnalysisResult, ColumnResult } from '../../../shared/report/analysis-result';
import { formatInteger, formatNumber } from './format';
import { testLabel } from './test-names';

/** The drifted column that moved most (largest effect size), else null. */
export function strongestDrift(columns: ColumnResult[]): ColumnResult | null {
  let best: ColumnResult | null = null;
  for (const c of columns) {
    if (!c.driftDetected) continue;
    if (!best || (c.effectSize?.value ?? -1) > (best.effectSize?.value ?? -1)) best = c;
  }
  return best;
}

/**
 * @example summaryText(result) // '7 of 20 columns drifted; strongest: income (Wasserstein 0.42)'
 */
export function summaryText(result: AnalysisResult): string {
  const { driftedColumns, testedColumns } = result.dataset;
  if (testedColumns === 0) return 'No column could be tested.';
  const counts = `${formatInteger(driftedColumns)} of ${formatInteger(testedColumns)} ${
    testedColumns === 1 ? 'column' : 'columns'
  } drifted`;
  const strongest = strongestDrift(result.columns);
  if (!strongest) return `${counts}.`;
  const score = formatNumber(strongest.score, 2);
  const value = strongest.testKind === 'p_value' ? `p = ${score}` : score;
  return `${counts}; strongest: ${strongest.name} (${testLabel(strongest.test)} ${value})`;
}

/**
 * How far a score is towards drift, on a scale where the threshold sits at 0.5 (capped to [0, 1]).
 * Distances: score / (2·threshold). p-values: −log₁₀ p / (2·−log₁₀ threshold), so tiny p-values fill it.
 */
export function scoreFill(column: ColumnResult): number | null {
  const { score, threshold, testKind } = column;
  if (score === null || threshold === null || !Number.isFinite(score)) return null;
  if (testKind === 'distance') return threshold > 0 ? Math.min(1, Math.max(0, score / (2 * threshold))) : 1;
  if (testKind === 'p_value') {
    if (threshold <= 0 || threshold >= 1) return null;
    const p = Math.max(score, 1e-300);
    return Math.min(1, Math.max(0, -Math.log10(p) / (2 * -Math.log10(threshold))));
  }
  return null;
}
