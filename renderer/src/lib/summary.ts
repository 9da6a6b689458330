/** The drift table's score bar scale (the summary line itself is shared/report/drift-summary.ts). */
import type { ColumnResult } from '../../../shared/report/analysis-result';

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
