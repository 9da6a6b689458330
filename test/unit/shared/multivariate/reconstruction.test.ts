/**
 * PCA reconstruction error against scikit-learn (test/fixtures/multivariate/gen_multivariate_fixtures.py:
 * SimpleImputer, frequency encoding, StandardScaler, PCA(n_components=0.65), scikit-learn 1.2.1).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../../../electron/engine/load-csv';
import { allRows, featureColumns } from '../../../../shared/multivariate/feature-columns';
import { fitReconstruction, reconstructionError } from '../../../../shared/multivariate/reconstruction';

const DIR = fileURLToPath(new URL('../../../fixtures/multivariate/', import.meta.url));
const expected = JSON.parse(readFileSync(path.join(DIR, 'recon.json'), 'utf8'));
const COLUMNS = [
  { name: 'x1', type: 'numerical' },
  { name: 'x2', type: 'numerical' },
  { name: 'x3', type: 'numerical' },
  { name: 'x4', type: 'numerical' },
  { name: 'cat1', type: 'categorical' },
  { name: 'cat2', type: 'categorical' },
] as const;

const range = (a: number, b: number) => Int32Array.from({ length: b - a }, (_, i) => a + i);

function closeRel(actual: number, wanted: number, rel = 1e-9) {
  expect(Math.abs(actual - wanted)).toBeLessThanOrEqual(rel * Math.abs(wanted));
}

const reference = await loadCsv(path.join(DIR, 'recon-reference.csv'));
const current = await loadCsv(path.join(DIR, 'recon-current.csv'));
const columns = featureColumns(reference, current, COLUMNS);

describe('PCA reconstruction error (NannyML pipeline)', () => {
  // share90 keeps more components than it leaves, so the error is summed over the discarded axes.
  for (const fit of ['all', 'rows100to399', 'share90'] as const) {
    it(`fitted on reference ${fit}: components, variance and errors equal scikit-learn's to 1e-9`, () => {
      const want = expected[fit];
      const model = fitReconstruction(columns, range(want.fitRows[0], want.fitRows[1]), want.varianceShare);
      // PCA(n_components=share).n_components_, sum(explained_variance_ratio_)
      expect(model.k).toBe(want.components);
      closeRel(model.varianceKept, want.varianceKept);
      const cases = [
        [reconstructionError(model, 'reference', allRows(reference.rowCount)), want.reference],
        [reconstructionError(model, 'reference', range(0, 100)), want.referenceRows0to99],
        [reconstructionError(model, 'current', allRows(current.rowCount)), want.current],
        [reconstructionError(model, 'current', range(50, 150)), want.currentRows50to149],
      ] as const;
      for (const [got, wanted] of cases) {
        // np.mean and np.std(ddof=1) of np.linalg.norm(z - pca.inverse_transform(pca.transform(z)), axis=1)
        closeRel(got.mean, wanted.mean);
        closeRel(got.sd, wanted.sd);
        expect(got.rows).toBe(wanted.rows);
      }
    });
  }

  it('rejects an empty fit and a variance share outside (0, 1)', () => {
    expect(() => fitReconstruction(columns, new Int32Array(0))).toThrow(/no reference rows/);
    expect(() => fitReconstruction(columns, range(0, 10), 1)).toThrow(/varianceShare/);
  });
});
