/**
 * A timeline chunk's multivariate drift (docs/multivariate.md, docs/timeline.md): the PCA reconstruction error
 * of the chunk's rows under the pipeline fitted once on the reference, against the bounds for a set of that
 * many rows, equal to the reconstruction of the two-file analysis of the reference against that chunk alone
 * (reconstructionScorer; the fit depends on the reference only). The domain classifier is not run per chunk:
 * it trains five models per comparison, too slow for dozens of chunks; the whole comparison has it.
 */
import { multivariateColumns } from '../drift/analyze';
import { type MultivariateSettings, reconstructionScorer } from '../multivariate/analyze-multivariate';
import { featureColumns } from '../multivariate/feature-columns';
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
): (ChunkMultivariate | null)[] {
  const rs = settings.reconstruction;
  if (!rs.enabled || reference.rowCount === 0) return jobs.map(() => null);
  const wanted = settings.columns ? new Set(settings.columns) : null;
  const names = multivariateColumns(columns).filter((c) => wanted === null || wanted.has(c.name));
  const scorers = new Map<ColumnarTable, ReturnType<typeof reconstructionScorer> | null>();
  return jobs.map((job) => {
    if (job === null || job.rows.length === 0) return null;
    let scorer = scorers.get(job.table);
    if (scorer === undefined) {
      const features = featureColumns(reference, job.table, names);
      scorer = features.length === 0 ? null : reconstructionScorer(features, reference.rowCount, rs);
      scorers.set(job.table, scorer);
    }
    if (scorer === null) return null;
    // The rows in the chunk's own order (a period chunk lists them in time order): the chunk-alone analysis
    // sums its errors in that order too. A batch's rows are already 0..n−1.
    const r = scorer.score(job.rows);
    return {
      reconstruction: {
        error: r.current,
        lower: r.lowerThreshold,
        upper: r.threshold,
        driftDetected: r.driftDetected,
      },
    };
  });
}
