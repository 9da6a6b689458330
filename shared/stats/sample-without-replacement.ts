/**
 * Uniform random subsets of a sample, for the subsampled kernel tests.
 */
import type { SeededRng } from './seeded-rng';

/**
 * k distinct indices of {0, …, n − 1}, uniformly among all k-subsets, ascending (Floyd's algorithm,
 * O(k) draws). Returns all indices when k ≥ n.
 * Source: J. Bentley, R. Floyd (1987), "Programming pearls: a sample of brilliance", CACM 30(9).
 *
 * @throws {RangeError} when n or k is negative or not an integer.
 * @example sampleIndices(new SeededRng(1), 5, 5) // Int32Array [0, 1, 2, 3, 4]
 */
export function sampleIndices(rng: SeededRng, n: number, k: number): Int32Array {
  if (!(Number.isInteger(n) && Number.isInteger(k) && n >= 0 && k >= 0))
    throw new RangeError(`sampleIndices: n and k must be integers ≥ 0, got ${n}, ${k}`);
  if (k >= n) return Int32Array.from({ length: n }, (_, i) => i);
  if (k * 32 < n) {
    const chosen = new Set<number>();
    for (let j = n - k; j < n; j++) {
      const t = rng.int(j + 1);
      chosen.add(chosen.has(t) ? j : t);
    }
    return Int32Array.from(chosen).sort();
  }
  // A large share of n: the same draws marked in a byte map, read back in order (no hashing, no sort).
  const marked = new Uint8Array(n);
  for (let j = n - k; j < n; j++) {
    const t = rng.int(j + 1);
    marked[marked[t] === 1 ? j : t] = 1;
  }
  const out = new Int32Array(k);
  for (let i = 0, a = 0; a < k; i++) if (marked[i] === 1) out[a++] = i;
  return out;
}

/**
 * A uniform random subset of at most `max` values of a sorted array, still sorted (the array itself
 * when it is not longer than `max`): sampleIndices' draws, so the same generator state picks the same
 * positions whatever the array's type.
 *
 * @example subsampleSorted(new SeededRng(1), Float64Array.of(1, 2, 3), 5) // Float64Array [1, 2, 3]
 */
export function subsampleSorted<T extends Float64Array | Int32Array>(
  rng: SeededRng,
  sorted: T,
  max: number,
): T {
  if (sorted.length <= max) return sorted;
  const idx = sampleIndices(rng, sorted.length, max);
  const out = (
    sorted instanceof Float64Array ? new Float64Array(idx.length) : new Int32Array(idx.length)
  ) as T;
  for (let i = 0; i < idx.length; i++) out[i] = sorted[idx[i]];
  return out;
}
