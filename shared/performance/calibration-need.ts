/**
 * Does a score need calibration before CBPE? NannyML's rule (`nannyml.calibration.needs_calibration`,
 * https://nannyml.readthedocs.io/en/stable/how_it_works/performance_estimation.html), made
 * deterministic: no when the reference holds one class or ROC AUC > 0.999; otherwise cross-fit the
 * isotonic calibrator (10 folds, row i of the reference in fold i mod 10: fit on the other nine, calibrate
 * the held-out fold), and calibrate when the expected calibration error of the held-out calibrated scores
 * is lower than that of the raw scores. NannyML draws its ten 10 % test folds with a seeded
 * StratifiedShuffleSplit instead; the fold assignment is the only difference.
 * ECE as NannyML's `_calculate_expected_calibration_error`: rows sorted by score (stable), cut into 10
 * equal-count bins (`_get_bin_index_edges`: width ⌊n/10⌋, the last bin takes the rest; n ≤ 20 → ⌊n/2⌋
 * bins), ECE = Σ_bins (n_bin/n)·|mean score − mean target|.
 */
import { fitIsotonic, predictIsotonic } from './isotonic';
import { rocAuc } from './ranking';

export const CALIBRATION_FOLDS = 10;
export const ECE_BINS = 10;

export interface CalibrationDecision {
  calibrated: boolean;
  /** ECE of the held-out raw and calibrated scores; null when the rule stopped before cross-fitting. */
  eceBefore: number | null;
  eceAfter: number | null;
  reason: string;
}

/** NannyML `_get_bin_index_edges`: [start, end) index pairs of equal-count bins; null below 4 rows. */
function binEdges(n: number, bins: number): [number, number][] | null {
  let count = bins;
  if (n <= 2 * count) {
    count = Math.floor(n / 2);
    if (count < 2) return null;
  }
  const width = Math.floor(n / count);
  const edges: number[] = [];
  for (let e = 0; e <= n; e += width) edges.push(e);
  edges[edges.length - 1] = n;
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < edges.length; i++) out.push([edges[i], edges[i + 1]]);
  return out;
}

/**
 * Expected calibration error on equal-count bins of the sorted scores (NannyML's definition, above).
 *
 * @example expectedCalibrationError(Float64Array.of(0.1, 0.2, 0.8, 0.9), Float64Array.of(0, 0, 1, 1), 2) // 0.15
 */
export function expectedCalibrationError(
  score: Float64Array,
  target: Float64Array,
  bins = ECE_BINS,
): number | null {
  const n = score.length;
  const edges = binEdges(n, bins);
  if (edges === null) return null;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a] - score[b]);
  let ece = 0;
  for (const [lo, hi] of edges) {
    let s = 0;
    let t = 0;
    for (let k = lo; k < hi; k++) {
      s += score[order[k]];
      t += target[order[k]];
    }
    const m = hi - lo;
    ece += (m / n) * Math.abs(s / m - t / m);
  }
  return ece;
}

/**
 * The calibration decision for one score column against a 0/1 target (same length, no NaN).
 *
 * @example needsCalibration(score, target).calibrated // true when isotonic calibration lowers the held-out ECE
 */
export function needsCalibration(score: Float64Array, target: Float64Array): CalibrationDecision {
  const n = score.length;
  const positives = target.reduce((a, b) => a + b, 0);
  if (positives === 0 || positives === n)
    return { calibrated: false, eceBefore: null, eceAfter: null, reason: 'one class in the reference' };
  const auc = rocAuc(Uint8Array.from(target), score);
  if (auc !== null && auc > 0.999)
    return { calibrated: false, eceBefore: null, eceAfter: null, reason: 'reference ROC AUC above 0.999' };
  if (n < CALIBRATION_FOLDS * 2)
    return { calibrated: false, eceBefore: null, eceAfter: null, reason: 'fewer than 20 reference rows' };
  const heldScore: number[] = [];
  const heldCalibrated: number[] = [];
  const heldTarget: number[] = [];
  for (let fold = 0; fold < CALIBRATION_FOLDS; fold++) {
    const trainScore: number[] = [];
    const trainTarget: number[] = [];
    const testScore: number[] = [];
    for (let i = 0; i < n; i++) {
      if (i % CALIBRATION_FOLDS === fold) {
        testScore.push(score[i]);
        heldTarget.push(target[i]);
      } else {
        trainScore.push(score[i]);
        trainTarget.push(target[i]);
      }
    }
    const fit = fitIsotonic(Float64Array.from(trainScore), Float64Array.from(trainTarget));
    heldScore.push(...testScore);
    heldCalibrated.push(...predictIsotonic(fit, Float64Array.from(testScore)));
  }
  const y = Float64Array.from(heldTarget);
  const eceBefore = expectedCalibrationError(Float64Array.from(heldScore), y);
  const eceAfter = expectedCalibrationError(Float64Array.from(heldCalibrated), y);
  if (eceBefore === null || eceAfter === null)
    return { calibrated: false, eceBefore, eceAfter, reason: 'too few rows for the ECE bins' };
  const calibrated = eceAfter < eceBefore;
  return {
    calibrated,
    eceBefore,
    eceAfter,
    reason: calibrated
      ? 'isotonic calibration lowers the cross-fitted ECE'
      : 'isotonic calibration does not lower the cross-fitted ECE',
  };
}
