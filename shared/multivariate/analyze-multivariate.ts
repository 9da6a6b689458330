/**
 * Both multivariate detectors on one reference/current pair (docs/multivariate.md): the domain classifier
 * and the PCA reconstruction error, on the numerical and categorical columns of the analysis. Called by
 * analyzeTables when `settings.multivariate.enabled` is true; the timeline calls the parts per chunk
 * (reconstruction-drift.ts, reconstruction.ts).
 */

import { subsampleSorted } from '../stats/sample-without-replacement';
import { SeededRng } from '../stats/seeded-rng';
import type { ColumnarTable } from '../table/columnar';
import {
  DEFAULT_DOMAIN_CLASSIFIER,
  type DomainClassifierResult,
  type DomainClassifierSettings,
  domainClassifier,
} from './domain-classifier';
import { allRows, type FeatureColumn, featureColumns } from './feature-columns';
import { reconstructionError } from './reconstruction';
import {
  boundsForRows,
  consecutiveChunks,
  DEFAULT_RECONSTRUCTION,
  type ReconstructionSettings,
  reconstructionAlert,
  reconstructionReference,
} from './reconstruction-drift';

export interface MultivariateSettings {
  /** Off by default (docs/multivariate.md says why). */
  enabled: boolean;
  /** Columns to use (default: every numerical and categorical column of the analysis). */
  columns?: string[];
  domainClassifier: DomainClassifierSettings & { enabled: boolean };
  reconstruction: ReconstructionSettings & { enabled: boolean };
}

export const DEFAULT_MULTIVARIATE: MultivariateSettings = {
  enabled: false,
  domainClassifier: { ...DEFAULT_DOMAIN_CLASSIFIER, enabled: true },
  reconstruction: { ...DEFAULT_RECONSTRUCTION, enabled: true },
};

export interface ReconstructionResult {
  components: number;
  varianceKept: number;
  /** Mean error of the reference chunks, each scored by the pipeline fitted without it (out of sample). */
  reference: number;
  /** Mean error of the current set under the pipeline fitted on the reference. */
  current: number;
  /** Bounds for the current set's mean error: mean ± K·sd·sqrt(n_chunk/n_cur + n_chunk/n_ref). */
  threshold: number | null;
  lowerThreshold: number | null;
  driftDetected: boolean;
  referenceChunks: number;
  referenceChunkErrors: number[];
  /** Reference rows each pipeline was fitted on (at most `fitRows`). */
  fitRows: number;
  /** Rows whose errors were averaged: the reference chunks' together, and the current set's (at most `errorRows` each). */
  scoredRows: { reference: number; current: number };
  /** Columns left out because the reference has no value in them. */
  dropped: string[];
}

export interface MultivariateResult {
  columns: string[];
  domainClassifier: DomainClassifierResult | null;
  reconstruction: ReconstructionResult | null;
  notes: string[];
}

/**
 * The PCA reconstruction detector fitted once on the reference (its pipeline, and the leave-one-chunk-out
 * errors of its reference chunks), scoring any set of current rows: `score(rows)` is the result the
 * two-file analysis of the reference against exactly those rows gives (the timeline scores each chunk so,
 * without refitting the reference per chunk). `notes` say what the fit left out.
 */
export function reconstructionScorer(
  features: FeatureColumn[],
  referenceRows: number,
  rs: MultivariateSettings['reconstruction'],
): { notes: string[]; score: (rows: Int32Array) => ReconstructionResult } {
  const chunks = consecutiveChunks(referenceRows, rs.referenceChunks);
  const ref = reconstructionReference(features, allRows(referenceRows), chunks, rs);
  // The bounds count the rows scored: each reference chunk's (on average) and the reference's in all.
  const chunkRows = ref.scoredRows / Math.max(1, ref.chunkErrors.length);
  const notes: string[] = [];
  if (ref.model.dropped.length > 0)
    notes.push(`Reconstruction: no reference value in ${ref.model.dropped.join(', ')}; left out.`);
  if (ref.bounds.upper === null)
    notes.push('Reconstruction: fewer than two reference chunks, so no threshold.');
  let referenceError: number | null = null;
  const score = (rows: Int32Array): ReconstructionResult => {
    // The same rows give the same sample: a fresh generator per call.
    const scored = subsampleSorted(new SeededRng(rs.seed + 2), rows, rs.errorRows);
    const cur = reconstructionError(ref.model, 'current', scored);
    const bounds = boundsForRows(ref.bounds, chunkRows, scored.length, ref.scoredRows, rs.k);
    referenceError ??=
      bounds.mean ??
      reconstructionError(
        ref.model,
        'reference',
        subsampleSorted(new SeededRng(rs.seed + 1), allRows(referenceRows), rs.errorRows),
      ).mean;
    return {
      components: ref.model.k,
      varianceKept: ref.model.varianceKept,
      reference: referenceError,
      current: cur.mean,
      threshold: bounds.upper,
      lowerThreshold: bounds.lower,
      driftDetected: reconstructionAlert(cur.mean, bounds) === true,
      referenceChunks: ref.chunkErrors.length,
      referenceChunkErrors: ref.chunkErrors,
      fitRows: Math.min(referenceRows, rs.fitRows),
      scoredRows: {
        reference: ref.scoredRows || Math.min(referenceRows, rs.errorRows),
        current: scored.length,
      },
      dropped: ref.model.dropped,
    };
  };
  return { notes, score };
}

/**
 * The columns the detectors use: `settings.columns` when set (as listed), else every column given except
 * `modelOutputs` (the target, prediction, probabilities, row ID and logged columns: what the model outputs
 * or is judged by, not its inputs; their drift is reported as target and prediction drift). The note
 * names what was left out.
 */
export function detectorColumns<T extends { name: string }>(
  columns: readonly T[],
  settings: Pick<MultivariateSettings, 'columns'>,
  modelOutputs: readonly string[],
): { columns: T[]; note: string | null } {
  if (settings.columns) {
    const wanted = new Set(settings.columns);
    return { columns: columns.filter((c) => wanted.has(c.name)), note: null };
  }
  const outputs = new Set(modelOutputs);
  const left = columns.filter((c) => outputs.has(c.name)).map((c) => c.name);
  return {
    columns: columns.filter((c) => !outputs.has(c.name)),
    note:
      left.length === 0
        ? null
        : `Model columns left out of the detectors: ${left.join(', ')} (list them in multivariate.columns to include them).`,
  };
}

/**
 * The detectors on the named columns of both tables (types as the analysis decided them), `modelOutputs`
 * left out unless `settings.columns` lists them (detectorColumns).
 *
 * @example analyzeMultivariate(ref, cur, [{ name: 'x', type: 'numerical' }], DEFAULT_MULTIVARIATE).columns // ['x']
 */
export function analyzeMultivariate(
  reference: ColumnarTable,
  current: ColumnarTable,
  columns: readonly { name: string; type: 'numerical' | 'categorical' }[],
  settings: MultivariateSettings,
  modelOutputs: readonly string[] = [],
): MultivariateResult {
  const chosen = detectorColumns(columns, settings, modelOutputs);
  const features = featureColumns(reference, current, chosen.columns);
  const notes: string[] = chosen.note ? [chosen.note] : [];
  const names = features.map((f) => f.name);
  if (features.length === 0) {
    notes.push('No numerical or categorical column in both files: the multivariate detectors did not run.');
    return { columns: names, domainClassifier: null, reconstruction: null, notes };
  }
  let classifier: DomainClassifierResult | null = null;
  if (settings.domainClassifier.enabled) {
    classifier = domainClassifier(features, reference.rowCount, current.rowCount, settings.domainClassifier);
    if (classifier === null)
      notes.push(
        `Domain classifier: too few rows (it needs at least ${2 * settings.domainClassifier.folds} in each file).`,
      );
  }
  let reconstruction: ReconstructionResult | null = null;
  const rs = settings.reconstruction;
  if (rs.enabled && reference.rowCount > 0 && current.rowCount > 0) {
    const scorer = reconstructionScorer(features, reference.rowCount, rs);
    notes.push(...scorer.notes);
    reconstruction = scorer.score(allRows(current.rowCount));
  }
  return { columns: names, domainClassifier: classifier, reconstruction, notes };
}
