/**
 * The domain classifier's design matrix (docs/multivariate.md): one row per sampled reference or current row,
 * fixed-stride sparse (shared/multivariate/logistic-regression.ts), encodings fitted on the sampled reference
 * rows only:
 *   numerical column: z = (x − mean)/sd (sd = 0 → 1), z² − 1 (centred, so it is not the intercept again),
 *     and a missing flag (when a sampled row of either set misses it); a missing cell has z = 0, z² − 1 = 0
 *     and flag 1;
 *   categorical column: one-hot over the K most frequent reference categories, "other" (any other category,
 *     also one never seen in the reference) and "missing", the most frequent category being the baseline
 *     (its entry stored with value 0: K levels that sum to one would repeat the intercept and leave the
 *     problem ill-conditioned);
 *   interactions: z_a·z_b for the M pairs of numerical columns whose correlation differs most between the
 *     two classes of the training rows (chosen per fold, from training rows only; slots `pairSlot + t`).
 * The log-odds of one Gaussian against another is quadratic in x, so linear, squared and product terms are
 * the family that separates a change of mean, of scale and of correlation.
 */
import type { FeatureColumn } from './feature-columns';
import type { SparseRows } from './logistic-regression';

export interface DesignColumn {
  name: string;
  /** Positions (0..stride−1) of this column's entries in a row. */
  positions: number[];
  /** Numerical columns: the position of z (for the interactions), else −1. */
  zPosition: number;
}

export interface Design extends SparseRows {
  /** Per sampled row: 1 for current, 0 for reference. */
  labels: Uint8Array;
  columns: DesignColumn[];
  /** First position of the interaction entries; `interactions` of them. */
  pairPosition: number;
  interactions: number;
  /** First feature index of the interactions. */
  pairFeature: number;
  /** Feature names, for importance and debugging ("x", "x²", "x missing", "c=a", "c other", ...). */
  featureNames: string[];
}

/** The pairs of numerical columns (indices into design.columns) whose correlation differs most between the classes of `trainRows`. */
export function choosePairs(design: Design, trainRows: Int32Array, count: number): [number, number][] {
  const numeric = design.columns.map((c, i) => [c, i] as const).filter(([c]) => c.zPosition >= 0);
  const q = numeric.length;
  if (q < 2 || count <= 0) return [];
  const { stride, value, labels } = design;
  // Per class: sums of z and of z_a·z_b over training rows, then the correlations.
  const sums = [new Float64Array(q), new Float64Array(q)];
  const products = [new Float64Array(q * q), new Float64Array(q * q)];
  const counts = [0, 0];
  const z = new Float64Array(q);
  const zPositions = Int32Array.from(numeric, ([c]) => c.zPosition);
  for (let r = 0; r < trainRows.length; r++) {
    const row = trainRows[r];
    const cls = labels[row];
    counts[cls]++;
    const o = row * stride;
    for (let a = 0; a < q; a++) z[a] = value[o + zPositions[a]];
    const s = sums[cls];
    const p = products[cls];
    for (let a = 0; a < q; a++) {
      s[a] += z[a];
      for (let b = a; b < q; b++) p[a * q + b] += z[a] * z[b];
    }
  }
  const corr = (cls: number, a: number, b: number): number => {
    const n = counts[cls];
    if (n < 2) return 0;
    const s = sums[cls];
    const p = products[cls];
    const cov = p[a * q + b] / n - (s[a] / n) * (s[b] / n);
    const va = p[a * q + a] / n - (s[a] / n) ** 2;
    const vb = p[b * q + b] / n - (s[b] / n) ** 2;
    return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
  };
  const scored: { a: number; b: number; gap: number }[] = [];
  for (let a = 0; a < q; a++)
    for (let b = a + 1; b < q; b++) scored.push({ a, b, gap: Math.abs(corr(1, a, b) - corr(0, a, b)) });
  scored.sort((x, y) => y.gap - x.gap || x.a - y.a || x.b - y.b);
  return scored.slice(0, count).map(({ a, b }) => [numeric[a][1], numeric[b][1]]);
}

/**
 * Fills the interaction entries of the rows `rows` (default every row) for `pairs` (z_a·z_b; 0 for an
 * unused slot). Other rows keep what they held: a fold fills only the rows it trains and scores on.
 */
export function setPairs(design: Design, pairs: readonly [number, number][], rows?: Int32Array): void {
  const { stride, index, value, pairPosition, pairFeature, interactions, columns, labels } = design;
  const za = new Int32Array(interactions).fill(-1);
  const zb = new Int32Array(interactions).fill(-1);
  for (let t = 0; t < interactions && t < pairs.length; t++) {
    za[t] = columns[pairs[t][0]].zPosition;
    zb[t] = columns[pairs[t][1]].zPosition;
  }
  const count = rows ? rows.length : labels.length;
  for (let r = 0; r < count; r++) {
    const o = (rows ? rows[r] : r) * stride;
    for (let t = 0; t < interactions; t++) {
      index[o + pairPosition + t] = pairFeature + t;
      value[o + pairPosition + t] = za[t] >= 0 ? value[o + za[t]] * value[o + zb[t]] : 0;
    }
  }
}

/** How one column is encoded (fitted on the sampled reference rows). */
type Encoder =
  | {
      kind: 'numerical';
      col: Extract<FeatureColumn, { kind: 'numerical' }>;
      /** Position of z in a row, feature index of z, the reference mean and sd, whether a flag is stored. */
      p: number;
      f: number;
      mean: number;
      sd: number;
      flagged: boolean;
    }
  | {
      kind: 'categorical';
      col: Extract<FeatureColumn, { kind: 'categorical' }>;
      p: number;
      /** Feature index per category code ("other" for codes outside the top K). */
      feature: Int32Array;
      missingFeature: number;
      baseline: number;
    };

/**
 * Writes one column's entries for rows[from..to) of one set into design rows first + from, …: a plain
 * function of typed arrays (one tight loop per column and block of rows, no call per cell).
 */
function encodeColumn(
  e: Encoder,
  side: 'reference' | 'current',
  rows: Int32Array,
  from: number,
  to: number,
  first: number,
  stride: number,
  index: Int32Array,
  value: Float64Array,
): void {
  if (e.kind === 'numerical') {
    const values = e.col[side];
    const { p, f, mean, sd, flagged } = e;
    for (let i = from; i < to; i++) {
      const o = (first + i) * stride + p;
      const x = values[rows[i]];
      const missing = Number.isNaN(x);
      const z = missing ? 0 : (x - mean) / sd;
      index[o] = f;
      value[o] = z;
      index[o + 1] = f + 1;
      value[o + 1] = missing ? 0 : z * z - 1;
      if (flagged) {
        index[o + 2] = f + 2;
        value[o + 2] = missing ? 1 : 0;
      }
    }
    return;
  }
  const codes = e.col[side];
  const { p, feature, missingFeature, baseline } = e;
  for (let i = from; i < to; i++) {
    const o = (first + i) * stride + p;
    const c = codes[rows[i]];
    index[o] = c < 0 ? missingFeature : feature[c];
    value[o] = c === baseline ? 0 : 1;
  }
}

/** Rows encoded at a time by buildDesign. */
const BLOCK_ROWS = 1024;

/**
 * The design for the sampled rows: `referenceRows` of the reference (label 0), then `currentRows` of the
 * current set (label 1). `topCategories` is K, `interactions` M.
 */
export function buildDesign(
  columns: readonly FeatureColumn[],
  referenceRows: Int32Array,
  currentRows: Int32Array,
  topCategories: number,
  interactions: number,
): Design {
  const nRef = referenceRows.length;
  const n = nRef + currentRows.length;
  const featureNames: string[] = [];
  const designColumns: DesignColumn[] = [];
  const encoders: Encoder[] = [];
  let position = 0;
  for (const col of columns) {
    if (col.kind === 'numerical') {
      let sum = 0;
      let count = 0;
      for (let i = 0; i < nRef; i++) {
        const x = col.reference[referenceRows[i]];
        if (!Number.isNaN(x)) {
          sum += x;
          count++;
        }
      }
      if (count === 0) continue;
      const mean = sum / count;
      let ss = 0;
      for (let i = 0; i < nRef; i++) {
        const x = col.reference[referenceRows[i]];
        if (!Number.isNaN(x)) ss += (x - mean) ** 2;
      }
      const sd = Math.sqrt(ss / count) || 1;
      // The missing flag only when a sampled row of either set misses this column.
      let flagged = count < nRef;
      for (let i = 0; !flagged && i < currentRows.length; i++)
        flagged = Number.isNaN(col.current[currentRows[i]]);
      const f = featureNames.length;
      featureNames.push(col.name, `${col.name}²`, ...(flagged ? [`${col.name} missing`] : []));
      const p = position;
      position += flagged ? 3 : 2;
      designColumns.push({
        name: col.name,
        positions: flagged ? [p, p + 1, p + 2] : [p, p + 1],
        zPosition: p,
      });
      encoders.push({ kind: 'numerical', col, p, f, mean, sd, flagged });
    } else {
      const counts = new Float64Array(col.labels.length);
      for (let i = 0; i < nRef; i++) {
        const c = col.reference[referenceRows[i]];
        if (c >= 0) counts[c]++;
      }
      const top = Array.from(counts.keys())
        .filter((c) => counts[c] > 0)
        .sort((a, b) => counts[b] - counts[a] || a - b)
        .slice(0, topCategories);
      const f = featureNames.length;
      const feature = new Int32Array(col.labels.length).fill(f + top.length);
      top.forEach((c, t) => {
        feature[c] = f + t;
      });
      featureNames.push(
        ...top.map((c) => `${col.name}=${col.labels[c]}`),
        `${col.name} other`,
        `${col.name} missing`,
      );
      const missingFeature = f + top.length + 1;
      const p = position;
      position += 1;
      designColumns.push({ name: col.name, positions: [p], zPosition: -1 });
      const baseline = top.length > 0 ? top[0] : -2;
      encoders.push({ kind: 'categorical', col, p, feature, missingFeature, baseline });
    }
  }
  const numericCount = designColumns.filter((c) => c.zPosition >= 0).length;
  const m = Math.min(interactions, (numericCount * (numericCount - 1)) / 2);
  const pairPosition = position;
  const pairFeature = featureNames.length;
  for (let t = 0; t < m; t++) featureNames.push(`interaction ${t + 1}`);
  const stride = position + m;
  const index = new Int32Array(n * stride);
  const value = new Float64Array(n * stride);
  const labels = new Uint8Array(n);
  labels.fill(1, nRef);
  for (const [side, rows, first] of [
    ['reference', referenceRows, 0],
    ['current', currentRows, nRef],
  ] as const) {
    for (let from = 0; from < rows.length; from += BLOCK_ROWS) {
      const to = Math.min(from + BLOCK_ROWS, rows.length);
      for (const e of encoders) encodeColumn(e, side, rows, from, to, first, stride, index, value);
    }
  }
  for (let i = 0; i < n; i++) {
    const o = i * stride;
    for (let t = 0; t < m; t++) index[o + pairPosition + t] = pairFeature + t;
  }
  return {
    features: featureNames.length,
    stride,
    index,
    value,
    labels,
    columns: designColumns,
    pairPosition,
    interactions: m,
    pairFeature,
    featureNames,
  };
}
