/**
 * Paired (joint-row) bootstrap percentile intervals of several statistics of aligned columns: each
 * resample draws n row indices with replacement from a seeded generator (xoshiro128**, `SeededRng.int`)
 * and passes their multiplicities wᵢ (how often row i was drawn) to the statistics, so all columns of a
 * row move together (two models on the same rows stay paired). Interval: the α/2 and 1 − α/2 quantiles of
 * the finite resampled values, NumPy's default linear quantile (Efron & Tibshirani 1993, ch. 13,
 * percentile method).
 */
import { quantileSorted } from './quantile-sorted';
import { SeededRng } from './seeded-rng';

/** Default number of resamples, stated in the result. */
export const DEFAULT_BOOTSTRAP_RESAMPLES = 2000;
/** Default seed of the paired bootstraps (shadow and serving), so the intervals are reproducible. */
export const DEFAULT_BOOTSTRAP_SEED = 20261204;

export interface BootstrapInterval {
  low: number;
  high: number;
  /** Resamples whose statistic was finite (a resample can hold one class only, for example). */
  valid: number;
  resamples: number;
}

export interface BootstrapOptions {
  seed?: number;
  resamples?: number;
  confidence?: number;
}

/**
 * Percentile intervals of `statistic(weights)` (one number per statistic) over bootstrap resamples of
 * the rows 0 … n−1. Resample b draws n indices with `rng.int(n)`, in order, from one generator seeded
 * once. A NaN or null component is left out of that statistic's interval (and counted); an interval with
 * no finite value is null.
 *
 * @throws {RangeError} when resamples < 1 or confidence is not in (0, 1).
 * @example pairedBootstrap(3, (w) => [w.reduce((a, b) => a + b, 0)], { resamples: 5 })[0] // { low: 3, high: 3, valid: 5, resamples: 5 }
 */
export function pairedBootstrap(
  n: number,
  statistic: (weights: Float64Array) => (number | null)[],
  options: BootstrapOptions = {},
): (BootstrapInterval | null)[] {
  const resamples = options.resamples ?? DEFAULT_BOOTSTRAP_RESAMPLES;
  const confidence = options.confidence ?? 0.95;
  if (!(Number.isInteger(resamples) && resamples >= 1))
    throw new RangeError(`pairedBootstrap: resamples must be an integer >= 1, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`pairedBootstrap: confidence must be in (0, 1), got ${confidence}`);
  if (n === 0) return statistic(new Float64Array(0)).map(() => null);
  const rng = new SeededRng(options.seed ?? DEFAULT_BOOTSTRAP_SEED);
  const weights = new Float64Array(n);
  let values: number[][] = [];
  for (let b = 0; b < resamples; b++) {
    weights.fill(0);
    for (let i = 0; i < n; i++) weights[rng.int(n)]++;
    const v = statistic(weights);
    if (b === 0) values = v.map(() => []);
    v.forEach((x, k) => {
      if (x !== null && Number.isFinite(x)) values[k].push(x);
    });
  }
  const alpha = 1 - confidence;
  return values.map((list) => {
    if (list.length === 0) return null;
    const sorted = Float64Array.from(list).sort();
    return {
      low: quantileSorted(sorted, alpha / 2),
      high: quantileSorted(sorted, 1 - alpha / 2),
      valid: list.length,
      resamples,
    };
  });
}
