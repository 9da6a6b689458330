import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDrift } from '../../../../shared/drift/decision';
import { runKs } from '../../../../shared/drift/methods/ks';
import { TEST_REGISTRY } from '../../../../shared/drift/methods/registry';
import type { PairedSample } from '../../../../shared/drift/sample';
import { TEST_KEYS } from '../../../../shared/types';

const values = fc.array(
  fc.integer({ min: -50, max: 50 }).map((v) => v / 4),
  { minLength: 1, maxLength: 60 },
);
const numeric = (a: number[], b: number[]): PairedSample => ({
  kind: 'numeric',
  reference: Float64Array.from(a).sort(),
  current: Float64Array.from(b).sort(),
});

describe('properties (fast-check, seeded)', () => {
  it('scores are in range for every test', () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        for (const key of TEST_KEYS) {
          const out = TEST_REGISTRY[key].run(numeric(a, b));
          if (out.score === null) continue;
          if (TEST_REGISTRY[key].kind === 'p_value') {
            expect(out.score).toBeGreaterThanOrEqual(0);
            expect(out.score).toBeLessThanOrEqual(1);
          } else {
            expect(out.score).toBeGreaterThanOrEqual(0);
            if (key === 'jensenshannon') expect(out.score).toBeLessThanOrEqual(Math.sqrt(Math.LN2) + 1e-12);
          }
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('identical samples never drift at the default thresholds', () => {
    fc.assert(
      fc.property(values, (a) => {
        for (const key of TEST_KEYS) {
          const out = TEST_REGISTRY[key].run(numeric(a, a));
          expect(isDrift(key, out.score, TEST_REGISTRY[key].defaultThreshold)).toBe(false);
        }
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it('KS is symmetric in its arguments and invariant to a common shift', () => {
    fc.assert(
      fc.property(values, values, fc.integer({ min: -1000, max: 1000 }), (a, b, s) => {
        const ab = runKs(numeric(a, b));
        const ba = runKs(numeric(b, a));
        expect(ba.statistic).toBe(ab.statistic);
        expect(ba.pValue).toBeCloseTo(ab.pValue!, 12);
        const shifted = runKs(
          numeric(
            a.map((x) => x + s),
            b.map((x) => x + s),
          ),
        );
        expect(shifted.statistic).toBe(ab.statistic);
        expect(shifted.pValue).toBe(ab.pValue);
      }),
      { seed: 1234, numRuns: 200 },
    );
  });
});
