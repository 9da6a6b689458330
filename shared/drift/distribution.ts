/**
 * Plotting data on bins shared by both sets (what the app's histogram and category bars draw).
 * Numeric: the test bins of drift/bins.ts (`chartBins`), shares of each set's non-missing count.
 * Categorical: the most common labels of both sets combined, the rest summed as "other".
 */
import type { Distribution } from '../report/analysis-result';
import { chartBins } from './bins';
import type { CategoricalPair, NumericPair } from './sample';

export const PLOT_CATEGORIES = 20;

/**
 * Shares of both sets on the bins of `chartBins`: the §6 test bins (Sturges, or one bin per value),
 * the bins the effect size and the binned tests score. Null when both sets are empty.
 */
export function numericDistribution(pair: NumericPair): Distribution | null {
  const { reference: r, current: c } = pair;
  if (r.length === 0 && c.length === 0) return null;
  const bins = chartBins(pair);
  const share = (counts: number[], n: number) => counts.map((k) => (n > 0 ? k / n : 0));
  return {
    kind: 'histogram',
    edges: bins.edges,
    reference: share(bins.reference, r.length),
    current: share(bins.current, c.length),
  };
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
