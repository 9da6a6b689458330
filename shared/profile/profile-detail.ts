/**
 * The feature detail of a column from two profiles (no rows): for a numerical column the share
 * histogram on the chosen bins, filled from the exact value counts or from the sketches' buckets (each
 * value at its bucket's representative, within relative α: `approximate`), both CDFs and the KS
 * location from the same points; for a categorical column every category's counts, which a profile
 * keeps exactly. The rows behind a bar need the data file. Pure: no Node import.
 */
import { linspaceEdges, STURGES_MIN_DISTINCT, valueEdges } from '../drift/bins';
import { categoricalPair } from '../drift/column-pair';
import { categoricalDetailFromPair, ECDF_POINTS, numericDetailFromCounts } from '../explore/column-detail';
import type { BinChoice, ColumnDetail, EcdfPoints, NumericColumnDetail } from '../explore/types';
import type { ColumnType } from '../types';
import { categoricalSideOf } from './analyze-profiles';
import { countPoints, forEachCdf, type Points, points, sturgesEdges } from './profile-points';
import type { ProfileColumn } from './types';

/** The CDF of weighted points at ≤ `limit` of its steps (evenly spaced over the points, the last kept). */
function cdfPoints(p: Points, limit = ECDF_POINTS): EcdfPoints {
  const x: number[] = [];
  const y: number[] = [];
  const step = Math.max(1, (p.x.length - 1) / Math.max(1, limit - 1));
  let seen = 0;
  let next = 0;
  for (let i = 0; i < p.x.length; i++) {
    seen += p.w[i];
    if (i >= Math.round(next) || i === p.x.length - 1) {
      x.push(p.x[i]);
      y.push(seen / p.n);
      next += step;
    }
  }
  return { x, y };
}

/** Where the two CDFs are farthest apart (the first such x), as ksLocation reports it. */
function ksOf(r: Points, c: Points): NumericColumnDetail['ks'] {
  if (r.n === 0 || c.n === 0) return null;
  let at = { d: -1, x: Number.NaN, reference: 0, current: 0 };
  forEachCdf(r, c, (x, fr, fc) => {
    if (Math.abs(fr - fc) > at.d + 1e-12) at = { d: Math.abs(fr - fc), x, reference: fr, current: fc };
  });
  return at;
}

/** Edges of the chosen bins over [lo, hi] of both sides: 'auto' as the analysis bins (one per value, or Sturges). */
function edgesOf(r: Points, c: Points, bins: BinChoice): number[] {
  const lo = Math.min(r.column.min ?? c.column.min ?? 0, c.column.min ?? r.column.min ?? 0);
  const hi = Math.max(r.column.max ?? c.column.max ?? 0, c.column.max ?? r.column.max ?? 0);
  if (lo === hi) return [lo - 0.5, hi + 0.5];
  if (bins !== 'auto') return linspaceEdges(lo, hi, bins);
  if (r.exact && c.exact && r.x.length <= STURGES_MIN_DISTINCT)
    return valueEdges(Float64Array.from(new Set([...r.x, ...c.x])).sort());
  return sturgesEdges(lo, hi, r.n + c.n, r.column.integers && c.column.integers);
}

/**
 * The detail of one column of two profiles, `type` as the analysis typed it.
 *
 * @throws {RangeError} when the column cannot be shown from the profiles (text in one, numbers in the other).
 */
export function profileColumnDetail(
  ref: ProfileColumn,
  cur: ProfileColumn,
  type: ColumnType | null,
  bins: BinChoice,
): ColumnDetail {
  if (type === 'numerical' && ref.kind === 'numeric' && cur.kind === 'numeric') {
    const r = points(ref);
    const c = points(cur);
    const edges = edgesOf(r, c, bins);
    const detail = numericDetailFromCounts(
      ref.name,
      bins,
      {
        edges,
        referenceCounts: countPoints(r, edges),
        currentCounts: countPoints(c, edges),
        nReference: r.n,
        nCurrent: c.n,
      },
      { ecdf: { reference: cdfPoints(r), current: cdfPoints(c) }, ks: ksOf(r, c) },
    );
    return r.exact && c.exact ? detail : { ...detail, approximate: true };
  }
  const r = categoricalSideOf(ref);
  const c = categoricalSideOf(cur);
  if (r === null || c === null)
    throw new RangeError(`"${ref.name}" is numbers in one profile and text in the other`);
  return categoricalDetailFromPair(ref.name, categoricalPair(r, c));
}
