/**
 * Generated reference/current pairs for the multivariate proof tests: in-memory columnar tables of seeded
 * normals (shared/demo/prng.ts), with a chosen correlation between x1 and x2, an optional shift of x3 and a
 * categorical column.
 */
import { Rng } from '../../../../shared/demo/prng';
import type { ColumnarTable } from '../../../../shared/table/columnar';

export interface PairSpec {
  n: number;
  /** Correlation of x1 and x2. */
  rho: number;
  /** Added to x3 (in standard deviations). */
  shift?: number;
}

/** x1, x2 (correlation rho), x3..x5 independent N(0, 1) (x3 shifted), c1 in {a, b, c}, 2 % of x4 missing. */
export function generatedTable(fileName: string, spec: PairSpec, seed: number): ColumnarTable {
  const rng = new Rng(seed);
  const cols = Array.from({ length: 5 }, () => new Float64Array(spec.n));
  const codes = new Int32Array(spec.n);
  for (let i = 0; i < spec.n; i++) {
    const z1 = rng.normal();
    const z2 = spec.rho * z1 + Math.sqrt(1 - spec.rho * spec.rho) * rng.normal();
    cols[0][i] = z1;
    cols[1][i] = z2;
    cols[2][i] = rng.normal() + (spec.shift ?? 0);
    cols[3][i] = rng.uniform() < 0.02 ? Number.NaN : rng.normal();
    cols[4][i] = rng.normal();
    codes[i] = rng.pick([0.5, 0.3, 0.2]);
  }
  return {
    fileName,
    rowCount: spec.n,
    delimiter: ',',
    byteLength: 0,
    warnings: [],
    columns: [
      ...cols.map((values, j) => ({
        name: `x${j + 1}`,
        storage: 'number' as const,
        values,
        invalidCount: 0,
        firstInvalid: null,
      })),
      { name: 'c1', storage: 'string' as const, codes, dictionary: ['a', 'b', 'c'] },
    ],
  };
}

export const GENERATED_COLUMNS = [
  ...['x1', 'x2', 'x3', 'x4', 'x5'].map((name) => ({ name, type: 'numerical' as const })),
  { name: 'c1', type: 'categorical' as const },
];
