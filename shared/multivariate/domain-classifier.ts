/**
 * The domain classifier (docs/multivariate.md): can a model tell current rows from reference rows?
 *
 * Balanced classes: m = min(n_ref, n_cur, maxRows) rows of each set, a seeded uniform sample of the larger
 * (and of both above maxRows). Stratified K-fold cross-validation (seeded shuffle within each class, row j
 * of a class in fold j mod K). Per fold: interactions chosen on the training rows, L2 logistic regression
 * (logistic-regression.ts, Newton) fitted on at most `trainRows` of them (a seeded sample: a hundred or so coefficients
 * need far fewer rows than the AUC's precision does), warm-started from the previous fold (its weights and the
 * Cholesky factor of its last Hessian), and scored on
 * all the fold's held-out rows.
 *   AUC = mean of the K held-out AUCs; its standard error sqrt(Σ_k Var_k)/K with Var_k DeLong's variance of
 *   fold k's AUC (roc-auc.ts), the folds taken as independent (they share training rows, so the interval
 *   is approximate); the interval is AUC ± 1.96·se, clipped to [0, 1].
 *   Drift when AUC > threshold (default 0.55).
 * Permutation importance of a column: on each fold's held-out rows (at most `importanceRows` of them, a
 * seeded sample), that column's cells permuted (seeded;
 * every entry derived from it moves together: z, z², missing flag, one-hot, its interactions), the AUC
 * again; importance = mean over folds of (AUC − permuted AUC). Breiman (2001), Random forests, §10;
 * scikit-learn's `permutation_importance` with one repeat per fold.
 */

import { sampleIndices } from '../stats/sample-without-replacement';
import { SeededRng } from '../stats/seeded-rng';
import { buildDesign, choosePairs, type Design, setPairs } from './domain-design';
import type { FeatureColumn } from './feature-columns';
import { fitLogistic, type LogisticModel, linearScores } from './logistic-regression';
import { rocAuc } from './roc-auc';

export interface DomainClassifierSettings {
  /** Rows used per set at most (a seeded uniform sample above it). */
  maxRows: number;
  folds: number;
  /** Drift when the cross-validated AUC exceeds this. */
  threshold: number;
  /** K of the one-hot encoding (the K most frequent reference categories, then "other"). */
  topCategories: number;
  /** M: pairwise products of numerical columns. */
  interactions: number;
  /** scikit-learn's C (inverse L2 strength). */
  c: number;
  /** Rows each fold's model is fitted on at most (a seeded sample of its training rows). */
  trainRows: number;
  /** Held-out rows per fold the permutation importance is measured on at most (a seeded sample). */
  importanceRows: number;
  /** Rows per set at most for each timeline chunk's classifier (the timeline's `maxRows`; docs/multivariate.md). */
  chunkRows: number;
  seed: number;
}

export const DEFAULT_DOMAIN_CLASSIFIER: DomainClassifierSettings = {
  maxRows: 100_000,
  folds: 5,
  threshold: 0.55,
  topCategories: 10,
  interactions: 10,
  c: 1,
  trainRows: 10_000,
  importanceRows: 10_000,
  chunkRows: 1_000,
  seed: 20261204,
};

const Z_975 = 1.959963984540054;

export interface DomainClassifierResult {
  auc: number;
  aucLow: number;
  aucHigh: number;
  threshold: number;
  driftDetected: boolean;
  /** Rows used per set. */
  rows: number;
  folds: number;
  foldAuc: number[];
  /** Per column, most separating first. */
  importance: { feature: string; value: number }[];
  /** The interactions of the first fold, as column-name pairs. */
  interactions: [string, string][];
}

function shuffle(rng: SeededRng, a: Int32Array): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

function foldAuc(scores: Float64Array, rows: Int32Array, labels: Uint8Array) {
  let positives = 0;
  for (let r = 0; r < rows.length; r++) positives += labels[rows[r]];
  const pos = new Float64Array(positives);
  const neg = new Float64Array(rows.length - positives);
  let a = 0;
  let b = 0;
  for (let r = 0; r < rows.length; r++) {
    if (labels[rows[r]] === 1) pos[a++] = scores[r];
    else neg[b++] = scores[r];
  }
  return rocAuc(pos, neg);
}

/** Held-out scores with column `c`'s cells taken from row perm[r] instead of row r. */
function permutedScores(
  design: Design,
  model: LogisticModel,
  test: Int32Array,
  scores: Float64Array,
  perm: Int32Array,
  c: number,
  pairs: readonly [number, number][],
): Float64Array {
  const { stride, index, value, columns, pairPosition } = design;
  const w = model.weights;
  const positions = Int32Array.from(columns[c].positions);
  const zPosition = columns[c].zPosition;
  // The interactions that involve column c: their slots and the z position of the other column.
  const slots: number[] = [];
  const others: number[] = [];
  pairs.forEach(([a, b], t) => {
    if (a !== c && b !== c) return;
    slots.push(pairPosition + t);
    others.push(columns[a === c ? b : a].zPosition);
  });
  const out = new Float64Array(test.length);
  for (let r = 0; r < test.length; r++) {
    const o = test[r] * stride;
    const q = test[perm[r]] * stride;
    let eta = scores[r];
    for (let j = 0; j < positions.length; j++) {
      const p = positions[j];
      eta += w[index[q + p]] * value[q + p] - w[index[o + p]] * value[o + p];
    }
    for (let j = 0; j < slots.length; j++) {
      const slot = slots[j];
      const moved = value[q + zPosition] * value[o + others[j]];
      eta += w[index[o + slot]] * (moved - value[o + slot]);
    }
    out[r] = eta;
  }
  return out;
}

/**
 * Runs the classifier on `columns` (reference rows 0..nRef−1, current rows 0..nCur−1). Null when there are
 * fewer rows per set than twice the folds, or no usable column.
 */
export function domainClassifier(
  columns: readonly FeatureColumn[],
  nRef: number,
  nCur: number,
  settings: DomainClassifierSettings = DEFAULT_DOMAIN_CLASSIFIER,
): DomainClassifierResult | null {
  const m = Math.min(nRef, nCur, settings.maxRows);
  const k = settings.folds;
  if (m < 2 * k) return null;
  const rng = new SeededRng(settings.seed);
  const referenceRows = sampleIndices(rng, nRef, m);
  const currentRows = sampleIndices(rng, nCur, m);
  const design = buildDesign(
    columns,
    referenceRows,
    currentRows,
    settings.topCategories,
    settings.interactions,
  );
  if (design.columns.length === 0) return null;
  const fold = new Uint8Array(2 * m);
  for (const offset of [0, m]) {
    const order = Int32Array.from({ length: m }, (_, i) => offset + i);
    shuffle(rng, order);
    for (let j = 0; j < m; j++) fold[order[j]] = j % k;
  }
  const foldAucs: number[] = [];
  let varianceSum = 0;
  const importance = new Float64Array(design.columns.length);
  let start: { weights: Float64Array; intercept: number; factor: Float64Array } | undefined;
  let firstPairs: [number, number][] = [];
  for (let f = 0; f < k; f++) {
    let testCount = 0;
    for (let i = 0; i < 2 * m; i++) if (fold[i] === f) testCount++;
    const train = new Int32Array(2 * m - testCount);
    const testRows = new Int32Array(testCount);
    for (let i = 0, a = 0, b = 0; i < 2 * m; i++) {
      if (fold[i] === f) testRows[b++] = i;
      else train[a++] = i;
    }
    const picked = sampleIndices(rng, train.length, settings.trainRows);
    const trainRows = picked.length === train.length ? train : picked.map((i) => train[i]);
    const pairs = choosePairs(design, trainRows, design.interactions);
    if (f === 0) firstPairs = pairs;
    setPairs(design, pairs, trainRows);
    setPairs(design, pairs, testRows);
    if (start) start.weights.fill(0, design.pairFeature);
    const model = fitLogistic(design, design.labels, trainRows, {
      c: settings.c,
      tolerance: 1e-5,
      maxIterations: 30,
      start,
    });
    start = { weights: model.weights.slice(), intercept: model.intercept, factor: model.factor };
    const scores = linearScores(design, testRows, model.weights, model.intercept);
    const base = foldAuc(scores, testRows, design.labels);
    foldAucs.push(base.auc);
    varianceSum += base.variance;
    // Importance on at most importanceRows of the held-out rows (a seeded sample), against their own AUC.
    const keep = sampleIndices(rng, testRows.length, settings.importanceRows);
    const impRows = keep.map((i) => testRows[i]);
    const impScores = Float64Array.from(keep, (i) => scores[i]);
    const impBase =
      keep.length === testRows.length ? base.auc : foldAuc(impScores, impRows, design.labels).auc;
    const perm = Int32Array.from({ length: impRows.length }, (_, i) => i);
    for (let c = 0; c < design.columns.length; c++) {
      shuffle(rng, perm);
      const permuted = permutedScores(design, model, impRows, impScores, perm, c, pairs);
      importance[c] += (impBase - foldAuc(permuted, impRows, design.labels).auc) / k;
    }
  }
  const auc = foldAucs.reduce((a, b) => a + b, 0) / k;
  const se = Math.sqrt(varianceSum) / k;
  return {
    auc,
    aucLow: Math.max(0, auc - Z_975 * se),
    aucHigh: Math.min(1, auc + Z_975 * se),
    threshold: settings.threshold,
    driftDetected: auc > settings.threshold,
    rows: m,
    folds: k,
    foldAuc: foldAucs,
    importance: design.columns
      .map((c, i) => ({ feature: c.name, value: importance[i] }))
      .sort((a, b) => b.value - a.value || (a.feature < b.feature ? -1 : 1)),
    interactions: firstPairs.map(([a, b]) => [design.columns[a].name, design.columns[b].name]),
  };
}
