/**
 * Drift from the PCA reconstruction error (docs/multivariate.md): the reference cut into chunks, each
 * chunk's mean error measured by a pipeline fitted on the rest of the reference (leave-one-chunk-out, so a
 * reference chunk is scored out of sample like a current chunk), and bounds mean ± K·sd of those errors
 * (shared/timeline/reference-bound.ts, both directions as NannyML: an error that falls is also a change).
 *
 * For a timeline chunk the bounds apply as they are. For the whole current set (n_cur rows) against the
 * whole reference (n_ref rows, chunks of about n_chunk rows) the sd is scaled to that of a difference of two
 * means, sd · sqrt(n_chunk/n_cur + n_chunk/n_ref) (rows taken as independent): without it a large current set
 * could never alert. Measured false-alarm rate on identical generated pairs: docs/multivariate.md.
 */

import { subsampleSorted } from '../stats/sample-without-replacement';
import { SeededRng } from '../stats/seeded-rng';
import { beyondBound, referenceBound } from '../timeline/reference-bound';
import type { FeatureColumn } from './feature-columns';
import {
  fitReconstruction,
  gatherCells,
  type ReconstructionModel,
  reconstructionError,
  selectCells,
} from './reconstruction';

export interface ReconstructionSettings {
  /** Share of the variance the kept components explain (NannyML's n_components = 0.65). */
  varianceShare: number;
  /** Chunks the reference is cut into for the whole comparison (consecutive rows). */
  referenceChunks: number;
  /** K of the bounds mean ± K·sd. */
  k: number;
  /** At most this many reference rows (a seeded uniform sample) fit each pipeline. */
  fitRows: number;
  /**
   * At most this many rows of a set are scored for a mean error (a seeded uniform sample): the current
   * set's or chunk's rows, and the reference chunks' together (each chunk at most ⌈errorRows/chunks⌉), as
   * the domain classifier's `maxRows`. The bounds count the rows scored (boundsForRows).
   */
  errorRows: number;
  seed: number;
}

export const DEFAULT_RECONSTRUCTION: ReconstructionSettings = {
  varianceShare: 0.65,
  referenceChunks: 10,
  k: 3,
  fitRows: 20_000,
  errorRows: 100_000,
  seed: 20261204,
};

export interface ReconstructionBounds {
  /** Mean and sd (ddof 1) of the reference chunks' leave-one-out errors. */
  chunks: number;
  mean: number | null;
  sd: number | null;
  lower: number | null;
  upper: number | null;
}

export interface ReconstructionReference {
  /** The pipeline fitted on the (sampled) whole reference: it scores current rows. */
  model: ReconstructionModel;
  /** Each reference chunk's mean error under the pipeline fitted without it. */
  chunkErrors: number[];
  /** Rows scored in the reference chunks, in all (each chunk at most ⌈errorRows/chunks⌉). */
  scoredRows: number;
  bounds: ReconstructionBounds;
}

/** The positions in `rows` of the rows not in `chunk` (both ascending). */
function positionsWithout(rows: Int32Array, chunk: Int32Array): Int32Array {
  const out = new Int32Array(rows.length);
  let j = 0;
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    while (j < chunk.length && chunk[j] < rows[i]) j++;
    if (j < chunk.length && chunk[j] === rows[i]) continue;
    out[k++] = i;
  }
  return out.subarray(0, k);
}

/**
 * Fits the pipeline on the reference (`referenceRows`, ascending) and scores each of `chunks` (ascending row
 * lists, disjoint, inside `referenceRows`) leave-one-out. Fewer than two chunks give no bounds.
 */
export function reconstructionReference(
  columns: readonly FeatureColumn[],
  referenceRows: Int32Array,
  chunks: readonly Int32Array[],
  settings: ReconstructionSettings = DEFAULT_RECONSTRUCTION,
): ReconstructionReference {
  const rng = new SeededRng(settings.seed);
  const model = fitReconstruction(
    columns,
    subsampleSorted(rng, referenceRows, settings.fitRows),
    settings.varianceShare,
  );
  const chunkErrors: number[] = [];
  let scoredRows = 0;
  if (chunks.length >= 2) {
    // The leave-one-out pipelines share one seeded sample of about fitRows·K/(K − 1) reference rows, read
    // from the table once; each is fitted on the sample without its chunk's rows (about fitRows of them, a
    // uniform sample of the rest; all of the rest when the reference is that small).
    const sample = subsampleSorted(
      rng,
      referenceRows,
      Math.ceil((settings.fitRows * chunks.length) / (chunks.length - 1)),
    );
    const cells = gatherCells(columns, sample);
    // The scored rows are drawn from their own generator, so the fits' samples do not depend on errorRows.
    const scoring = new SeededRng(settings.seed + 1);
    const perChunk = Math.max(1, Math.ceil(settings.errorRows / chunks.length));
    for (const chunk of chunks) {
      const rest = positionsWithout(sample, chunk);
      if (rest.length === 0 || chunk.length === 0) continue;
      const loo = fitReconstruction(
        columns,
        Int32Array.from(rest, (p) => sample[p]),
        settings.varianceShare,
        selectCells(cells, rest),
      );
      const scored = subsampleSorted(scoring, chunk, perChunk);
      chunkErrors.push(reconstructionError(loo, 'reference', scored).mean);
      scoredRows += scored.length;
    }
  }
  const rise = referenceBound(chunkErrors, settings.k, 'rise');
  const fall = referenceBound(chunkErrors, settings.k, 'fall');
  return {
    model,
    chunkErrors,
    scoredRows,
    bounds: { chunks: rise.chunks, mean: rise.mean, sd: rise.sd, lower: fall.lower, upper: rise.upper },
  };
}

/** Whether a mean error alerts against the bounds (strictly outside [lower, upper]; null without bounds). */
export function reconstructionAlert(error: number, bounds: ReconstructionBounds): boolean | null {
  const high = beyondBound(error, { lower: null, upper: bounds.upper });
  const low = beyondBound(error, { lower: bounds.lower, upper: null });
  if (high === null || low === null) return null;
  return high || low;
}

/**
 * The bounds for the mean over `rows` current rows against the mean of `referenceRows` reference rows, from
 * chunks of `chunkRows` rows: sd × sqrt(chunkRows/rows + chunkRows/referenceRows).
 */
export function boundsForRows(
  bounds: ReconstructionBounds,
  chunkRows: number,
  rows: number,
  referenceRows: number,
  k: number,
): ReconstructionBounds {
  if (bounds.mean === null || bounds.sd === null || rows <= 0) return bounds;
  const sd = bounds.sd * Math.sqrt(chunkRows / rows + chunkRows / referenceRows);
  return { ...bounds, sd, lower: bounds.mean - k * sd, upper: bounds.mean + k * sd };
}

/** Consecutive chunks of 0..n−1: `count` of them, sizes differing by at most one. */
export function consecutiveChunks(n: number, count: number): Int32Array[] {
  const m = Math.max(1, Math.min(count, n));
  const out: Int32Array[] = [];
  for (let c = 0; c < m; c++) {
    const a = Math.floor((c * n) / m);
    const b = Math.floor(((c + 1) * n) / m);
    const chunk = new Int32Array(b - a);
    for (let i = 0; i < chunk.length; i++) chunk[i] = a + i;
    out.push(chunk);
  }
  return out;
}
