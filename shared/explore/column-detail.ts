/**
 * The feature detail's data, computed from the typed arrays in the engine worker: a share histogram on
 * bins shared by both sets with each bin's PSI and Jensen–Shannon terms, both ECDFs (downsampled) and the
 * KS distance's location; for categories, every category's shares and delta sorted by |delta|.
 */
import { binEdges, chartBins, countInEdges } from '../drift/bins';
import { categoricalPair, categoricalSide, numericSide } from '../drift/column-pair';
import { jsTerms } from '../drift/methods/jensenshannon';
import { ksLocation } from '../drift/methods/ks';
import { psiTerms } from '../drift/methods/psi';
import type { CategoricalPair } from '../drift/sample';
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
  const pair = { reference: r, current: c };
  let edges = [0, 1];
  let referenceCounts = [0];
  let currentCounts = [0];
  if (r.length + c.length > 0) {
    if (bins === 'auto') ({ edges, reference: referenceCounts, current: currentCounts } = chartBins(pair));
    else {
      edges = binEdges(pair, bins);
      referenceCounts = countInEdges(r, edges);
      currentCounts = countInEdges(c, edges);
    }
  }
  return numericDetailFromCounts(
    name,
    bins,
    { edges, referenceCounts, currentCounts, nReference: r.length, nCurrent: c.length },
    cached ?? { ecdf: { reference: ecdfPoints(r), current: ecdfPoints(c) }, ks: ksLocation(r, c) },
  );
}

/**
 * The numeric detail from its bins' counts (of `nReference` and `nCurrent` values), the ECDFs and the KS
 * location: shares, per-bin PSI and Jensen–Shannon terms and their totals. Also the detail of two
 * profiles (shared/profile/profile-detail.ts).
 */
export function numericDetailFromCounts(
  name: string,
  bins: BinChoice,
  counts: {
    edges: number[];
    referenceCounts: number[];
    currentCounts: number[];
    nReference: number;
    nCurrent: number;
  },
  curves: Pick<NumericColumnDetail, 'ecdf' | 'ks'>,
): NumericColumnDetail {
  const { edges, referenceCounts, currentCounts, nReference, nCurrent } = counts;
  const reference = referenceCounts.map((n) => (nReference > 0 ? n / nReference : 0));
  const current = currentCounts.map((n) => (nCurrent > 0 ? n / nCurrent : 0));
  const both = nReference > 0 && nCurrent > 0;
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
    ecdf: curves.ecdf,
    ks: curves.ks,
  };
}

/** Every category of both sets with shares and delta, largest |delta| first, new/vanished flagged. */
export function categoricalColumnDetail(name: string, ref: Column, cur: Column): CategoricalColumnDetail {
  return categoricalDetailFromPair(name, categoricalPair(categoricalSide(ref), categoricalSide(cur)));
}

/** The categorical detail from both sets' counts per category (a table's columns, or two profiles'). */
export function categoricalDetailFromPair(name: string, pair: CategoricalPair): CategoricalColumnDetail {
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
