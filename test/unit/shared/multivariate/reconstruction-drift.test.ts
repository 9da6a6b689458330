/**
 * The reconstruction error's reference period (the API the timeline calls per chunk): leave-one-chunk-out
 * errors equal a pipeline refitted without the chunk, bounds are mean ± K·sd of them (ddof 1), and the
 * whole-set bounds shrink with the rows compared.
 */
import { describe, expect, it } from 'vitest';
import { reconstructionScorer } from '../../../../shared/multivariate/analyze-multivariate';
import { allRows, featureColumns } from '../../../../shared/multivariate/feature-columns';
import { fitReconstruction, reconstructionError } from '../../../../shared/multivariate/reconstruction';
import {
  boundsForRows,
  consecutiveChunks,
  DEFAULT_RECONSTRUCTION,
  reconstructionAlert,
  reconstructionReference,
} from '../../../../shared/multivariate/reconstruction-drift';
import { subsampleSorted } from '../../../../shared/stats/sample-without-replacement';
import { SeededRng } from '../../../../shared/stats/seeded-rng';
import { GENERATED_COLUMNS, generatedTable } from './generated-pairs';

const ref = generatedTable('ref.csv', { n: 1200, rho: 0.7 }, 41);
const cur = generatedTable('cur.csv', { n: 600, rho: -0.7 }, 42);
const columns = featureColumns(ref, cur, GENERATED_COLUMNS);

describe('reconstruction reference chunks', () => {
  it('cuts consecutive chunks whose sizes differ by at most one', () => {
    const chunks = consecutiveChunks(10, 3);
    expect(chunks.map((c) => Array.from(c))).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7, 8, 9],
    ]);
  });

  it('scores each chunk with a pipeline fitted on the rest, and bounds are mean ± 3·sd (ddof 1)', () => {
    const chunks = consecutiveChunks(ref.rowCount, 6);
    const settings = { ...DEFAULT_RECONSTRUCTION, fitRows: 10_000 }; // no sampling at 1,200 rows
    const r = reconstructionReference(columns, allRows(ref.rowCount), chunks, settings);
    chunks.forEach((chunk, i) => {
      const rest = allRows(ref.rowCount).filter((row) => row < chunk[0] || row > chunk[chunk.length - 1]);
      const direct = reconstructionError(fitReconstruction(columns, rest, 0.65), 'reference', chunk).mean;
      expect(r.chunkErrors[i]).toBe(direct);
    });
    const m = r.chunkErrors.reduce((a, b) => a + b, 0) / 6;
    const sd = Math.sqrt(r.chunkErrors.reduce((a, b) => a + (b - m) ** 2, 0) / 5);
    expect(r.bounds.mean).toBeCloseTo(m, 14);
    expect(r.bounds.upper).toBeCloseTo(m + 3 * sd, 14);
    expect(r.bounds.lower).toBeCloseTo(m - 3 * sd, 14);
    // A current chunk with the flipped correlation alerts; a reference chunk does not.
    const chunkError = reconstructionError(
      r.model,
      'current',
      Int32Array.from({ length: 200 }, (_, i) => i),
    );
    expect(reconstructionAlert(chunkError.mean, r.bounds)).toBe(true);
    expect(reconstructionAlert(r.chunkErrors[0], r.bounds)).toBe(false);
  });

  it('narrows the bounds for a mean over more rows, and gives none from one chunk', () => {
    const r = reconstructionReference(columns, allRows(ref.rowCount), consecutiveChunks(ref.rowCount, 6));
    const whole = boundsForRows(r.bounds, 200, 600, 1200, 3);
    expect(whole.sd).toBeCloseTo(r.bounds.sd! * Math.sqrt(200 / 600 + 200 / 1200), 14);
    expect(whole.upper! - whole.lower!).toBeLessThan(r.bounds.upper! - r.bounds.lower!);
    const single = reconstructionReference(columns, allRows(ref.rowCount), [allRows(ref.rowCount)]);
    expect(single.bounds.upper).toBeNull();
    expect(reconstructionAlert(1, single.bounds)).toBeNull();
  });

  it('scores at most errorRows rows per set (a seeded sample), and the bounds count the rows scored', () => {
    // errorRows 300 of 1,200 reference rows in 6 chunks: 50 scored per chunk; 300 of the 600 current rows.
    const settings = {
      ...DEFAULT_RECONSTRUCTION,
      enabled: true,
      fitRows: 10_000,
      referenceChunks: 6,
      errorRows: 300,
    };
    const chunks = consecutiveChunks(ref.rowCount, 6);
    const r = reconstructionReference(columns, allRows(ref.rowCount), chunks, settings);
    expect(r.scoredRows).toBe(300);
    // Each chunk's error is its pipeline's (fitted on the rest, unchanged by errorRows) on a sample of the chunk.
    const scoring = new SeededRng(settings.seed + 1);
    chunks.forEach((chunk, i) => {
      const rest = allRows(ref.rowCount).filter((row) => row < chunk[0] || row > chunk[chunk.length - 1]);
      const loo = fitReconstruction(columns, rest, 0.65);
      const scored = subsampleSorted(scoring, chunk, 50);
      expect(scored.length).toBe(50);
      expect(r.chunkErrors[i]).toBe(reconstructionError(loo, 'reference', scored).mean);
    });
    const scorer = reconstructionScorer(columns, ref.rowCount, settings);
    const whole = scorer.score(allRows(cur.rowCount));
    expect(whole.scoredRows).toEqual({ reference: 300, current: 300 });
    const sample = subsampleSorted(new SeededRng(settings.seed + 2), allRows(cur.rowCount), 300);
    expect(whole.current).toBe(reconstructionError(r.model, 'current', sample).mean);
    // sd · sqrt(n_chunk/n_cur + n_chunk/n_ref) with the scored counts: 50/300 + 50/300.
    const expected = boundsForRows(r.bounds, 50, 300, 300, 3);
    expect(whole.threshold).toBe(expected.upper);
    expect(whole.lowerThreshold).toBe(expected.lower);
    // The same rows, the same sample: scoring twice gives the same number.
    expect(scorer.score(allRows(cur.rowCount)).current).toBe(whole.current);
    // Below the cap every row is scored.
    const small = scorer.score(allRows(200));
    expect(small.scoredRows.current).toBe(200);
    expect(small.current).toBe(reconstructionError(r.model, 'current', allRows(200)).mean);
  });
});
