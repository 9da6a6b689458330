// @vitest-environment node
/**
 * Thresholds from the reference by leave-one-out, against NumPy/SciPy: test/fixtures/timeline/loo.json,
 * written by test/fixtures/timeline/gen_timeline_fixtures.py (NumPy 1.24.2, SciPy 1.10.1):
 * score_i = scipy.stats.wasserstein_distance(chunk_i, rest_i) / max(np.std(rest_i), 0.001) with rest_i the
 * reference without chunk i; mean = np.mean, sd = np.std(ddof=1), bound = mean ± K·sd, false-alarm rate =
 * np.mean(x beyond the bound); accuracy per reference chunk = np.mean(target == prediction).
 * Tolerance 1e-12 relative (NumPy sums pairwise, the engine left to right).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../../../electron/engine/load-csv';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import { analyzeTimeline } from '../../../../shared/timeline/analyze-timeline';
import { referenceBound } from '../../../../shared/timeline/reference-bound';
import { sortedWithout } from '../../../../shared/timeline/slice-table';
import type { ReferenceThreshold } from '../../../../shared/timeline/types';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const LOO = JSON.parse(readFileSync(path.join(FIXTURES, 'timeline/loo.json'), 'utf8'));
const CONTEXT = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };

interface NumpyBound {
  values: number[];
  mean: number;
  sd: number;
  upper: number | null;
  lower: number | null;
  falseAlarmRate: number;
}

function close(actual: number | null | undefined, expected: number | null) {
  if (expected === null) expect(actual).toBeNull();
  else expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}

function expectBound(t: ReferenceThreshold | undefined, want: NumpyBound) {
  expect(t?.chunks).toBe(want.values.length);
  close(t!.mean, want.mean);
  close(t!.sd, want.sd);
  close(t!.upper, want.upper);
  close(t!.lower, want.lower);
  expect(t!.falseAlarmRate).toBe(want.falseAlarmRate);
}

async function load(file: string) {
  return loadCsv(path.join(FIXTURES, file));
}

describe('leave-one-out reference thresholds', () => {
  for (const k of ['3', '1']) {
    it(`flights-20k, size:2000, K = ${k}: each reference chunk against the other 8000 rows`, async () => {
      const t = analyzeTimeline(
        await load('realdata/flights-20k.ref.csv'),
        await load('realdata/flights-20k.cur.csv'),
        DEFAULT_SETTINGS,
        CONTEXT,
        {
          chunking: { kind: 'size', size: 2000 },
          referenceChunks: true,
          thresholdFromReference: { k: Number(k) },
        },
      );
      const reference = t.chunks.filter((c) => c.period === 'reference');
      expect(reference.map((c) => c.rows)).toEqual([2000, 2000, 2000, 2000, 2000]);
      expect(t.chunks.slice(0, 5)).toEqual(reference); // the reference period comes first
      expect(t.referenceThresholds?.chunkSize).toBe(2000);
      for (const column of ['delay', 'distance']) {
        const want: NumpyBound = LOO.columns[column][k];
        const scores = reference.map((c) => c.columns.find((x) => x.name === column)?.score ?? null);
        scores.forEach((s, i) => {
          close(s, want.values[i]);
        });
        const threshold = t.referenceThresholds?.thresholds.find((x) => x.name === column);
        expect(threshold?.test).toBe('wasserstein');
        expectBound(threshold, want);
        // Every chunk's verdict against the bound: strictly above mean + K·sd.
        for (const chunk of t.chunks) {
          const c = chunk.columns.find((x) => x.name === column)!;
          expect(c.referenceDriftDetected).toBe((c.score as number) > (want.upper as number));
        }
      }
    });
  }

  for (const k of ['3', '0.5']) {
    it(`binary model, count:4, K = ${k}: accuracy gets a lower bound`, async () => {
      const t = analyzeTimeline(
        await load('performance/binary_reference.csv'),
        await load('performance/binary_current.csv'),
        DEFAULT_SETTINGS,
        CONTEXT,
        { chunking: { kind: 'count', count: 4 }, thresholdFromReference: { k: Number(k) } },
      );
      expect(t.chunks.every((c) => c.period === 'analysis')).toBe(true); // reference chunks not shown
      expect(t.referenceThresholds?.chunking).toEqual({ kind: 'size', size: 71 });
      const accuracy = t.referenceThresholds?.thresholds.find(
        (x) => x.kind === 'metric' && x.name === 'accuracy',
      );
      const want: NumpyBound = LOO.accuracy[k];
      expectBound(accuracy, want);
      expect(accuracy?.upper).toBeNull();
      for (const chunk of t.chunks) {
        expect(chunk.performance?.referenceAlerts?.accuracy).toBe(
          (chunk.performance?.metrics.accuracy as number) < (want.lower as number),
        );
      }
      // Error metrics alert on a rise.
      const logLoss = t.referenceThresholds?.thresholds.find((x) => x.name === 'logLoss');
      expect(logLoss?.lower).toBeNull();
      expect(logLoss?.upper).not.toBeNull();
    });
  }

  it('referenceBound: fewer than two values give no bound; p-values get a lower one', () => {
    expect(referenceBound([0.3], 3, 'rise')).toEqual({
      chunks: 1,
      mean: 0.3,
      sd: null,
      lower: null,
      upper: null,
      falseAlarmRate: null,
    });
    // [0.2, 0.4, 0.9]: np.mean = 0.5, np.std(ddof=1) = 0.36055512754639896; lower = 0.5 - 1 * sd
    const b = referenceBound([0.2, null, 0.4, 0.9], 1, 'fall');
    close(b.sd, 0.36055512754639896);
    close(b.lower, 0.5 - 0.36055512754639896);
    expect(b.falseAlarmRate).toBe(0); // 0.2 > 0.1394...
  });

  it('sortedWithout removes one occurrence per value (multiset difference), −0 and +0 apart', () => {
    const all = Float64Array.of(-1, -0, 0, 0, 2, 2, 2, 5);
    expect(Array.from(sortedWithout(all, Float64Array.of(-0, 2, 5)))).toEqual([-1, 0, 0, 2, 2]);
    expect(Object.is(sortedWithout(all, Float64Array.of(0))[1], -0)).toBe(true);
  });
});
