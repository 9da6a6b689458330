/**
 * Where champion and challenger disagree: per feature, bins of the current rows (numerical: cut at the
 * deciles, NumPy's linear quantile, duplicate cuts merged; categorical: one bin per category, the 20 most
 * frequent, the rest as "other"), the mean disagreement per bin, and the bin holding the most. Bins with
 * fewer than max(20, 1 % of the rows) rows are shown but not ranked.
 */
import { quantileSorted } from '../stats/quantile-sorted';
import type { Column } from '../table/columnar';
import { inferColumnType } from '../table/infer-type';
import { rowLabels, rowNumbers } from './labels';
import type { DisagreementBin, DisagreementFeature } from './shadow-types';

const DECILES = 10;
const TOP_CATEGORIES = 20;
const FEATURES_SHOWN = 10;
const ROWS_SHOWN = 20;

const fmt = (x: number) => String(Number(x.toPrecision(4)));

/** Bin index per row (−1 = missing) and the labels of the bins. */
function binsOf(
  column: Column,
  rows: number[],
): { kind: 'numerical' | 'categorical'; labels: string[]; assign: Int32Array } | null {
  const type = inferColumnType(column);
  const assign = new Int32Array(rows.length).fill(-1);
  if (type === 'numerical') {
    const x = rowNumbers(column);
    const sorted = Float64Array.from(rows.map((i) => x[i]).filter((v) => !Number.isNaN(v))).sort();
    if (sorted.length === 0) return null;
    const cuts: number[] = [];
    for (let j = 1; j < DECILES; j++) {
      const q = quantileSorted(sorted, j / DECILES);
      if (q > sorted[0] && (cuts.length === 0 || q > cuts[cuts.length - 1])) cuts.push(q);
    }
    const labels =
      cuts.length === 0
        ? ['all']
        : [
            `< ${fmt(cuts[0])}`,
            ...cuts.slice(1).map((c, k) => `[${fmt(cuts[k])}, ${fmt(c)})`),
            `≥ ${fmt(cuts[cuts.length - 1])}`,
          ];
    rows.forEach((i, r) => {
      const v = x[i];
      if (Number.isNaN(v)) return;
      let b = 0;
      while (b < cuts.length && cuts[b] <= v) b++;
      assign[r] = b;
    });
    return { kind: 'numerical', labels, assign };
  }
  if (type !== 'categorical') return null;
  const labels = rowLabels(column);
  const counts = new Map<string, number>();
  for (const i of rows) {
    const l = labels[i];
    if (l !== null) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const top = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP_CATEGORIES);
  const index = new Map(top.map(([l], k) => [l, k]));
  const binLabels = top.map(([l]) => l);
  const other = counts.size > TOP_CATEGORIES;
  if (other) binLabels.push('other');
  rows.forEach((i, r) => {
    const l = labels[i];
    if (l === null) return;
    assign[r] = index.get(l) ?? (other ? TOP_CATEGORIES : -1);
  });
  return { kind: 'categorical', labels: binLabels, assign };
}

/**
 * The features whose bins hold the most disagreement, most first (at most 10). `disagree[i]` is row i's
 * disagreement (0/1 or |Δ|), `gap[i]` orders the rows shown; `rows` are the rows with both outputs.
 */
export function disagreementFeatures(
  columns: Column[],
  rows: number[],
  disagree: Float64Array,
  gap: Float64Array,
): DisagreementFeature[] {
  if (rows.length === 0) return [];
  const overall = rows.reduce((s, i) => s + disagree[i], 0) / rows.length;
  if (!(overall > 0)) return [];
  const minRows = Math.max(20, Math.ceil(rows.length * 0.01));
  const out: DisagreementFeature[] = [];
  for (const column of columns) {
    const binning = binsOf(column, rows);
    if (binning === null) continue;
    const sums = new Float64Array(binning.labels.length);
    const counts = new Float64Array(binning.labels.length);
    rows.forEach((i, r) => {
      const b = binning.assign[r];
      if (b < 0) return;
      sums[b] += disagree[i];
      counts[b]++;
    });
    const bins: DisagreementBin[] = binning.labels.map((label, b) => ({
      label,
      rows: counts[b],
      disagreement: counts[b] === 0 ? 0 : sums[b] / counts[b],
    }));
    let best = -1;
    bins.forEach((bin, b) => {
      if (bin.rows >= minRows && (best < 0 || bin.disagreement > bins[best].disagreement)) best = b;
    });
    if (best < 0 || bins.length < 2) continue;
    const behind = rows
      .filter((_, r) => binning.assign[r] === best)
      .filter((i) => disagree[i] > 0)
      .sort((a, b) => gap[b] - gap[a] || a - b)
      .slice(0, ROWS_SHOWN);
    out.push({
      feature: column.name,
      kind: binning.kind,
      top: bins[best],
      lift: bins[best].disagreement / overall,
      bins,
      rows: behind,
    });
  }
  return out.sort((a, b) => b.lift - a.lift || (a.feature < b.feature ? -1 : 1)).slice(0, FEATURES_SHOWN);
}
