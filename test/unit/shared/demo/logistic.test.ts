import { describe, expect, it } from 'vitest';
import { fitLogistic, sigmoid, solveSymmetricPositiveDefinite } from '../../../../shared/demo/logistic';
import { Rng } from '../../../../shared/demo/prng';

describe('fitLogistic', () => {
  it('recovers known coefficients from simulated data', () => {
    const rng = new Rng(3);
    const n = 20_000;
    const x = new Float64Array(n * 2);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x[2 * i] = rng.normal();
      x[2 * i + 1] = rng.normal();
      y[i] = rng.bernoulli(sigmoid(-0.5 + 1.5 * x[2 * i] - 0.8 * x[2 * i + 1])) ? 1 : 0;
    }
    const fit = fitLogistic(x, y, 2, { l2: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(-0.5, 1);
    expect(fit.weights[0]).toBeCloseTo(1.5, 1);
    expect(fit.weights[1]).toBeCloseTo(-0.8, 1);
  });

  it('stays finite on separable data thanks to the L2 penalty', () => {
    const fit = fitLogistic(new Float64Array([-2, -1, 1, 2]), new Uint8Array([0, 0, 1, 1]), 1, { l2: 1 });
    expect(Number.isFinite(fit.weights[0]) && fit.weights[0] > 0).toBe(true);
  });

  it('rejects a design matrix of the wrong size', () => {
    expect(() => fitLogistic(new Float64Array(3), new Uint8Array(2), 2)).toThrow(RangeError);
  });
});

describe('solveSymmetricPositiveDefinite', () => {
  it('solves a 2 x 2 system', () => {
    // [[4, 2], [2, 3]] z = [2, 1]  =>  z = [0.5, 0]
    const z = solveSymmetricPositiveDefinite(new Float64Array([4, 2, 2, 3]), new Float64Array([2, 1]), 2);
    expect(z[0]).toBeCloseTo(0.5, 12);
    expect(z[1]).toBeCloseTo(0, 12);
  });

  it('throws on a matrix that is not positive definite', () => {
    expect(() =>
      solveSymmetricPositiveDefinite(new Float64Array([1, 2, 2, 1]), new Float64Array([1, 1]), 2),
    ).toThrow(RangeError);
  });
});

describe('sigmoid', () => {
  it('is symmetric and stable at the extremes', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 15);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
  });
});
