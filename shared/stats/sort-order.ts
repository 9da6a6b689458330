/**
 * Radix sorts in the order of Float64Array.prototype.sort (ascending, −0 before +0), NaN left out, so a
 * sorted array built from them is bit for bit the one `.sort()` gives. LSD radix sort (Knuth, TAOCP vol. 3,
 * §5.2.5) on the IEEE 754 bits mapped to unsigned integers that compare as the numbers do: a negative
 * value's bits all flipped, a non-negative value's sign bit set (M. Herf, "Radix tricks", 2001).
 */

import { type Float64Storage, plainFloat64 } from './float64-storage';

const BITS = 11;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;
/** Below this length the native sort wins (a radix pass costs 2¹¹ bucket updates whatever the length). */
const NATIVE_BELOW = 1024;

/** The non-NaN values of `values` as 64-bit sort keys (hi, lo words), with their indices when asked. */
function sortKeys(values: Float64Array, withIndex: boolean) {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n); // little-endian: lo, hi
  let m = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) m++;
  const hi = new Uint32Array(m);
  const lo = new Uint32Array(m);
  const idx = withIndex ? new Int32Array(m) : null;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) continue;
    const h = words[2 * i + 1];
    const l = words[2 * i];
    const negative = h >>> 31 === 1;
    hi[k] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    lo[k] = negative ? ~l >>> 0 : l;
    if (idx) idx[k] = i;
    k++;
  }
  return { hi, lo, idx };
}

/**
 * Stable LSD sort by the 64-bit keys (hi, lo) in six passes of 11 bits, `idx` (when given) permuted with
 * them; a pass in which every key has the same digit is skipped. Returns the sorted arrays (the inputs or
 * their scratch copies).
 */
function radixByKey(hi: Uint32Array, lo: Uint32Array, idx: Int32Array | null) {
  const m = hi.length;
  const counts = new Int32Array(6 * RADIX);
  for (let i = 0; i < m; i++) {
    const l = lo[i];
    const h = hi[i];
    counts[l & MASK]++;
    counts[RADIX + ((l >>> BITS) & MASK)]++;
    counts[2 * RADIX + (l >>> (2 * BITS))]++;
    counts[3 * RADIX + (h & MASK)]++;
    counts[4 * RADIX + ((h >>> BITS) & MASK)]++;
    counts[5 * RADIX + (h >>> (2 * BITS))]++;
  }
  let keyHi = hi;
  let keyLo = lo;
  let at = idx;
  let hi2: Uint32Array | null = null;
  let lo2: Uint32Array | null = null;
  let at2: Int32Array | null = null;
  for (let pass = 0; pass < 6; pass++) {
    const base = pass * RADIX;
    const shift = (pass % 3) * BITS;
    const key = pass < 3 ? keyLo : keyHi;
    if (m === 0 || counts[base + ((key[0] >>> shift) & MASK)] === m) continue;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = counts[base + d];
      counts[base + d] = sum;
      sum += c;
    }
    hi2 ??= new Uint32Array(m);
    lo2 ??= new Uint32Array(m);
    if (at) at2 ??= new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const to = counts[base + ((key[i] >>> shift) & MASK)]++;
      hi2[to] = keyHi[i];
      lo2[to] = keyLo[i];
      if (at) (at2 as Int32Array)[to] = at[i];
    }
    [keyHi, hi2] = [hi2, keyHi];
    [keyLo, lo2] = [lo2, keyLo];
    [at, at2] = [at2, at];
  }
  return { hi: keyHi, lo: keyLo, idx: at };
}

/**
 * The non-NaN values of `values`, sorted: `values.filter((x) => !Number.isNaN(x)).sort()` bit for bit.
 * LSD radix sort on the high 32 bits of the key only (three passes of 11 bits, moving whole doubles: one
 * store per value), then each run of equal high words (same sign, exponent and top 20 mantissa bits) is
 * sorted in place: by insertion when short, natively when longer, by a radix sort of the low words when
 * long. On 1,000,000 values (test/bench/bench-sort.mjs) it takes 0.33–0.63 of the native sort's time,
 * where the six 11-bit passes over both words took 0.51–1.03; half the scratch memory.
 * `storage` allocates the result and the scratch array (float64-storage.ts); a `spare` must come from the
 * same storage, since the result may be it.
 * @example sortedValues(Float64Array.of(2, NaN, 0, -0, -1)) // Float64Array [-1, -0, 0, 2]
 */
export function sortedValues(
  values: Float64Array,
  spare?: SortSpare,
  storage: Float64Storage = plainFloat64,
): Float64Array {
  const n = values.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) m++;
  let out: Float64Array = storage(m);
  if (m < NATIVE_BELOW) {
    let j = 0;
    for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) out[j++] = values[i];
    return out.sort();
  }
  const wordsOf = (a: Float64Array) => new Uint32Array(a.buffer, a.byteOffset, 2 * a.length);
  // The copy without NaN and the three digit counts in one pass.
  const counts = new Int32Array(3 * RADIX);
  const input = wordsOf(values);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (Number.isNaN(x)) continue;
    out[j++] = x;
    const key = highKey(input[2 * i + 1]);
    counts[key & MASK]++;
    counts[RADIX + ((key >>> BITS) & MASK)]++;
    counts[2 * RADIX + (key >>> (2 * BITS))]++;
  }
  let words = wordsOf(out);
  let scratch: Float64Array | null =
    spare?.array && spare.array.length >= m ? spare.array.subarray(0, m) : null;
  for (let pass = 0; pass < 3; pass++) {
    const base = pass * RADIX;
    const shift = pass * BITS;
    if (counts[base + ((highKey(words[1]) >>> shift) & MASK)] === m) continue;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = counts[base + d];
      counts[base + d] = sum;
      sum += c;
    }
    scratch ??= storage(m);
    for (let i = 0; i < m; i++) {
      scratch[counts[base + ((highKey(words[2 * i + 1]) >>> shift) & MASK)]++] = out[i];
    }
    [out, scratch] = [scratch, out];
    words = wordsOf(out);
  }
  // Runs of one high word are then sorted by their low words, unless those are all equal (a run of one
  // repeated value: an integer column's, whose low words are 0).
  let start = 0;
  let mixed = false;
  for (let i = 1; i <= m; i++) {
    if (i < m && words[2 * i + 1] === words[2 * start + 1]) {
      mixed ||= words[2 * i] !== words[2 * start];
      continue;
    }
    if (!mixed) {
      start = i;
      continue;
    }
    mixed = false;
    if (i - start > LONG_RUN) {
      scratch ??= storage(m);
      sortRunByLowWord(out, scratch, start, i);
    } else if (i - start > 16) out.subarray(start, i).sort();
    else {
      for (let a = start + 1; a < i; a++) {
        const x = out[a];
        let b = a - 1;
        while (b >= start && out[b] > x) {
          out[b + 1] = out[b];
          b--;
        }
        out[b + 1] = x;
      }
    }
    start = i;
  }
  if (spare && scratch) spare.array = new Float64Array(scratch.buffer);
  return out;
}

/**
 * A scratch array handed from one `sortedValues` call to the next (the one of the two arrays the sort
 * used that it did not return), so that sorting the columns of a table allocates one array per column.
 */
export class SortSpare {
  array: Float64Array | null = null;
}

/** Runs longer than this are sorted by a radix sort of their low words rather than natively. */
const LONG_RUN = 4096;

/**
 * Sorts out[start, end), whose values share their high word (so their sign), by the low word of the key
 * (flipped when negative): LSD passes of 11 bits through `scratch`, the result back in `out`. A pass whose
 * digit is the same for the whole run is skipped, so a run of one repeated value (an integer column's,
 * whose low words are all 0) costs one counting pass.
 */
function sortRunByLowWord(out: Float64Array, scratch: Float64Array, start: number, end: number): void {
  const negative = out[start] < 0 || Object.is(out[start], -0);
  const n = end - start;
  const lowKey = (w: number) => (negative ? ~w : w) >>> 0;
  const counts = new Int32Array(3 * RADIX);
  const first = new Uint32Array(out.buffer, out.byteOffset + start * 8, 2 * n);
  for (let i = 0; i < n; i++) {
    const key = lowKey(first[2 * i]);
    counts[key & MASK]++;
    counts[RADIX + ((key >>> BITS) & MASK)]++;
    counts[2 * RADIX + (key >>> (2 * BITS))]++;
  }
  const key0 = lowKey(first[0]);
  let from = out.subarray(start, end);
  let to = scratch.subarray(start, end);
  for (let pass = 0; pass < 3; pass++) {
    const base = pass * RADIX;
    const shift = pass * BITS;
    if (counts[base + ((key0 >>> shift) & MASK)] === n) continue;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = counts[base + d];
      counts[base + d] = sum;
      sum += c;
    }
    const words = new Uint32Array(from.buffer, from.byteOffset, 2 * n);
    for (let i = 0; i < n; i++) to[counts[base + ((lowKey(words[2 * i]) >>> shift) & MASK)]++] = from[i];
    [from, to] = [to, from];
  }
  if (from.buffer !== out.buffer) out.set(from, start);
}

/** The high word of a double's sort key: bits flipped when negative, sign bit set otherwise. */
function highKey(h: number): number {
  return (h >>> 31 === 1 ? ~h : h | 0x80000000) >>> 0;
}

/**
 * Indices of the non-NaN values of `values`, in the order Float64Array.prototype.sort puts those values
 * (equal values in index order).
 * @example sortOrder(Float64Array.of(2, NaN, -1, 0, -0)) // Int32Array [2, 4, 3, 0]
 */
export function sortOrder(values: Float64Array): Int32Array {
  const keys = sortKeys(values, true);
  return radixByKey(keys.hi, keys.lo, keys.idx).idx as Int32Array;
}
