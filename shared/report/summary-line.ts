/**
 * The one-line summary at the top of a report, for example
 * "7 of 20 columns drifted; strongest: income (Wasserstein 0.42)".
 */
import type { AnalysisResult } from './analysis-result';
import { driftedFirst } from './column-order';
import { formatInteger, formatNumber, testLabel } from './report-format';

/**
 * @example summaryLine(result) // '7 of 20 columns drifted; strongest: income (Wasserstein 0.42)'
 * @example summaryLine(ksResult) // '1 of 3 columns drifted; strongest: age (K–S p = 1.2e-9)'
 * @example summaryLine(noDrift) // '0 of 12 columns drifted'
 */
export function summaryLine(result: AnalysisResult): string {
  const { driftedColumns, testedColumns } = result.dataset;
  if (testedColumns === 0) return 'No column could be tested';
  const counts = `${formatInteger(driftedColumns)} of ${formatInteger(testedColumns)} ${testedColumns === 1 ? 'column' : 'columns'} drifted`;
  const strongest = driftedFirst(result.columns)[0];
  if (driftedColumns === 0 || !strongest?.driftDetected) return counts;
  const score = formatNumber(strongest.score, 2);
  const value = strongest.testKind === 'p_value' ? `p = ${score}` : score;
  return `${counts}; strongest: ${strongest.name} (${testLabel(strongest.test)} ${value})`;
}
