/**
 * Seeded draws for the built-in demo (uniform, normal, Poisson, weighted pick) on the project's one
 * PRNG, so the demo is byte-identical on every JavaScript engine; `Math.random` is never used.
 */

import { SeededRng } from '../stats/seeded-rng';

const TWO_POW_32 = 4294967296;

/**
 * The demo's generator: the 32-bit xoshiro128** stream of `SeededRng` (shared/stats/seeded-rng.ts),
 * with the draws the demo needs. `uniform()` is in [0, 1) with 32 bits of resolution; `normal()` uses
 * the Box-Muller transform and keeps the second value of each pair for the next call.
 *
 * @example
 * const rng = new Rng(42);
 * rng.uniform(); // the same number for the same seed, every run
 */
export class Rng {
  private readonly core: SeededRng;
  private spare: number | null = null;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`Rng: seed must be a finite number, got ${seed}`);
    this.core = new SeededRng(seed);
  }

  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number {
    return this.core.nextUint32();
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.uniform() < p;
  }

  /** Normal with the given mean and standard deviation (Box-Muller, polar-free form). */
  normal(mean = 0, sd = 1): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return mean + sd * z;
    }
    // 1 - u is in (0, 1], so the logarithm is finite.
    const u1 = 1 - this.uniform();
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spare = r * Math.sin(theta);
    return mean + sd * r * Math.cos(theta);
  }

  /** Poisson count (Knuth's multiplication method; fine for the small means the demo uses). */
  poisson(lambda: number): number {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.uniform();
    while (p > limit) {
      k++;
      p *= this.uniform();
    }
    return k;
  }

  /** Index drawn from unnormalised non-negative weights. */
  pick(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) return i;
    }
    return weights.length - 1;
  }
}
