/**
 * Multiple-testing correction across columns, for p-value tests (docs/statistics.md §8).
 * Bonferroni: p̃_i = min(1, m·p_i). Benjamini–Hochberg (step-up, controls the false discovery rate):
 * p̃_(i) = min_{j ≥ i} min(1, m·p_(j)/j) over the p-values sorted ascending, as
 * statsmodels.stats.multitest.multipletests(method="fdr_bh") computes them.
 * Null entries (no p-value) are left null and not counted in m.
 */
import type { Correction } from './settings';

/**
 * @example adjustPValues([0.01, 0.04, 0.03], 'benjamini_hochberg') // [0.03, 0.04, 0.04]
 */
export function adjustPValues(pValues: (number | null)[], method: Correction): (number | null)[] {
  if (method === 'none') return pValues.slice();
  const present = pValues
    .map((p, i) => ({ p, i }))
    .filter((e): e is { p: number; i: number } => e.p !== null && !Number.isNaN(e.p));
  const m = present.length;
  const out: (number | null)[] = pValues.map(() => null);
  if (method === 'bonferroni') {
    for (const { p, i } of present) out[i] = Math.min(1, p * m);
    return out;
  }
  present.sort((a, b) => a.p - b.p);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    running = Math.min(running, (present[k].p * m) / (k + 1));
    out[present[k].i] = Math.min(1, running);
  }
  return out;
}
