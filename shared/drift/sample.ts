/**
 * What a drift test receives: the non-missing values of one column in both datasets, already cleaned
 * (docs/statistics.md §1) and brought to a common representation.
 */

/** Numeric values, finite only, each array sorted ascending (a sorted copy, never the table's own array). */
export interface NumericPair {
  kind: 'numeric';
  reference: Float64Array;
  current: Float64Array;
}

/**
 * Category counts over the union of categories of both sets. `labels` are sorted: numerically when
 * every label is a number, else by code unit (Python's default sort, as Evidently does).
 * `reference[i]` and `current[i]` count `labels[i]`; a category absent from one set has count 0.
 */
export interface CategoricalPair {
  kind: 'categorical';
  labels: string[];
  reference: number[];
  current: number[];
}

export type PairedSample = NumericPair | CategoricalPair;

/**
 * The result of one test on one column. `score` is what is compared with the threshold: the p-value of
 * a p-value test or the distance of a distance test. When the test cannot be computed, `score` is null
 * and `reason` says why (never NaN as a verdict).
 */
export interface TestOutcome {
  score: number | null;
  statistic: number | null;
  pValue: number | null;
  reason: string | null;
}
