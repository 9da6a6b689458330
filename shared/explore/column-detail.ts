/**
 * The feature detail's data, computed from the typed arrays in the engine worker: a share histogram on
 * bins shared by both sets with each bin's PSI and Jensen–Shannon terms, both ECDFs (downsampled) and the
 * KS distance's location; for categories, every category's shares and delta sorted by |delta|.
 */
import { countInEdges, sturgesEdges } from '../drift/bins';
import { categoricalPair, categoricalSide, numericSide } from '../drift/column-pair';
import { zeroFill } from '../drift/zero-fill';
import type { Column } from '../table/columnar';
import type {
  BinChoice,
  CategoricalColumnDetail,
  CategoryRow,
  EcdfPoints,
  NumericColumnDetail,
} from './types';

export const ECDF_POINTS = 500;
export const CATEGORY_ROWS_LIMIT = 500;
/** 'auto' follows Sturges, capped so that a huge file does not give an unreadable histogram. */
export const AUTO_BINS_MAX = 100;

/**
 * Equal-width edges over [lo, hi] (a constant sample gets [v − 0.5, v + 0.5]), or Sturges for 'auto'.
 * @example equalEdges(0, 1, 2) // [0, 0.5, 1]
 */
export function equalEdges(lo: number, hi: number, k: number): number[] {
  if (!(hi > lo)) return [lo - 0.5, hi + 0.5];
  return Array.from({ length: k + 1 }, (_, i) => (i === k ? hi : lo + (i * (hi - lo)) / k));
}

function edgesFor(ref: Float64Array, cur: Float64Array, bins: BinChoice): number[] {
  const lo = Math.min(ref.length ? ref[0] : Infinity, cur.length ? cur[0] : Infinity);
  const hi = Math.max(
    ref.length ? ref[ref.length - 1] : -Infinity,
    cur.length ? cur[cur.length - 1] : -Infinity,
  );
  if (bins !== 'auto') return equalEdges(lo, hi, bins);
  const sturges = sturgesEdges(ref, cur);
  return sturges.length - 1 > AUTO_BINS_MAX ? equalEdges(lo, hi, AUTO_BINS_MAX) : sturges;
}

/**
 * ECDF of a sorted sample at ≤ `points` values: at index i the share (i + 1)/n of values ≤ sorted[i],
 * taking the last index of each run of ties, so every point lies on the true step function.
 * @example ecdfPoints(Float64Array.of(1, 2, 2, 3), 10) // { x: [1, 2, 3], y: [0.25, 0.75, 1] }
 */
export function ecdfPoints(sorted: Float64Array, points = ECDF_POINTS): EcdfPoints {
  const n = sorted.length;
  const x: number[] = [];
  const y: number[] = [];
  if (n === 0) return { x, y };
  const step = Math.max(1, (n - 1) / Math.max(1, points - 1));
  let last = -1;
  for (let t = 0; ; t++) {
    let i = Math.min(n - 1, Math.round(t * step));
    while (i + 1 < n && sorted[i + 1] === sorted[i]) i++;
    if (i > last) {
      x.push(sorted[i]);
      y.push((i + 1) / n);
      last = i;
    }
    if (i >= n - 1) break;
  }
  return { x, y };
}

/**
 * D = sup |F_ref − F_cur| with the x where it is reached (the first such x) and both ECDF values there,
 * by one merge of the sorted arrays.
 * @example ksLocation(Float64Array.of(1, 2, 3), Float64Array.of(2, 3, 4)) // { d: 0.333…, x: 1, reference: 0.333…, current: 0 }
 */
export function ksLocation(
  a: Float64Array,
  b: Float64Array,
): { d: number; x: number; reference: number; current: number } | null {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return null;
  let i = 0;
  let j = 0;
  let best = { d: -1, x: Number.NaN, reference: 0, current: 0 };
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
    while (i < n1 && a[i] <= v) i++;
    while (j < n2 && b[j] <= v) j++;
    const d = Math.abs(i / n1 - j / n2);
    // The first x wins among equal distances (tolerance for i/n₁ − j/n₂ rounding).
    if (d > best.d + 1e-12) best = { d, x: v, reference: i / n1, current: j / n2 };
  }
  return best;
}

/** Per-bin PSI terms (r − c)·ln(r/c) on zero-filled shares, as the psi test computes them. */
export function psiTerms(reference: readonly number[], current: readonly number[]): number[] {
  const r = zeroFill(reference);
  const c = zeroFill(current);
  return r.map((ri, i) => (ri - c[i]) * Math.log(ri / c[i]));
}

/** Per-bin Jensen–Shannon divergence terms ½·(r ln(r/m) + c ln(c/m)), m = (r + c)/2; they sum to JS². */
export function jsTerms(reference: readonly number[], current: readonly number[]): number[] {
  const term = (x: number, m: number) => (x > 0 ? x * Math.log(x / m) : 0);
  return reference.map((r, i) => {
    const c = current[i];
    const m = (r + c) / 2;
    return (term(r, m) + term(c, m)) / 2;
  });
}

/** The numeric detail; `ecdfCache` lets the caller keep ECDFs and KS between bin changes. */
export function numericColumnDetail(
  name: string,
  ref: Column,
  cur: Column,
  bins: BinChoice,
  sorted?: { reference: Float64Array; current: Float64Array },
  /** ECDFs and KS location computed before for the same arrays (they do not depend on the bins). */
  cached?: Pick<NumericColumnDetail, 'ecdf' | 'ks'>,
): NumericColumnDetail {
  const r = sorted?.reference ?? numericSide(ref).sorted;
  const c = sorted?.current ?? numericSide(cur).sorted;
  const edges = r.length + c.length > 0 ? edgesFor(r, c, bins) : [0, 1];
  const referenceCounts = countInEdges(r, edges);
  const currentCounts = countInEdges(c, edges);
  const reference = referenceCounts.map((n) => (r.length > 0 ? n / r.length : 0));
  const current = currentCounts.map((n) => (c.length > 0 ? n / c.length : 0));
  const both = r.length > 0 && c.length > 0;
  const psi = both ? psiTerms(reference, current) : reference.map(() => 0);
  const js = both ? jsTerms(reference, current) : reference.map(() => 0);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    kind: 'numeric',
    column: name,
    bins,
    edges,
    reference,
    current,
    referenceCounts,
    currentCounts,
    psi,
    js,
    psiTotal: sum(psi),
    jsDistance: Math.sqrt(Math.max(0, sum(js))),
    ecdf: cached?.ecdf ?? { reference: ecdfPoints(r), current: ecdfPoints(c) },
    ks: cached ? cached.ks : ksLocation(r, c),
  };
}

/** Every category of both sets with shares and delta, largest |delta| first, new/vanished flagged. */
export function categoricalColumnDetail(name: string, ref: Column, cur: Column): CategoricalColumnDetail {
  const pair = categoricalPair(categoricalSide(ref), categoricalSide(cur));
  const nRef = pair.reference.reduce((a, b) => a + b, 0);
  const nCur = pair.current.reduce((a, b) => a + b, 0);
  const rows: CategoryRow[] = pair.labels.map((label, i) => {
    const referenceCount = pair.reference[i];
    const currentCount = pair.current[i];
    const referenceShare = nRef > 0 ? referenceCount / nRef : 0;
    const currentShare = nCur > 0 ? currentCount / nCur : 0;
    const status = referenceCount === 0 ? 'new' : currentCount === 0 ? 'vanished' : 'both';
    return {
      label,
      referenceCount,
      currentCount,
      referenceShare,
      currentShare,
      delta: currentShare - referenceShare,
      status,
    };
  });
  rows.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.label < b.label ? -1 : 1));
  return {
    kind: 'categorical',
    column: name,
    categories: rows.slice(0, CATEGORY_ROWS_LIMIT),
    totalCategories: rows.length,
  };
}
