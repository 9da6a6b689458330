/**
 * Loads the SciPy-generated fixtures of test/fixtures/stats (see test/fixtures/gen_stats_fixtures.py)
 * and rebuilds the large samples from their Park–Miller generator specs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../../fixtures/stats/', import.meta.url));

export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(DIR, name), 'utf8')) as T;
}

export interface PmSpec {
  seed: number;
  n: number;
  scale: number;
  shift: number;
  levels: number;
}

/** Park–Miller minimal standard generator, identical to `pm()` in gen_stats_fixtures.py. */
export function pm(spec: PmSpec): Float64Array {
  const M = 2147483647;
  let x = spec.seed;
  const out = new Float64Array(spec.n);
  for (let k = 0; k < spec.n; k++) {
    x = (16807 * x) % M;
    const u = x / M;
    out[k] = spec.levels
      ? Math.floor(u * spec.levels) * spec.scale + spec.shift
      : u * spec.scale + spec.shift;
  }
  return out;
}

export function sorted(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** |actual − expected| ≤ rel·|expected| (or both non-finite and equal). */
export function relClose(actual: number, expected: number, rel: number): boolean {
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= rel * Math.abs(expected);
}
