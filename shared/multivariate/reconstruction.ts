/**
 * PCA reconstruction error (NannyML's `DataReconstructionDriftCalculator`, docs/multivariate.md): fitted on
 * reference rows, then measured on any rows of either set (a whole set, or a chunk of the timeline).
 *
 * Fit, on the reference rows R (n rows, p columns), exactly as NannyML's pipeline:
 *   1. impute: a numerical column's missing cells get its mean over R (SimpleImputer "mean"); a
 *      categorical column's get its most frequent category (SimpleImputer "most_frequent", ties → the
 *      smallest label);
 *   2. encode categories by their share in the imputed R (category_encoders CountEncoder, normalize=True;
 *      a category absent from R encodes as 0);
 *   3. standardise: z_j = (e_j − μ_j)/σ_j with μ, σ the mean and population sd over R (StandardScaler;
 *      σ = 0 → 1);
 *   4. PCA on z: the covariance C = Σ (z − z̄)(z − z̄)ᵀ/(n − 1), its eigenpairs λ_1 ≥ … ≥ λ_p with unit
 *      vectors w_k; keep the k smallest such that λ_1 + … + λ_k > share · Σλ (scikit-learn's PCA with a
 *      float n_components: k = #{cumulative ratio ≤ share} + 1).
 * A row's reconstruction error is ‖(I − W Wᵀ)(z − z̄)‖₂, W = [w_1 … w_k] (PCA inverse_transform of
 * transform, then the Euclidean norm of the difference); a set's is the mean over its rows.
 * Source: https://github.com/NannyML/nannyml/blob/main/nannyml/drift/multivariate/data_reconstruction/calculator.py
 */
import { sortedEigen } from '../stats/symmetric-eigen';
import type { FeatureColumn } from './feature-columns';

export interface ReconstructionModel {
  /** The columns used, in order (columns with no value in the fitted rows are left out). */
  columns: FeatureColumn[];
  /** Numerical columns: the reference mean that fills missing cells (NaN for categorical columns). */
  fill: Float64Array;
  /** Categorical columns: share of each code in the fitted rows (null for numerical columns). */
  frequencies: (Float64Array | null)[];
  center: Float64Array;
  scale: Float64Array;
  pcaMean: Float64Array;
  /** k × p, row-major: the kept principal axes. */
  components: Float64Array;
  /** (p − k) × p, row-major: the other axes (the residual ‖(I − WWᵀ)d‖² = Σ (u·d)² over them). */
  discarded: Float64Array;
  /** Number of kept components (k) and the share of variance they explain. */
  k: number;
  varianceKept: number;
  /** Columns dropped because the fitted rows had no value in them. */
  dropped: string[];
}

/** Shares of each code among `codes` (gathered rows; −1 = missing), the missing cells counted as the mode. */
function categoricalShares(codes: Int32Array, labels: string[]): Float64Array {
  const counts = new Float64Array(labels.length);
  let missing = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0) missing++;
    else counts[c]++;
  }
  let mode = -1;
  for (let c = 0; c < counts.length; c++) {
    if (counts[c] === 0) continue;
    if (
      mode < 0 ||
      counts[c] > counts[mode] ||
      (counts[c] === counts[mode] && lessLabel(labels[c], labels[mode]))
    )
      mode = c;
  }
  if (mode >= 0) counts[mode] += missing;
  for (let c = 0; c < counts.length; c++) counts[c] /= codes.length;
  // The missing code (−1) encodes as the mode's share: kept at index `labels.length`.
  const shares = new Float64Array(labels.length + 1);
  shares.set(counts);
  shares[labels.length] = mode >= 0 ? counts[mode] : Number.NaN;
  return shares;
}

/** Python's order of the imputer's values: numbers numerically, else strings by code unit. */
function lessLabel(a: string, b: string): boolean {
  const x = Number(a);
  const y = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x < y;
  return a < b;
}

/**
 * Writes the encoded (imputed, frequency-coded, not yet standardised) rows `rows[start..end)` of one set
 * into `out`, column-major: cell (i − start, j) at offset j·`columnStride` + (i − start) (`columnStride` at
 * least end − start), column by column: one typed loop per column, no call per cell.
 */
export function encodeRows(
  model: Pick<ReconstructionModel, 'columns' | 'fill' | 'frequencies'>,
  side: 'reference' | 'current',
  rows: Int32Array,
  start: number,
  end: number,
  out: Float64Array,
  columnStride = end - start,
): void {
  const { columns, fill, frequencies } = model;
  const p = columns.length;
  for (let j = 0; j < p; j++) {
    const col = columns[j];
    const o = j * columnStride - start;
    if (col.kind === 'numerical') {
      const values = col[side];
      const m = fill[j];
      for (let i = start; i < end; i++) {
        const x = values[rows[i]];
        out[o + i] = Number.isNaN(x) ? m : x;
      }
    } else {
      const codes = col[side];
      const f = frequencies[j]!;
      const missing = f[f.length - 1];
      for (let i = start; i < end; i++) {
        const c = codes[rows[i]];
        out[o + i] = c < 0 ? missing : f[c];
      }
    }
  }
}

/**
 * The reference cells of `rows`, one array per column of `columns` (values of a numerical column, codes of a
 * categorical one), read from the table once: fits on subsets of the same rows then read them in order
 * instead of scattered over the whole column (selectCells).
 */
export function gatherCells(
  columns: readonly FeatureColumn[],
  rows: Int32Array,
): (Float64Array | Int32Array)[] {
  return selectCells(
    columns.map((c) => c.reference),
    rows,
  );
}

/** The cells at `positions` of each array (a table's columns, or cells gathered before), in that order. */
export function selectCells(
  cells: readonly (Float64Array | Int32Array)[],
  positions: Int32Array,
): (Float64Array | Int32Array)[] {
  return cells.map((c) => {
    const out =
      c instanceof Float64Array ? new Float64Array(positions.length) : new Int32Array(positions.length);
    for (let i = 0; i < positions.length; i++) out[i] = c[positions[i]];
    return out;
  });
}

/**
 * Fits the pipeline on the reference rows `rows` of `columns`; `cells`, when given, are those rows' cells
 * already gathered (gatherCells(allColumns, rows)), the same numbers without reading the table.
 *
 * @throws {RangeError} when `rows` is empty or `varianceShare` is not in (0, 1).
 */
export function fitReconstruction(
  allColumns: readonly FeatureColumn[],
  rows: Int32Array,
  varianceShare = 0.65,
  cells?: readonly (Float64Array | Int32Array)[],
): ReconstructionModel {
  if (rows.length === 0) throw new RangeError('fitReconstruction: no reference rows');
  if (!(varianceShare > 0 && varianceShare < 1))
    throw new RangeError(`fitReconstruction: varianceShare must be in (0, 1), got ${varianceShare}`);
  const n = rows.length;
  const columns: FeatureColumn[] = [];
  const dropped: string[] = [];
  const fills: number[] = [];
  const frequencies: (Float64Array | null)[] = [];
  // Encoded rows, column-major (column j at j·n: every pass below reads a column contiguously, summing
  // over the rows in order). Each column's cells are gathered from the table once (the rows are scattered
  // over a large column: the gather is the cost), then imputed in place.
  const source = cells ?? gatherCells(allColumns, rows);
  let e = new Float64Array(n * allColumns.length);
  for (let ci = 0; ci < allColumns.length; ci++) {
    const col = allColumns[ci];
    const o = columns.length * n;
    if (col.kind === 'numerical') {
      e.set(source[ci] as Float64Array, o);
      let sum = 0;
      let count = 0;
      for (let i = 0; i < n; i++) {
        const x = e[o + i];
        if (!Number.isNaN(x)) {
          sum += x;
          count++;
        }
      }
      if (count === 0) {
        dropped.push(col.name);
        continue;
      }
      const m = sum / count;
      if (count < n) for (let i = 0; i < n; i++) if (Number.isNaN(e[o + i])) e[o + i] = m;
      columns.push(col);
      fills.push(m);
      frequencies.push(null);
    } else {
      const codes = source[ci] as Int32Array;
      const shares = categoricalShares(codes, col.labels);
      const missing = shares[shares.length - 1];
      if (Number.isNaN(missing)) {
        dropped.push(col.name);
        continue;
      }
      for (let i = 0; i < n; i++) {
        const c = codes[i];
        e[o + i] = c < 0 ? missing : shares[c];
      }
      columns.push(col);
      fills.push(Number.NaN);
      frequencies.push(shares);
    }
  }
  const p = columns.length;
  e = e.subarray(0, n * p);
  const fill = Float64Array.from(fills);
  const base = { columns, fill, frequencies };
  // Then the scaler's mean and population sd.
  const center = new Float64Array(p);
  const scale = new Float64Array(p);
  const pcaMean = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const o = j * n;
    let s = 0;
    for (let i = 0; i < n; i++) s += e[o + i];
    const m = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const t = e[o + i] - m;
      ss += t * t;
    }
    const sd = Math.sqrt(ss / n);
    const sc = sd === 0 ? 1 : sd;
    center[j] = m;
    scale[j] = sc;
    // Standardised, then the PCA mean of the standardised column; e becomes z − z̄.
    let zs = 0;
    for (let i = 0; i < n; i++) {
      const z = (e[o + i] - m) / sc;
      e[o + i] = z;
      zs += z;
    }
    const zm = zs / n;
    pcaMean[j] = zm;
    for (let i = 0; i < n; i++) e[o + i] -= zm;
  }
  const sums = new Float64Array(p * p); // upper triangle of Σ (z − z̄)(z − z̄)ᵀ, row-major
  for (let a = 0; a < p; a++) {
    const oa = a * n;
    for (let b = a; b < p; b++) {
      const ob = b * n;
      let s = 0;
      for (let i = 0; i < n; i++) s += e[oa + i] * e[ob + i];
      sums[a * p + b] = s;
    }
  }
  const denominator = Math.max(n - 1, 1);
  const cov = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let a = 0; a < p; a++)
    for (let b = a; b < p; b++) {
      cov[a][b] = sums[a * p + b] / denominator;
      cov[b][a] = cov[a][b];
    }
  const { values, vectors } = sortedEigen(cov);
  const total = values.reduce((s, v) => s + Math.max(v, 0), 0);
  let k = 0;
  let cumulative = 0;
  if (total > 0) {
    while (k < p && cumulative / total <= varianceShare) cumulative += Math.max(values[k++], 0);
  }
  k = Math.max(1, Math.min(k, p));
  const components = new Float64Array(k * p);
  for (let c = 0; c < k; c++) components.set(vectors[c], c * p);
  const discarded = new Float64Array((p - k) * p);
  for (let c = k; c < p; c++) discarded.set(vectors[c], (c - k) * p);
  return {
    ...base,
    center,
    scale,
    pcaMean,
    components,
    discarded,
    k,
    varianceKept: total > 0 ? cumulative / total : 1,
    dropped,
  };
}

/** Rows encoded at a time by reconstructionError. */
const BLOCK_ROWS = 256;

export interface ErrorSummary {
  /** Mean reconstruction error over the rows (NaN for none). */
  mean: number;
  /** Sample standard deviation of the rows' errors (ddof 1; NaN below two rows). */
  sd: number;
  rows: number;
}

/**
 * The reconstruction errors of rows `rows` of one set, summarised (mean and sd), under `model`. The squared
 * error is computed over whichever basis is smaller: ‖d‖² − ‖Wᵀd‖² would cancel, so with k ≤ p − k it is
 * ‖d − W(Wᵀd)‖², else Σ (u·d)² over the p − k discarded eigenvectors u (the same number: the eigenvectors
 * are orthonormal).
 */
export function reconstructionError(
  model: ReconstructionModel,
  side: 'reference' | 'current',
  rows: Int32Array,
): ErrorSummary {
  const { center, scale, pcaMean, components, discarded, k } = model;
  const p = model.columns.length;
  // Over whichever basis is smaller: q vectors u (rows of `basis`), each row's r² = Σ (u·d)² (discarded
  // axes) or ‖d − W(Wᵀd)‖² (kept axes).
  const useDiscarded = p - k < k;
  // Rows are encoded in blocks of BLOCK_ROWS, column-major (column j at j·BLOCK_ROWS), then standardised in
  // place (d = (e − center)/scale − pcaMean), and each loop below runs over the block's rows: a row's sums
  // are taken in the same order as one row at a time would.
  const block = new Float64Array(BLOCK_ROWS * p);
  const acc = new Float64Array(BLOCK_ROWS);
  const a0 = acc;
  const a1 = new Float64Array(BLOCK_ROWS);
  const a2 = new Float64Array(BLOCK_ROWS);
  const a3 = new Float64Array(BLOCK_ROWS);
  const r2 = new Float64Array(BLOCK_ROWS);
  const proj = useDiscarded ? new Float64Array(0) : new Float64Array(BLOCK_ROWS * k);
  let mean = 0;
  let m2 = 0;
  for (let start = 0; start < rows.length; start += BLOCK_ROWS) {
    const end = Math.min(start + BLOCK_ROWS, rows.length);
    const b = end - start;
    encodeRows(model, side, rows, start, end, block, BLOCK_ROWS);
    for (let j = 0; j < p; j++) {
      const o = j * BLOCK_ROWS;
      const c = center[j];
      const s = scale[j];
      const m = pcaMean[j];
      for (let r = 0; r < b; r++) block[o + r] = (block[o + r] - c) / s - m;
    }
    r2.fill(0, 0, b);
    if (useDiscarded) {
      // Four axes at a time: each cell of the block is read once per four dot products.
      for (let c = 0; c < p - k; c += 4) {
        const used = Math.min(4, p - k - c);
        a0.fill(0, 0, b);
        a1.fill(0, 0, b);
        a2.fill(0, 0, b);
        a3.fill(0, 0, b);
        for (let j = 0; j < p; j++) {
          const u0 = discarded[c * p + j];
          const u1 = used > 1 ? discarded[(c + 1) * p + j] : 0;
          const u2 = used > 2 ? discarded[(c + 2) * p + j] : 0;
          const u3 = used > 3 ? discarded[(c + 3) * p + j] : 0;
          const o = j * BLOCK_ROWS;
          for (let r = 0; r < b; r++) {
            const x = block[o + r];
            a0[r] += u0 * x;
            a1[r] += u1 * x;
            a2[r] += u2 * x;
            a3[r] += u3 * x;
          }
        }
        for (let r = 0; r < b; r++) r2[r] += a0[r] * a0[r];
        if (used > 1) for (let r = 0; r < b; r++) r2[r] += a1[r] * a1[r];
        if (used > 2) for (let r = 0; r < b; r++) r2[r] += a2[r] * a2[r];
        if (used > 3) for (let r = 0; r < b; r++) r2[r] += a3[r] * a3[r];
      }
    } else {
      for (let c = 0; c < k; c++) {
        const o = c * BLOCK_ROWS;
        proj.fill(0, o, o + b);
        for (let j = 0; j < p; j++) {
          const u = components[c * p + j];
          const oj = j * BLOCK_ROWS;
          for (let r = 0; r < b; r++) proj[o + r] += u * block[oj + r];
        }
      }
      for (let j = 0; j < p; j++) {
        acc.fill(0, 0, b);
        for (let c = 0; c < k; c++) {
          const u = components[c * p + j];
          const o = c * BLOCK_ROWS;
          for (let r = 0; r < b; r++) acc[r] += u * proj[o + r];
        }
        const oj = j * BLOCK_ROWS;
        for (let r = 0; r < b; r++) {
          const d = block[oj + r] - acc[r];
          r2[r] += d * d;
        }
      }
    }
    // Welford's running mean and sum of squared deviations, in row order.
    for (let r = 0; r < b; r++) {
      const err = Math.sqrt(r2[r]);
      const delta = err - mean;
      mean += delta / (start + r + 1);
      m2 += delta * (err - mean);
    }
  }
  const n = rows.length;
  return { mean: n > 0 ? mean : Number.NaN, sd: n > 1 ? Math.sqrt(m2 / (n - 1)) : Number.NaN, rows: n };
}
