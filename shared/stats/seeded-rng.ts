/**
 * A small seeded pseudo-random generator for permutation tests and subsampling. Randomness is always a
 * parameter (style habit 5): no analysis function calls `Math.random()`.
 */

/** Default seed of the registry's permutation tests (tvd, empirical_mmd), so verdicts are reproducible. */
export const DEFAULT_SEED = 20240611;

/** SplitMix32 step, used to expand one 32-bit seed into the four words of xoshiro128**. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * xoshiro128** (Blackman & Vigna, 2018): 128-bit state, period 2^128 − 1, 32-bit outputs; the state
 * is seeded from one integer by SplitMix32. `next()` combines two outputs into a 53-bit uniform double
 * in [0, 1); `int(n)` is uniform on {0, …, n − 1} (rejection sampling, no modulo bias).
 * Source: https://prng.di.unimi.it/xoshiro128starstar.c
 *
 * @throws {RangeError} when the seed is not a finite number.
 * @example new SeededRng(1).int(10) // the same integer in 0..9 on every run with seed 1
 */
export class SeededRng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`SeededRng: seed must be finite, got ${seed}`);
    const st = { s: Math.trunc(seed) | 0 };
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
  }

  /** Next 32-bit unsigned output. */
  nextUint32(): number {
    const t = this.b << 9;
    const x = Math.imul(this.b, 5);
    const r = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = (this.d << 11) | (this.d >>> 21);
    return r;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /**
   * Uniform integer in {0, …, n − 1}.
   *
   * @throws {RangeError} when n is not an integer in [1, 2^32].
   */
  int(n: number): number {
    if (!(Number.isInteger(n) && n >= 1 && n <= 4294967296))
      throw new RangeError(`SeededRng.int: n must be an integer in [1, 2^32], got ${n}`);
    // Largest multiple of n below 2^32; reject above it.
    const limit = 4294967296 - (4294967296 % n);
    for (;;) {
      const r = this.nextUint32();
      if (r < limit) return r % n;
    }
  }
}
