/**
 * A numeric profile column as weighted points ascending (its exact value counts, or its DDSketch buckets'
 * representatives), and what the analysis and the feature detail compute on them: both CDFs walked
 * together, counts in bins, Sturges edges from the counts alone. Pure: no Node import.
 */
import { linspaceEdges } from '../drift/bins';
import { sketchPoints } from './ddsketch';
import type { NumericProfileColumn } from './types';

/** A numeric side as weighted points ascending. */
export interface Points {
  x: number[];
  w: number[];
  n: number;
  exact: boolean;
  column: NumericProfileColumn;
}

export function points(c: NumericProfileColumn): Points {
  if (c.values !== null)
    return { x: c.values.map(([v]) => v), w: c.values.map(([, k]) => k), n: c.count, exact: true, column: c };
  const p = sketchPoints(c.sketch, c.min ?? 0, c.max ?? 0);
  return { ...p, n: c.count, exact: false, column: c };
}

/** Walks the union of two point sets ascending, with both CDFs after each distinct x. */
export function forEachCdf(r: Points, c: Points, visit: (x: number, fr: number, fc: number) => void): void {
  let i = 0;
  let j = 0;
  let sr = 0;
  let sc = 0;
  while (i < r.x.length || j < c.x.length) {
    const x = j >= c.x.length || (i < r.x.length && r.x[i] <= c.x[j]) ? r.x[i] : c.x[j];
    while (i < r.x.length && r.x[i] === x) sr += r.w[i++];
    while (j < c.x.length && c.x[j] === x) sc += c.w[j++];
    visit(x, sr / r.n, sc / c.n);
  }
}

/** NumPy's Sturges edges over [lo, hi] (shared/drift/bins.ts `binEdges`, from the counts alone). */
export function sturgesEdges(lo: number, hi: number, n: number, integers: boolean): number[] {
  if (lo === hi) return [lo - 0.5, hi + 0.5];
  const ptp = hi - lo;
  let k: number;
  if (!Number.isFinite(ptp)) k = Math.ceil(Math.log2(n) + 1);
  else {
    let width = ptp / (Math.log2(n) + 1);
    if (width < 1 && integers) width = 1;
    k = Math.ceil(ptp / width);
  }
  return linspaceEdges(lo, hi, k);
}

/** Counts of weighted points in [eᵢ, eᵢ₊₁), the last bin closed (as `countInEdges`). */
export function countPoints(p: Points, edges: number[]): number[] {
  const k = edges.length - 1;
  const counts = new Array<number>(k).fill(0);
  let b = 0;
  for (let i = 0; i < p.x.length; i++) {
    const x = p.x[i];
    if (x < edges[0] || x > edges[k]) continue;
    while (b < k - 1 && x >= edges[b + 1]) b++;
    counts[b] += p.w[i];
  }
  return counts;
}
