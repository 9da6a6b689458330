/**
 * Per-column statistics of one dataset, shown side by side in the app and the reports.
 * Numeric: mean and sample standard deviation (ddof = 1, as pandas' describe), min, quartiles by linear
 * interpolation (NumPy default), max. Categorical: distinct count and the most frequent categories.
 */
import type { ColumnSummary } from '../report/analysis-result';
import { centralMoments } from '../stats/moments';
import { quantileSorted } from '../stats/quantile-sorted';
import { countDistinctSorted } from '../stats/sorted';
import type { CategoricalSide, NumericSide } from './column-pair';

export const TOP_CATEGORIES = 10;

const EMPTY_NUMBERS = { mean: null, std: null, min: null, q25: null, median: null, q75: null, max: null };

/**
 * Mean and sample standard deviation (ddof 1), from the two passes of centralMoments (remembered per array,
 * as the reference's is asked for once per timeline chunk, and shared with the Wasserstein normaliser).
 */
export function meanAndStd(values: Float64Array): { mean: number; std: number } {
  const { n, mean, squares } = centralMoments(values);
  return { mean: n > 0 ? mean : Number.NaN, std: n > 1 ? Math.sqrt(squares / (n - 1)) : Number.NaN };
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function numericSummary(side: NumericSide): ColumnSummary {
  const s = side.sorted;
  const n = s.length;
  if (n === 0) {
    return { count: 0, missing: side.missing, invalid: side.invalid, ...EMPTY_NUMBERS, unique: 0, top: null };
  }
  const { mean, std } = meanAndStd(s);
  return {
    count: n,
    missing: side.missing,
    invalid: side.invalid,
    mean: finiteOrNull(mean),
    std: finiteOrNull(std),
    min: s[0],
    q25: quantileSorted(s, 0.25),
    median: quantileSorted(s, 0.5),
    q75: quantileSorted(s, 0.75),
    max: s[n - 1],
    unique: countDistinctSorted(s),
    top: null,
  };
}

export function categoricalSummary(side: CategoricalSide, invalid = 0): ColumnSummary {
  let count = 0;
  for (const c of side.counts.values()) count += c;
  const top = [...side.counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP_CATEGORIES)
    .map(([value, c]) => ({ value, count: c }));
  return { count, missing: side.missing, invalid, ...EMPTY_NUMBERS, unique: side.counts.size, top };
}
