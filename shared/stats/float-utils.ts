/**
 * Small floating-point helpers shared by the special functions: exact products and sums
 * (error-free transformations) and a safe ldexp.
 */

const SPLITTER = 134217729; // 2^27 + 1 (Veltkamp split for binary64)

/**
 * Error-free product: returns [p, e] with p = fl(a·b) and a·b = p + e exactly (Dekker's TwoProduct).
 * Source: Dekker (1971), "A floating-point technique for extending the available precision".
 *
 * @example twoProduct(0.1, 3) // [0.30000000000000004, -2.7755575615628914e-17]
 */
export function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const e = al * bl - (p - ah * bh - al * bh - ah * bl);
  return [p, e];
}

/**
 * Error-free sum: returns [s, e] with s = fl(a + b) and a + b = s + e exactly (Knuth's TwoSum).
 *
 * @example twoSum(1, 1e-17) // [1, 1e-17]
 */
export function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  const e = a - (s - bb) + (b - bb);
  return [s, e];
}

/**
 * x·2^e without intermediate overflow or underflow of the power of two (C `ldexp`).
 *
 * @example ldexp(1, -1074) // 5e-324
 */
export function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

/**
 * Neumaier-compensated sum of `values` (error independent of n to first order).
 * Source: Neumaier (1974); d3-array `fsum` uses the same idea.
 *
 * @example compensatedSum([1e16, 1, -1e16]) // 1
 */
export function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) c += sum - t + v;
    else c += v - t + sum;
    sum = t;
  }
  return sum + c;
}
