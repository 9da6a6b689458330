/**
 * Numeric bounds for the binned tests on DDSketch buckets (docs/profiles.md, "Error bounds"): the interval
 * [low, high] that holds the score the rows would give, whatever the values inside each bucket are.
 *
 * Each bucket's values lie in its value range (γ^(i−1), γ^i] (negated for the negative store, clamped to
 * the column's exact [min, max], widened by WIDEN against the rounding of ⌈ln|x| / ln γ⌉, so that two
 * neighbouring ranges may both meet an edge). A bucket inside one bin adds its whole count to that bin; a bucket over
 * several bins (a "span") can put any part of its count in each of them. Totals are exact, so shares are
 * count/n. Every binned score is a monotone map of Σⱼ φ(xⱼ, yⱼ) (x reference share, y current share) with
 * φ ≥ 0, φ(t, t) = 0, jointly convex, increasing in x and decreasing in y where x > y (and the mirror):
 * - psi:  φ = (x − y)·ln(x/y) on zero-filled shares (statistics.md §6); score = Σ.
 * - kl_div: φ = x·ln(x/y) − x + y on zero-filled shares x̃, ỹ; KL renormalises by S = Σx̃ = 1 + z·fill,
 *   so KL = Σφ/S_R + h(S_C/S_R), h(t) = 1 − t + ln t ≤ 0 (concave): KL ≤ Σφ and
 *   KL ≥ Σφ_low/S_R,max + min(h(1/S_R,max), h(S_C,max)).
 * - jensenshannon(_base2): φ = ½[x·ln(2x/(x+y)) + y·ln(2y/(x+y))]; score = √Σ (÷ √ln 2, at most 1).
 * - hellinger: 1 − Σ√(xy) = ½Σ(√x − √y)² when both sum to 1; score = √clip(Σ, 0, 1).
 * - g_test: G = 2·n_cur·Σ[y·ln(y/x) − y + x] (G = 2Σ o·ln(o/e), e = x·n_cur); p = chi2.sf(G, k − 1),
 *   decreasing in G and increasing in the number k of non-empty bins, which is bounded apart.
 * Upper bound: a convex function's maximum over the polytope of assignments is at a vertex (every span
 * whole in one bin), found exactly by a dynamic programme along the bins (its state: which of the few
 * spans crossing an edge are placed). Zero-filling breaks convexity at a count of 0, so for psi and kl_div
 * the bins that may be empty are bounded by their per-bin maxima over boxes instead (valid, coupling
 * ignored); the fill itself is bounded by the least and the largest smallest share. Lower bound: the
 * larger of the sum of per-bin minima over the boxes (0 when a box meets the diagonal, else its corner
 * nearest to it) and Frank–Wolfe's bound f(x) + ∇f(x)·(s − x) ≤ min f on the bins never empty (valid for
 * any feasible x by convexity; s minimises the linear part: each span whole in its bin of least
 * gradient), plus the box minima of the other bins.
 * Sources: Boyd & Vandenberghe, Convex Optimization (2004), §3.1.3 (first-order condition), §3.2.6
 * (perspective: x·ln(x/y) is jointly convex); Jaggi (2013), "Revisiting Frank–Wolfe", §2 (duality gap).
 * Pure: no Node import.
 */
import { linspaceEdges } from '../drift/bins';
import { chi2Sf } from '../stats/chi-square';
import { searchSorted } from '../stats/sorted';
import { gammaOf } from './ddsketch';
import { sturgesEdges } from './profile-points';
import { EXACT_VALUES_MAX, type NumericProfileColumn } from './types';

export type BinnedTest = 'psi' | 'jensenshannon' | 'kl_div' | 'hellinger' | 'jensenshannon_base2' | 'g_test';

/** A count whose values lie in [lo, hi]. */
export interface MassItem {
  lo: number;
  hi: number;
  count: number;
}

/** A mass over bins first..last (first < last), which may fall in any of them. */
export interface Span {
  first: number;
  last: number;
  count: number;
}

/** One side on a set of edges: counts certainly in each bin, the spans, and each bin's count interval. */
export interface BinnedSide {
  n: number;
  base: number[];
  spans: Span[];
  lo: number[];
  hi: number[];
}

export interface ScoreInterval {
  low: number;
  high: number;
  /** The statistic's interval (g_test: G, possibly ∞; the distances: the score's). */
  statisticLow: number;
  statisticHigh: number;
}

/** Relative widening of a bucket's range, far above the rounding of ⌈ln|x| / ln γ⌉ and of γ^i. */
const WIDEN = 1e-9;
/** Relative and absolute slack on the sums, above the rounding of the tests' own sums. */
const REL_SLACK = 1e-9;
const ABS_SLACK = 1e-13;
const FW_ITERATIONS = 200;

/** A column's mass as value ranges ascending: each exact value, or each bucket's (widened) range. */
export function massItems(c: NumericProfileColumn): MassItem[] {
  if (c.values !== null) return c.values.map(([v, k]) => ({ lo: v, hi: v, count: k }));
  const min = c.min ?? 0;
  const max = c.max ?? 0;
  const gamma = gammaOf(c.sketch.relativeAccuracy);
  const items: MassItem[] = [];
  const push = (lo: number, hi: number, count: number) =>
    items.push({ lo: Math.max(lo, min), hi: Math.min(hi, max), count });
  for (let k = c.sketch.negative.length - 1; k >= 0; k--) {
    const [i, n] = c.sketch.negative[k];
    push(-(gamma ** i) * (1 + WIDEN), -(gamma ** (i - 1)) * (1 - WIDEN), n);
  }
  if (c.sketch.zeroCount > 0) push(0, 0, c.sketch.zeroCount);
  for (const [i, n] of c.sketch.positive) push(gamma ** (i - 1) * (1 - WIDEN), gamma ** i * (1 + WIDEN), n);
  return items;
}

/** The bin [eⱼ, eⱼ₊₁) of x (the last closed), as `countInEdges`; below e₀ → 0, above e_k → k − 1. */
function binOf(x: number, edges: readonly number[]): number {
  return Math.min(Math.max(searchSorted(edges, x, true) - 1, 0), edges.length - 2);
}

/** Splits a side's items into whole-bin counts and spans over the bins of `edges`. */
export function binSide(items: readonly MassItem[], edges: readonly number[]): BinnedSide {
  const k = edges.length - 1;
  const base = new Array<number>(k).fill(0);
  const spans: Span[] = [];
  let n = 0;
  for (const it of items) {
    n += it.count;
    const first = binOf(it.lo, edges);
    const last = binOf(it.hi, edges);
    if (first === last) base[first] += it.count;
    else spans.push({ first, last, count: it.count });
  }
  const lo = base.slice();
  const hi = base.slice();
  for (const s of spans) for (let j = s.first; j <= s.last; j++) hi[j] += s.count;
  return { n, base, spans, lo, hi };
}

/** A per-bin term φ(x, y) with its partial derivatives (for shares > 0). */
interface Term {
  f(x: number, y: number): number;
  dx(x: number, y: number): number;
  dy(x: number, y: number): number;
}

const xlogx = (x: number, m: number) => (x === 0 ? 0 : x * Math.log(x / m));

const PSI: Term = {
  f: (x, y) => (x - y) * Math.log(x / y),
  dx: (x, y) => Math.log(x / y) + 1 - y / x,
  dy: (x, y) => -Math.log(x / y) + 1 - x / y,
};
/** Generalised relative entropy x·ln(x/y) − x + y (0 at x = 0 is y; ∞ when y = 0 < x). */
const gFun = (x: number, y: number) =>
  x === 0 ? y : y === 0 ? Number.POSITIVE_INFINITY : xlogx(x, y) - x + y;
const KL: Term = { f: gFun, dx: (x, y) => Math.log(x / y), dy: (x, y) => 1 - x / y };
/** g_test's term: observed = current share y, expected = reference share x. */
const G: Term = { f: (x, y) => gFun(y, x), dx: (x, y) => 1 - y / x, dy: (x, y) => Math.log(y / x) };
const JS: Term = {
  f: (x, y) => (xlogx(x, (x + y) / 2) + xlogx(y, (x + y) / 2)) / 2,
  dx: (x, y) => Math.log((2 * x) / (x + y)) / 2,
  dy: (x, y) => Math.log((2 * y) / (x + y)) / 2,
};
const HELLINGER: Term = {
  f: (x, y) => (Math.sqrt(x) - Math.sqrt(y)) ** 2 / 2,
  dx: (x, y) => (1 - Math.sqrt(y / x)) / 2,
  dy: (x, y) => (1 - Math.sqrt(x / y)) / 2,
};

/** Evidently's zero fill of a share array whose smallest non-zero share is m (zero-fill.ts). */
const fillOf = (m: number) => (m <= 0.0001 ? m / 10 ** 6 : 0.0001);

/** Per-bin share boxes [a, b] of a side; with `fill`, a bin that may be empty may hold the fill instead. */
function boxes(s: BinnedSide, fill: boolean): { a: number[]; b: number[] } {
  const k = s.lo.length;
  const a = s.lo.map((c) => c / s.n);
  const b = s.hi.map((c) => c / s.n);
  if (!fill || s.lo.every((c) => c > 0)) return { a, b };
  // The smallest non-zero share m: at least the least positive share a bin can have (counts are
  // integers), at most the largest share of the bins that are never empty.
  let mLo = Number.POSITIVE_INFINITY;
  let mHi = 1;
  for (let j = 0; j < k; j++) {
    if (s.hi[j] > 0) mLo = Math.min(mLo, Math.max(s.lo[j], 1) / s.n);
    if (s.lo[j] > 0) mHi = Math.min(mHi, s.hi[j] / s.n);
  }
  const fLo = fillOf(mLo);
  const fHi = fillOf(Math.max(mLo, mHi));
  for (let j = 0; j < k; j++) {
    if (s.lo[j] > 0) continue;
    a[j] = Math.min(fLo, s.hi[j] > 0 ? 1 / s.n : fLo);
    b[j] = Math.max(b[j], fHi);
  }
  return { a, b };
}

/** min of φ over [xa, xb] × [ya, yb]: 0 when the box meets the diagonal, else its nearest corner. */
function boxMin(t: Term, xa: number, xb: number, ya: number, yb: number): number {
  if (xa > yb) return t.f(xa, yb);
  if (ya > xb) return t.f(xb, ya);
  return 0;
}

function boxMax(t: Term, xa: number, xb: number, ya: number, yb: number): number {
  return Math.max(t.f(xa, ya), t.f(xa, yb), t.f(xb, ya), t.f(xb, yb));
}

/** The spans of a side that cross edge e (between bins e − 1 and e), per edge. */
function crossing(s: BinnedSide, k: number): number[][] {
  const at = Array.from({ length: k + 1 }, () => [] as number[]);
  s.spans.forEach((sp, i) => {
    for (let e = sp.first + 1; e <= sp.last; e++) at[e].push(i);
  });
  return at;
}

/**
 * A side's choices in bin j: from the mask of placed spans among those crossing edge j (bit b for
 * `cross[j][b]`), each [mass added in bin j, mask over the spans crossing edge j + 1]. A span ending in j
 * is placed here if it was not yet; a span crossing edge j + 1 not yet placed may be placed here or later.
 */
function choices(s: BinnedSide, cross: number[][], j: number, placed: number, k: number): [number, number][] {
  const into = j > 0 ? cross[j] : [];
  const out = j + 1 < k ? cross[j + 1] : [];
  let forced = 0;
  into.forEach((span, b) => {
    if (!(placed & (1 << b)) && !out.includes(span)) forced += s.spans[span].count;
  });
  let options: [number, number][] = [[forced, 0]];
  out.forEach((span, b) => {
    const was = into.indexOf(span);
    const done = was >= 0 && (placed & (1 << was)) !== 0;
    options = done
      ? options.map(([m, mask]): [number, number] => [m, mask | (1 << b)])
      : options.flatMap(([m, mask]): [number, number][] => [
          [m + s.spans[span].count, mask | (1 << b)],
          [m, mask],
        ]);
  });
  return options;
}

/**
 * The maximum of Σⱼ φ(Rⱼ/n_R, Cⱼ/n_C) over the bins j in `mask`, over the vertices (every span whole in one
 * of its bins): a dynamic programme along the bins whose state is, per side, which of the spans crossing
 * the next edge are already placed (usually one span per side and edge; two when a bucket's widened range
 * meets its neighbour's on an edge). Bins outside the mask score 0 here (the caller bounds them apart).
 */
function vertexMax(t: Term, r: BinnedSide, c: BinnedSide, mask: boolean[]): number {
  const k = r.base.length;
  const cr = crossing(r, k);
  const cc = crossing(c, k);
  // State key = maskR · 2^(number of current spans crossing the edge) + maskC.
  let value = new Map<number, number>([[0, 0]]);
  for (let j = 0; j < k; j++) {
    const next = new Map<number, number>();
    const shiftIn = 2 ** (j > 0 ? cc[j].length : 0);
    const shiftOut = 2 ** (j + 1 < k ? cc[j + 1].length : 0);
    for (const [key, v] of value) {
      const mr = Math.floor(key / shiftIn);
      const mc = key % shiftIn;
      for (const [addR, outR] of choices(r, cr, j, mr, k))
        for (const [addC, outC] of choices(c, cc, j, mc, k)) {
          const term = mask[j] ? t.f((r.base[j] + addR) / r.n, (c.base[j] + addC) / c.n) : 0;
          const to = outR * shiftOut + outC;
          const prev = next.get(to);
          if (prev === undefined || v + term > prev) next.set(to, v + term);
        }
    }
    value = next;
  }
  return Math.max(...value.values());
}

/**
 * Counts in the bins of `mask` with every span's count moved to its masked bin of least gradient g, or
 * out of the mask (gradient 0) when it touches an unmasked bin and every masked gradient is above 0.
 */
function linearMinimiser(s: BinnedSide, g: number[], mask: boolean[]): number[] {
  const out = s.base.slice();
  for (const sp of s.spans) {
    let best = -1;
    let sink = false;
    for (let j = sp.first; j <= sp.last; j++) {
      if (!mask[j]) sink = true;
      else if (best < 0 || g[j] < g[best]) best = j;
    }
    if (best >= 0 && !(sink && g[best] > 0)) out[best] += sp.count;
  }
  return out;
}

/**
 * Frank–Wolfe lower bound on min Σ_{j ∈ mask} φ over the assignments, for bins with shares > 0 on both
 * sides: the masked counts range over the spans' splits, a span's part in unmasked bins leaving the sum.
 */
function frankWolfeLow(t: Term, r: BinnedSide, c: BinnedSide, mask: boolean[]): number {
  const k = r.base.length;
  const start = (s: BinnedSide) => {
    const x = s.base.slice();
    for (const sp of s.spans)
      for (let j = sp.first; j <= sp.last; j++) x[j] += sp.count / (sp.last - sp.first + 1);
    return x;
  };
  const R = start(r);
  const C = start(c);
  let best = Number.NEGATIVE_INFINITY;
  for (let it = 0; it < FW_ITERATIONS; it++) {
    let f = 0;
    const gr = new Array<number>(k).fill(0);
    const gc = new Array<number>(k).fill(0);
    for (let j = 0; j < k; j++) {
      if (!mask[j]) continue;
      const x = R[j] / r.n;
      const y = C[j] / c.n;
      f += t.f(x, y);
      gr[j] = t.dx(x, y) / r.n;
      gc[j] = t.dy(x, y) / c.n;
    }
    const sr = linearMinimiser(r, gr, mask);
    const sc = linearMinimiser(c, gc, mask);
    let gap = 0;
    let size = Math.abs(f);
    for (let j = 0; j < k; j++) {
      if (!mask[j]) continue;
      const d = gr[j] * (sr[j] - R[j]) + gc[j] * (sc[j] - C[j]);
      gap += d;
      size += Math.abs(d);
    }
    const bound = f + gap - REL_SLACK * size;
    if (Number.isFinite(bound) && bound > best) best = bound;
    const step = 2 / (it + 2);
    for (let j = 0; j < k; j++) {
      R[j] += step * (sr[j] - R[j]);
      C[j] += step * (sc[j] - C[j]);
    }
  }
  return best;
}

/**
 * [low, high] of Σⱼ φ over every assignment of the spans (see the header), with the slack. Bins with a
 * count > 0 on both sides whatever the assignment ("positive") are bounded jointly: Frank–Wolfe below,
 * the vertex maximum above; the others by their boxes (for psi and kl_div, whose zero fill is not convex
 * at a count of 0; the other tests take every bin into the vertex maximum).
 */
function termSum(t: Term, r: BinnedSide, c: BinnedSide, fill: boolean): { low: number; high: number } {
  const k = r.base.length;
  const x = boxes(r, fill);
  const y = boxes(c, fill);
  const positive = r.lo.map((v, j) => v > 0 && c.lo[j] > 0);
  const joint = fill ? positive : positive.map(() => true);
  let boxLow = 0;
  let boxHigh = 0;
  let outsideLow = 0;
  let outsideHigh = 0;
  for (let j = 0; j < k; j++) {
    const lo = boxMin(t, x.a[j], x.b[j], y.a[j], y.b[j]);
    const hi = boxMax(t, x.a[j], x.b[j], y.a[j], y.b[j]);
    boxLow += lo;
    boxHigh += hi;
    if (!positive[j]) outsideLow += lo;
    if (!joint[j]) outsideHigh += hi;
  }
  const high = Math.min(boxHigh, outsideHigh + vertexMax(t, r, c, joint));
  const low = positive.some((p) => p)
    ? Math.max(boxLow, outsideLow + frankWolfeLow(t, r, c, positive))
    : boxLow;
  return {
    low: Math.max(0, low * (1 - REL_SLACK) - ABS_SLACK),
    high: high * (1 + REL_SLACK) + ABS_SLACK,
  };
}

const TERMS: Record<BinnedTest, Term> = {
  psi: PSI,
  kl_div: KL,
  jensenshannon: JS,
  jensenshannon_base2: JS,
  hellinger: HELLINGER,
  g_test: G,
};

/** The score's interval for one set of edges, from each side's value ranges. */
export function intervalOnEdges(
  test: BinnedTest,
  ref: readonly MassItem[],
  cur: readonly MassItem[],
  edges: readonly number[],
): ScoreInterval {
  const r = binSide(ref, edges);
  const c = binSide(cur, edges);
  const fill = test === 'psi' || test === 'kl_div';
  const s = termSum(TERMS[test], r, c, fill);
  const same = (low: number, high: number) => ({ low, high, statisticLow: low, statisticHigh: high });
  switch (test) {
    case 'psi':
      return same(s.low, s.high);
    case 'kl_div': {
      const sMax = (side: BinnedSide) => 1 + side.lo.filter((v) => v === 0).length * 0.0001;
      const h = (v: number) => 1 - v + Math.log(v);
      const low = s.low / sMax(r) + Math.min(h(1 / sMax(r)), h(sMax(c)));
      return same(Math.max(0, low * (1 - REL_SLACK) - ABS_SLACK), s.high);
    }
    case 'jensenshannon':
      return same(Math.sqrt(s.low), Math.sqrt(s.high));
    case 'jensenshannon_base2':
      return same(
        Math.min(1, Math.sqrt(s.low) / Math.sqrt(Math.LN2)),
        Math.min(1, Math.sqrt(s.high) / Math.sqrt(Math.LN2)),
      );
    case 'hellinger':
      return same(Math.sqrt(Math.min(1, s.low)), Math.sqrt(Math.min(1, s.high)));
    case 'g_test': {
      // k = bins non-empty on either side (goodnessOfFit's compactCategories), in [kMin, kMax]; k = 1
      // gives p = 1 and G = 0 by convention, else p = chi2.sf(G, k − 1), lowest at k = max(2, kMin).
      const nonEmpty = (side: 'lo' | 'hi') => r[side].filter((v, j) => v > 0 || c[side][j] > 0).length;
      const kMin = nonEmpty('lo');
      const kMax = nonEmpty('hi');
      if (kMax <= 1) return { low: 1, high: 1, statisticLow: 0, statisticHigh: 0 };
      const gLow = 2 * c.n * s.low;
      const gHigh = 2 * c.n * s.high;
      const sf = (g: number, k: number) =>
        g === Number.POSITIVE_INFINITY ? 0 : Math.min(1, Math.max(0, chi2Sf(g, k - 1)));
      // The p-value's own rounding (its continued fraction) is covered by the same relative slack.
      const pLow = sf(gHigh, Math.max(2, kMin)) * (1 - REL_SLACK);
      const pHigh = kMin <= 1 ? 1 : Math.min(1, sf(gLow, kMax) * (1 + REL_SLACK) + ABS_SLACK);
      return { low: pLow, high: pHigh, statisticLow: gLow, statisticHigh: gHigh };
    }
  }
}

/** Sturges bin counts k of every number of distinct values in [dLo, n] (k is non-decreasing in it). */
function sturgesCounts(lo: number, hi: number, dLo: number, n: number, integers: boolean): number[] {
  const kLo = sturgesEdges(lo, hi, dLo, integers).length - 1;
  const kHi = sturgesEdges(lo, hi, n, integers).length - 1;
  const ks: number[] = [];
  for (let k = Math.min(kLo, kHi); k <= Math.max(kLo, kHi); k++) ks.push(k);
  return ks;
}

/**
 * The interval of a binned test's score on two sketched columns, on the Sturges bins the profile uses
 * (from min, max and n). Hellinger's exact numerical form bins on the DISTINCT values of ref ∪ cur
 * (hellinger.ts), whose number d the profile only bounds (d ≥ 1,001 and ≥ each side's buckets or
 * values), so its interval is the union over every Sturges k of d in that range.
 */
export function binnedScoreInterval(
  test: BinnedTest,
  ref: NumericProfileColumn,
  cur: NumericProfileColumn,
): ScoreInterval {
  const lo = Math.min(ref.min ?? 0, cur.min ?? 0);
  const hi = Math.max(ref.max ?? 0, cur.max ?? 0);
  const n = ref.count + cur.count;
  const integers = ref.integers && cur.integers;
  const r = massItems(ref);
  const c = massItems(cur);
  if (test !== 'hellinger' || lo === hi)
    return intervalOnEdges(test, r, c, sturgesEdges(lo, hi, n, integers));
  const distinct = (col: NumericProfileColumn, items: MassItem[]) =>
    col.values === null ? Math.max(EXACT_VALUES_MAX + 1, items.length) : items.length;
  const dLo = Math.min(n, Math.max(distinct(ref, r), distinct(cur, c)));
  const all = sturgesCounts(lo, hi, dLo, n, integers).map((k) =>
    intervalOnEdges(test, r, c, linspaceEdges(lo, hi, k)),
  );
  return {
    low: Math.min(...all.map((a) => a.low)),
    high: Math.max(...all.map((a) => a.high)),
    statisticLow: Math.min(...all.map((a) => a.statisticLow)),
    statisticHigh: Math.max(...all.map((a) => a.statisticHigh)),
  };
}
