/**
 * The domain classifier's model and score against scikit-learn and the definition of DeLong's variance
 * (test/fixtures/multivariate/gen_multivariate_fixtures.py, scikit-learn 1.2.1, NumPy 1.24.2).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  fitLogistic,
  linearScores,
  type SparseRows,
} from '../../../../shared/multivariate/logistic-regression';
import { rocAuc } from '../../../../shared/multivariate/roc-auc';

const fixture = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../fixtures/multivariate/logistic.json', import.meta.url)),
    'utf8',
  ),
) as {
  X: number[][];
  y: number[];
  C: number;
  coef: number[];
  intercept: number;
  auc: number;
  aucVariance: number;
  roundedScore: number[];
  roundedAuc: number;
  roundedAucVariance: number;
};

function dense(rows: number[][]): SparseRows {
  const d = rows[0].length;
  const index = new Int32Array(rows.length * d);
  const value = new Float64Array(rows.length * d);
  for (const [i, r] of rows.entries()) {
    for (const [j, v] of r.entries()) {
      index[i * d + j] = j;
      value[i * d + j] = v;
    }
  }
  return { features: d, stride: d, index, value };
}

function split(scores: ArrayLike<number>, y: number[]) {
  const pos: number[] = [];
  const neg: number[] = [];
  for (const [i, label] of y.entries()) (label === 1 ? pos : neg).push(scores[i]);
  return [Float64Array.from(pos), Float64Array.from(neg)] as const;
}

describe('L2 logistic regression', () => {
  const x = dense(fixture.X);
  const y = Uint8Array.from(fixture.y);
  const rows = Int32Array.from(fixture.y.keys());

  // scikit-learn's own lbfgs stops early here (its max |gradient| is 3e-3 at tol=1e-12, on ftol), so the oracle
  // is its exact Newton solver on the same objective.
  it("reaches scikit-learn's LogisticRegression(C=1, newton-cholesky, tol=1e-12) coefficients to 1e-8", () => {
    const model = fitLogistic(x, y, rows, { c: fixture.C, tolerance: 1e-12, maxIterations: 1000 });
    // LogisticRegression(C=1.0, solver="lbfgs", tol=1e-12).fit(X, y).coef_[0], .intercept_[0]
    fixture.coef.forEach((w, j) => {
      expect(Math.abs(model.weights[j] - w)).toBeLessThanOrEqual(1e-6 * Math.max(Math.abs(w), 1e-3));
    });
    expect(Math.abs(model.intercept - fixture.intercept)).toBeLessThanOrEqual(
      1e-6 * Math.abs(fixture.intercept),
    );
    // The AUC of its decision function: sklearn.metrics.roc_auc_score(y, model.decision_function(X))
    const [pos, neg] = split(linearScores(x, rows, model.weights, model.intercept), fixture.y);
    expect(rocAuc(pos, neg).auc).toBeCloseTo(fixture.auc, 12);
  });

  it('a stronger penalty shrinks the coefficients; a warm start reaches the same optimum', () => {
    const loose = fitLogistic(x, y, rows, { c: 1, tolerance: 1e-10, maxIterations: 1000 });
    const tight = fitLogistic(x, y, rows, { c: 0.001, tolerance: 1e-10, maxIterations: 1000 });
    const norm = (w: Float64Array) => Math.hypot(...w);
    expect(norm(tight.weights)).toBeLessThan(norm(loose.weights) / 5);
    const warm = fitLogistic(x, y, rows, {
      c: 1,
      tolerance: 1e-10,
      maxIterations: 1000,
      start: { weights: tight.weights, intercept: tight.intercept },
    });
    for (const [j, w] of warm.weights.entries()) expect(w).toBeCloseTo(loose.weights[j], 7);
  });
});

describe('ROC AUC with DeLong variance', () => {
  it('equals roc_auc_score and the placement-value variance, without and with ties', () => {
    // sklearn.metrics.roc_auc_score(y, s); DeLong variance from the O(m·n) definition in NumPy
    const [pos, neg] = split(fixture.roundedScore, fixture.y);
    const tied = rocAuc(pos, neg);
    expect(tied.auc).toBeCloseTo(fixture.roundedAuc, 13);
    expect(tied.variance).toBeCloseTo(fixture.roundedAucVariance, 15);
    expect(Math.abs(tied.variance - fixture.roundedAucVariance)).toBeLessThan(
      1e-12 * fixture.roundedAucVariance + 1e-18,
    );
  });

  it('gives 1 for separated classes, ½ for identical scores, and rejects an empty class', () => {
    expect(rocAuc(Float64Array.of(3, 4), Float64Array.of(1, 2)).auc).toBe(1);
    expect(rocAuc(Float64Array.of(1, 1), Float64Array.of(1, 1, 1)).auc).toBe(0.5);
    expect(rocAuc(Float64Array.of(2, 3), Float64Array.of(1, 2)).auc).toBe(0.875);
    expect(() => rocAuc(new Float64Array(0), Float64Array.of(1))).toThrow(/both classes/);
  });
});
