/**
 * The one summary of an analysis that the app's verdict card, the report's summary line and the CLI all
 * render: the verdict, the counts, and the strongest drifted column(s) with the reason they rank first.
 *
 * Strongest = among the columns whose test detected drift (missing-share drift alone does not count), the
 * largest Jensen–Shannon effect size on the shared bins; columns without an effect size rank after every
 * column with one, among themselves by score relative to threshold (distance / threshold, or
 * threshold / p-value). Columns with the same rank are all named, in file order.
 */
import type { TestKey } from '../types';
import type { AnalysisResult, ColumnResult } from './analysis-result';
import { formatInteger, formatNumber, testLabel } from './report-format';

/** Why a column ranks where it does: its effect size, or (without one) its score relative to threshold. */
export interface DriftStrength {
  by: 'effect_size' | 'relative_score';
  value: number;
}

export interface StrongestColumn {
  name: string;
  test: TestKey;
  testKind: ColumnResult['testKind'];
  score: number;
  strength: DriftStrength;
}

export interface DriftSummary {
  /** 'untested' when no column could be tested. */
  verdict: 'drift' | 'no_drift' | 'untested';
  driftedColumns: number;
  testedColumns: number;
  /** The strongest drifted columns (several when tied), file order; empty when none drifted. */
  strongest: StrongestColumn[];
}

/** A column has a verdict when it has a test and a score (local use until shared/drift's `isTested`). */
function hasVerdict(column: ColumnResult): boolean {
  return column.test !== null && column.score !== null;
}

/**
 * How strongly a tested column drifted (see the file comment).
 * @example driftStrength({ effectSize: { measure: 'jensenshannon', value: 0.3 }, ... }) // { by: 'effect_size', value: 0.3 }
 * @example driftStrength({ effectSize: null, testKind: 'p_value', score: 0.001, threshold: 0.05, ... }) // { by: 'relative_score', value: 50 }
 */
export function driftStrength(column: ColumnResult): DriftStrength {
  if (column.effectSize && Number.isFinite(column.effectSize.value)) {
    return { by: 'effect_size', value: column.effectSize.value };
  }
  const { score, threshold, testKind } = column;
  let value = 0;
  if (score !== null && threshold !== null && Number.isFinite(score)) {
    if (testKind === 'distance') value = threshold > 0 ? score / threshold : score;
    else if (testKind === 'p_value') value = score > 0 ? threshold / score : Number.MAX_VALUE;
  }
  return { by: 'relative_score', value };
}

/** Orders strengths strongest first: any effect size before none, then the larger value. */
export function compareStrength(a: DriftStrength, b: DriftStrength): number {
  if (a.by !== b.by) return a.by === 'effect_size' ? -1 : 1;
  return b.value - a.value;
}

export function driftSummary(result: AnalysisResult): DriftSummary {
  const { driftedColumns, testedColumns, driftDetected } = result.dataset;
  let strongest: StrongestColumn[] = [];
  // The counts decide: a result whose dataset counts no drifted column names none.
  for (const column of driftedColumns === 0 ? [] : result.columns) {
    if (!hasVerdict(column) || !column.driftDetected) continue;
    const entry: StrongestColumn = {
      name: column.name,
      test: column.test as TestKey,
      testKind: column.testKind,
      score: column.score as number,
      strength: driftStrength(column),
    };
    const order = strongest.length === 0 ? -1 : compareStrength(entry.strength, strongest[0].strength);
    if (order < 0) strongest = [entry];
    else if (order === 0) strongest.push(entry);
  }
  const verdict = testedColumns === 0 ? 'untested' : driftDetected ? 'drift' : 'no_drift';
  return { verdict, driftedColumns, testedColumns, strongest };
}

/** @example columnsDriftedText(summary) // '7 of 20 columns drifted' */
export function columnsDriftedText(summary: DriftSummary): string {
  const { driftedColumns, testedColumns } = summary;
  return `${formatInteger(driftedColumns)} of ${formatInteger(testedColumns)} ${testedColumns === 1 ? 'column' : 'columns'} drifted`;
}

/**
 * The strongest column(s) with test and score, or null when none drifted.
 * @example strongestText(summary) // 'income (Wasserstein 0.42)'
 * @example strongestText(tied) // 'age (K–S p = 1.2e-9), income (K–S p = 3e-12)'
 */
export function strongestText(summary: DriftSummary): string | null {
  if (summary.strongest.length === 0) return null;
  return summary.strongest
    .map((c) => {
      const score = formatNumber(c.score, 2);
      return `${c.name} (${testLabel(c.test)} ${c.testKind === 'p_value' ? `p = ${score}` : score})`;
    })
    .join(', ');
}

/**
 * The one-line summary (report header, the app's verdict, the CLI).
 * @example summarySentence(summary) // '7 of 20 columns drifted; strongest: income (Wasserstein 0.42)'
 * @example summarySentence(noDrift) // '0 of 12 columns drifted'
 * @example summarySentence(nothingTested) // 'No column could be tested'
 */
export function summarySentence(summary: DriftSummary): string {
  if (summary.verdict === 'untested') return 'No column could be tested';
  const strongest = strongestText(summary);
  const counts = columnsDriftedText(summary);
  return strongest === null ? counts : `${counts}; strongest: ${strongest}`;
}

/** summarySentence of the result's summary. */
export function summaryLine(result: AnalysisResult): string {
  return summarySentence(driftSummary(result));
}
