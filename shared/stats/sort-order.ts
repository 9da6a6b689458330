/**
 * Radix sorts in the order of Float64Array.prototype.sort (ascending, −0 before +0), NaN left out, so a
 * sorted array built from them is bit for bit the one `.sort()` gives. LSD radix sort (Knuth, TAOCP vol. 3,
 * §5.2.5) on the IEEE 754 bits mapped to unsigned integers that compare as the numbers do: a negative
 * value's bits all flipped, a non-negative value's sign bit set (M. Herf, "Radix tricks", 2001).
 */

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
 * @example sortedValues(Float64Array.of(2, NaN, 0, -0, -1)) // Float64Array [-1, -0, 0, 2]
 */
export function sortedValues(values: Float64Array): Float64Array {
  if (values.length < NATIVE_BELOW) {
    let m = 0;
    for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) m++;
    const out = new Float64Array(m);
    let j = 0;
    for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[j++] = values[i];
    return out.sort();
  }
  const keys = sortKeys(values, false);
  const { hi, lo } = radixByKey(keys.hi, keys.lo, null);
  const out = new Float64Array(hi.length);
  const words = new Uint32Array(out.buffer);
  for (let k = 0; k < hi.length; k++) {
    const h = hi[k];
    const negative = h >>> 31 === 0;
    words[2 * k + 1] = negative ? ~h : h & 0x7fffffff;
    words[2 * k] = negative ? ~lo[k] : lo[k];
  }
  return out;
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
