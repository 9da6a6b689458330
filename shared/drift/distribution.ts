/**
 * Plotting data on bins shared by both sets (what the app's histogram and category bars draw).
 * Numeric: equal-width bins over [min, max] of reference ∪ current, counted by binary search on the
 * sorted values, in O(k log n); shares of each set's non-missing count. Categorical: the most common
 * labels of both sets combined, the rest summed as "other".
 */
import type { Distribution } from '../report/analysis-result';
import type { CategoricalPair, NumericPair } from './sample';

export const PLOT_BINS = 30;
export const PLOT_CATEGORIES = 20;

/** Number of values in sorted `a` that are < x (or <= x when `inclusive`). */
export function countBelow(a: Float64Array, x: number, inclusive: boolean): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x || (inclusive && a[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Shares per bin of a sorted sample for edges e_0 < … < e_k (bins [e_i, e_i+1), the last one closed). */
export function binShares(sorted: Float64Array, edges: number[]): number[] {
  const k = edges.length - 1;
  const shares: number[] = [];
  let below = countBelow(sorted, edges[0], false);
  for (let i = 0; i < k; i++) {
    const upTo = countBelow(sorted, edges[i + 1], i === k - 1);
    shares.push(sorted.length > 0 ? (upTo - below) / sorted.length : 0);
    below = upTo;
  }
  return shares;
}

export function numericDistribution(pair: NumericPair, bins = PLOT_BINS): Distribution | null {
  const { reference: r, current: c } = pair;
  if (r.length === 0 && c.length === 0) return null;
  const min = Math.min(r.length ? r[0] : Infinity, c.length ? c[0] : Infinity);
  const max = Math.max(r.length ? r[r.length - 1] : -Infinity, c.length ? c[c.length - 1] : -Infinity);
  const k = max > min ? bins : 1;
  const lo = max > min ? min : min - 0.5;
  const hi = max > min ? max : max + 0.5;
  // (hi − lo) can overflow for values beyond ±9e307: then work with halves so nothing overflows.
  const finite = Number.isFinite(hi - lo);
  const half = hi / 2 / k - lo / 2 / k;
  const edge = (i: number) => (finite ? lo + (i * (hi - lo)) / k : 2 * (lo / 2 + i * half));
  const edges = Array.from({ length: k + 1 }, (_, i) => (i === k ? hi : edge(i)));
  return { kind: 'histogram', edges, reference: binShares(r, edges), current: binShares(c, edges) };
}

export function categoricalDistribution(pair: CategoricalPair, limit = PLOT_CATEGORIES): Distribution {
  const nRef = pair.reference.reduce((a, b) => a + b, 0);
  const nCur = pair.current.reduce((a, b) => a + b, 0);
  const share = (count: number, n: number) => (n > 0 ? count / n : 0);
  const order = pair.labels
    .map((label, i) => ({ label, i, weight: share(pair.reference[i], nRef) + share(pair.current[i], nCur) }))
    .sort((a, b) => b.weight - a.weight);
  const shown = order.length > limit ? order.slice(0, limit - 1) : order;
  const rest = order.slice(shown.length);
  shown.sort((a, b) => a.i - b.i);
  const reference = shown.map(({ i }) => share(pair.reference[i], nRef));
  const current = shown.map(({ i }) => share(pair.current[i], nCur));
  const labels = shown.map(({ label }) => label);
  let otherLabel: string | null = null;
  if (rest.length > 0) {
    otherLabel = `other (${rest.length} categories)`;
    labels.push(otherLabel);
    reference.push(rest.reduce((a, { i }) => a + share(pair.reference[i], nRef), 0));
    current.push(rest.reduce((a, { i }) => a + share(pair.current[i], nCur), 0));
  }
  return { kind: 'categories', labels, reference, current, otherLabel };
}
