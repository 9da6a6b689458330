/**
 * The tests' seeded uniform generator, for reproducible generated data (fixtures, benchmarks, test
 * tables): mulberry32 (Tommy Ettinger), a 32-bit PRNG. Not the app's PRNG (shared/stats/seeded-rng.ts).
 *
 * @param {number} seed
 * @returns {() => number} draws uniform in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
