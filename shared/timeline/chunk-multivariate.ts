/**
 * A timeline chunk's multivariate drift (docs/multivariate.md, docs/timeline.md): the PCA reconstruction error
 * of the chunk's rows under the pipeline fitted once on the reference, against the bounds for a set of that
 * many rows, equal to the reconstruction of the two-file analysis of the reference against that chunk alone
 * (reconstructionScorer; the fit depends on the reference only). The domain classifier of the reference
 * against the chunk's rows, on at most `domainClassifier.chunkRows` rows per set (instead of `maxRows`, so that
 * dozens of chunks stay fast): the classifier of the two-file analysis of the reference against that chunk
 * alone with `maxRows` = `chunkRows` (domain-classifier.ts, same seed and folds), top importance entries only.
 */
import { multivariateColumns } from '../drift/analyze';
import {
  detectorColumns,
  type MultivariateSettings,
  reconstructionScorer,
} from '../multivariate/analyze-multivariate';
import { type DomainClassifierResult, domainClassifier } from '../multivariate/domain-classifier';
import { type FeatureColumn, featureColumns } from '../multivariate/feature-columns';
import type { ColumnResult } from '../report/analysis-result';
import type { ColumnarTable } from '../table/columnar';

export interface ChunkMultivariate {
  reconstruction: {
    /** Mean reconstruction error of the chunk's rows. */
    error: number;
    /** Bounds for a set of the chunk's size (null: too few reference chunks). */
    lower: number | null;
    upper: number | null;
    driftDetected: boolean;
  } | null;
  /**
   * The domain classifier of the reference against the chunk (null: off, or too few rows; a note says): rows
   * per set at most `chunkRows`, `importance` the CHUNK_IMPORTANCE most separating columns.
   */
  domainClassifier: Pick<
    DomainClassifierResult,
    'auc' | 'aucLow' | 'aucHigh' | 'threshold' | 'driftDetected' | 'rows' | 'importance'
  > | null;
}

/** Importance entries kept per chunk. */
export const CHUNK_IMPORTANCE = 5;

/** The features with the current side restricted to `rows` of the current table, in that order. */
function chunkFeatures(features: readonly FeatureColumn[], rows: Int32Array): FeatureColumn[] {
  return features.map((f) => {
    if (f.kind === 'numerical') {
      const current = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) current[i] = f.current[rows[i]];
      return { ...f, current };
    }
    const current = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) current[i] = f.current[rows[i]];
    return { ...f, current };
  });
}

/** One analysis chunk to score: rows of `table` (null: not analysed, no value). */
export interface MultivariateJob {
  table: ColumnarTable;
  rows: Int32Array;
}

/**
 * Each job's multivariate figures, or null where the job is null or the detector cannot run. Jobs that share
 * one table (a cut chunking) share one fit; each batch table gets its own.
 */
export function chunkMultivariate(
  reference: ColumnarTable,
  jobs: readonly (MultivariateJob | null)[],
  columns: readonly ColumnResult[],
  settings: MultivariateSettings,
  modelOutputs: readonly string[] = [],
): ({ multivariate: ChunkMultivariate; notes: string[] } | null)[] {
  const rs = settings.reconstruction;
  const ds = settings.domainClassifier;
  if ((!rs.enabled && !ds.enabled) || reference.rowCount === 0) return jobs.map(() => null);
  const names = detectorColumns(multivariateColumns(columns), settings, modelOutputs).columns;
  const fits = new Map<
    ColumnarTable,
    { features: FeatureColumn[]; scorer: ReturnType<typeof reconstructionScorer> | null } | null
  >();
  return jobs.map((job) => {
    if (job === null || job.rows.length === 0) return null;
    let fit = fits.get(job.table);
    if (fit === undefined) {
      const features = featureColumns(reference, job.table, names);
      fit =
        features.length === 0
          ? null
          : { features, scorer: rs.enabled ? reconstructionScorer(features, reference.rowCount, rs) : null };
      fits.set(job.table, fit);
    }
    if (fit === null) return null;
    // The rows in the chunk's own order (a period chunk lists them in time order): the chunk-alone analysis
    // sums its errors in that order too. A batch's rows are already 0..n−1.
    const r = fit.scorer?.score(job.rows);
    const notes: string[] = [];
    let classifier: ChunkMultivariate['domainClassifier'] = null;
    if (ds.enabled) {
      const whole = job.rows.length === job.table.rowCount && job.rows.every((row, i) => row === i);
      const features = whole ? fit.features : chunkFeatures(fit.features, job.rows);
      const d = domainClassifier(features, reference.rowCount, job.rows.length, {
        ...ds,
        maxRows: ds.chunkRows,
      });
      if (d === null)
        notes.push(`Domain classifier: too few rows (it needs at least ${2 * ds.folds} in the chunk).`);
      else
        classifier = {
          auc: d.auc,
          aucLow: d.aucLow,
          aucHigh: d.aucHigh,
          threshold: d.threshold,
          driftDetected: d.driftDetected,
          rows: d.rows,
          importance: d.importance.slice(0, CHUNK_IMPORTANCE),
        };
    }
    return {
      multivariate: {
        reconstruction: r
          ? { error: r.current, lower: r.lowerThreshold, upper: r.threshold, driftDetected: r.driftDetected }
          : null,
        domainClassifier: classifier,
      },
      notes,
    };
  });
}
