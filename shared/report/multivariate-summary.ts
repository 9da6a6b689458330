/**
 * The one summary of the multivariate detectors (docs/multivariate.md) that the command line's summary line
 * and the app's overview card render: the verdict, the domain classifier's AUC and the columns that separate
 * the sets most, and the reconstruction error against its bound.
 *
 * Separating columns: the (at most) three columns with the largest permutation importance, among those
 * whose importance is positive and at least a tenth of the largest (so noise-level columns are not named).
 */
import type { MultivariateResult } from '../multivariate/analyze-multivariate';
import { formatNumber } from './report-format';

export interface MultivariateSummary {
  verdict: 'drift' | 'no_drift' | 'not_run';
  /** Cross-validated AUC and its 95 % interval (null when the classifier did not run). */
  auc: { value: number; low: number; high: number; threshold: number } | null;
  /** The columns that separate the sets most, most separating first. */
  separatedBy: string[];
  reconstruction: { current: number; upper: number | null; lower: number | null; drift: boolean } | null;
  /** Why neither detector ran although they were on (their last note), when so. */
  reason?: string;
}

/** How many separating columns the summary names. */
export const SEPARATING_COLUMNS = 3;

/** The summary of an analysis' `multivariate` result (undefined: the detectors were off). */
export function multivariateSummary(result: MultivariateResult | undefined): MultivariateSummary {
  const classifier = result?.domainClassifier ?? null;
  const reconstruction = result?.reconstruction ?? null;
  if (classifier === null && reconstruction === null) {
    const reason = result?.notes.at(-1);
    return {
      verdict: 'not_run',
      auc: null,
      separatedBy: [],
      reconstruction: null,
      ...(reason && { reason }),
    };
  }
  const drift = classifier?.driftDetected === true || reconstruction?.driftDetected === true;
  return {
    verdict: drift ? 'drift' : 'no_drift',
    auc: classifier && {
      value: classifier.auc,
      low: classifier.aucLow,
      high: classifier.aucHigh,
      threshold: classifier.threshold,
    },
    separatedBy: classifier
      ? classifier.importance
          .filter((x) => x.value > 0 && x.value >= 0.1 * classifier.importance[0].value)
          .slice(0, SEPARATING_COLUMNS)
          .map((x) => x.feature)
      : [],
    reconstruction: reconstruction && {
      current: reconstruction.current,
      upper: reconstruction.threshold,
      lower: reconstruction.lowerThreshold,
      drift: reconstruction.driftDetected,
    },
  };
}

/**
 * The summary as one sentence (without the "Multivariate: " label; column names as they are, so the caller
 * escapes or strips them for its medium).
 *
 * @example multivariateSentence(summary) // 'drift, AUC 0.71 [0.7, 0.72] — separated by income, region; reconstruction error 2.63 (outside 2.38–2.41)'
 */
export function multivariateSentence(summary: MultivariateSummary): string {
  if (summary.verdict === 'not_run')
    return summary.reason
      ? `not run: ${summary.reason}`
      : 'not run (turn on with --multivariate or multivariate.enabled)';
  const parts: string[] = [summary.verdict === 'drift' ? 'drift' : 'no drift'];
  const { auc, reconstruction } = summary;
  if (auc !== null) {
    parts.push(
      `, AUC ${formatNumber(auc.value, 2)} [${formatNumber(auc.low, 2)}, ${formatNumber(auc.high, 2)}]`,
    );
    if (summary.separatedBy.length > 0 && summary.verdict === 'drift')
      parts.push(` — separated by ${summary.separatedBy.join(', ')}`);
  }
  if (reconstruction !== null) {
    const bound =
      reconstruction.upper === null
        ? 'no bound'
        : `${reconstruction.drift ? 'outside' : 'within'} ${formatNumber(reconstruction.lower, 3)}–${formatNumber(reconstruction.upper, 3)}`;
    parts.push(
      `${auc !== null ? ';' : ','} reconstruction error ${formatNumber(reconstruction.current, 3)} (${bound})`,
    );
  }
  return parts.join('');
}
