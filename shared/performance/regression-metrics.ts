/**
 * Regression metrics as scikit-learn 1.2.1 (`mean_absolute_error`, `mean_squared_error(squared=False)`,
 * `mean_absolute_percentage_error`, `r2_score`) plus the error's mean and spread.
 * Source: https://github.com/scikit-learn/scikit-learn/blob/1.2.1/sklearn/metrics/_regression.py
 */
import { compensatedSum } from '../stats/float-utils';
import { FLOAT64_EPS } from './probabilistic';
import type { RegressionScores } from './types';

/**
 * Scores of paired finite values (the caller drops missing rows):
 * MAE = mean|ŷ − y|; RMSE = √mean(ŷ − y)²; MAPE = mean(|ŷ − y| / max(|y|, ε)), ε = 2.22e-16, a fraction;
 * R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²; meanError = mean(ŷ − y); errorStd = population std (ddof 0) of ŷ − y.
 * Rows with y = 0 stay in MAPE with the ε denominator (their terms are huge), exactly as sklearn; they are
 * counted in `zeroTargets` and a note says so. R² is null for a constant target (sklearn's
 * force_finite would give 1 or 0) and for n < 2.
 *
 * @throws {RangeError} when the arrays differ in length.
 * @example regressionScores(Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 4)).rmse // 0.5773502691896257
 */
export function regressionScores(actual: Float64Array, predicted: Float64Array): RegressionScores {
  if (actual.length !== predicted.length) throw new RangeError('regressionScores: arrays differ in length');
  const n = actual.length;
  const notes: string[] = [];
  if (n === 0) {
    notes.push('No rows with both target and prediction: regression metrics not computed.');
    return {
      n,
      mae: null,
      rmse: null,
      mape: null,
      zeroTargets: 0,
      r2: null,
      meanError: null,
      errorStd: null,
      notes,
    };
  }
  const err = new Float64Array(n);
  const absErr = new Float64Array(n);
  const sqErr = new Float64Array(n);
  const pct = new Float64Array(n);
  let zeroTargets = 0;
  for (let i = 0; i < n; i++) {
    const e = predicted[i] - actual[i];
    err[i] = e;
    absErr[i] = Math.abs(e);
    sqErr[i] = e * e;
    pct[i] = Math.abs(e) / Math.max(Math.abs(actual[i]), FLOAT64_EPS);
    if (actual[i] === 0) zeroTargets++;
  }
  if (zeroTargets > 0) {
    notes.push(
      `${zeroTargets} row(s) have target 0: MAPE divides them by 2.22e-16 as scikit-learn does, so MAPE is dominated by them.`,
    );
  }
  const meanError = compensatedSum(err) / n;
  const dev = Float64Array.from(err, (e) => (e - meanError) ** 2);
  const ssRes = compensatedSum(sqErr);
  const meanY = compensatedSum(actual) / n;
  const ssTot = compensatedSum(Float64Array.from(actual, (y) => (y - meanY) ** 2));
  let r2: number | null = null;
  if (n < 2) notes.push('R² needs at least two rows.');
  else if (ssTot === 0)
    notes.push('R² is undefined for a constant target (scikit-learn would report 1 or 0).');
  else r2 = 1 - ssRes / ssTot;
  return {
    n,
    mae: compensatedSum(absErr) / n,
    rmse: Math.sqrt(ssRes / n),
    mape: compensatedSum(pct) / n,
    zeroTargets,
    r2,
    meanError,
    errorStd: Math.sqrt(compensatedSum(dev) / n),
    notes,
  };
}
