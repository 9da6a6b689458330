/**
 * Standard normal distribution: error function, complementary error function, CDF and survival
 * function, ported from Cephes `ndtr.c` (the code behind `scipy.special.ndtr`, `erf`, `erfc`).
 */

const SQRT1_2 = Math.SQRT1_2;
/** Cephes MAXLOG = log(DBL_MAX). */
const MAXLOG = 709.782712893384;

const P = [
  2.461969814735305e-10, 0.5641895648310689, 7.463210564422699, 48.63719709856814, 196.5208329560771,
  526.4451949954773, 934.5285271719576, 1027.5518868951572, 557.5353353693994,
];
const Q = [
  13.228195115474499, 86.70721408859897, 354.9377788878199, 975.7085017432055, 1823.9091668790973,
  2246.3376081871097, 1656.6630919416134, 557.5353408177277,
];
const R = [
  0.5641895835477551, 1.275366707599781, 5.019050422511805, 6.160210979930536, 7.4097426995044895,
  2.9788666537210022,
];
const S = [
  2.2605286322011726, 9.396035249380015, 12.048953980809666, 17.08144507475659, 9.608968090632859,
  3.369076451000815,
];
const T = [9.604973739870516, 90.02601972038427, 2232.005345946843, 7003.325141128051, 55592.30130103949];
const U = [33.56171416475031, 521.3579497801527, 4594.323829709801, 22629.000061389095, 49267.39426086359];

/** Horner evaluation of c[0]·x^N + … + c[N] (Cephes `polevl`). */
function polevl(x: number, c: readonly number[]): number {
  let ans = c[0];
  for (let i = 1; i < c.length; i++) ans = ans * x + c[i];
  return ans;
}

/** Horner evaluation with an implicit leading coefficient 1 (Cephes `p1evl`). */
function p1evl(x: number, c: readonly number[]): number {
  let ans = x + c[0];
  for (let i = 1; i < c.length; i++) ans = ans * x + c[i];
  return ans;
}

/**
 * Error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt.
 *
 * Rational approximation x·T(x²)/U(x²) for |x| ≤ 1, else 1 − erfc(x) (Cephes `erf`, peak relative
 * error 3.7e-16). Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/special/cephes/ndtr.c
 *
 * @example erf(0.5) // 0.5204998778130465
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return -erf(-x);
  if (x > 1) return 1 - erfc(x);
  const z = x * x;
  return (x * polevl(z, T)) / p1evl(z, U);
}

/**
 * Complementary error function erfc(x) = 1 − erf(x) = 2/√π ∫ₓ^∞ e^(−t²) dt, accurate in the upper tail
 * (relative error ≈ 1e-14 up to x = 26.6; 0 beyond, where it underflows).
 *
 * erfc(x) = e^(−x²)·P(x)/Q(x) for 1 ≤ x < 8, e^(−x²)·R(x)/S(x) for x ≥ 8 (Cephes `erfc`).
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/special/cephes/ndtr.c
 *
 * @example erfc(3) // 2.2090496998585445e-5
 */
export function erfc(a: number): number {
  if (Number.isNaN(a)) return Number.NaN;
  const x = Math.abs(a);
  if (x < 1) return 1 - erf(a);
  const z = -a * a;
  if (z < -MAXLOG) return a < 0 ? 2 : 0;
  const e = Math.exp(z);
  const y = x < 8 ? (e * polevl(x, P)) / p1evl(x, Q) : (e * polevl(x, R)) / p1evl(x, S);
  const out = a < 0 ? 2 - y : y;
  if (out !== 0) return out;
  return a < 0 ? 2 : 0;
}

/**
 * Standard normal CDF Φ(x) = ½·erfc(−x/√2), as `scipy.special.ndtr` / `scipy.stats.norm.cdf`.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/special/cephes/ndtr.c
 *
 * @example normCdf(1.96) // 0.9750021048517795
 */
export function normCdf(a: number): number {
  if (Number.isNaN(a)) return Number.NaN;
  const x = a * SQRT1_2;
  const z = Math.abs(x);
  if (z < SQRT1_2) return 0.5 + 0.5 * erf(x);
  const y = 0.5 * erfc(z);
  return x > 0 ? 1 - y : y;
}

/**
 * Standard normal survival function 1 − Φ(x) = Φ(−x), computed without cancellation so it stays
 * accurate in the upper tail (`scipy.stats.norm.sf`, which is `ndtr(-x)`).
 *
 * @example normSf(5) // 2.866515718791933e-7
 */
export function normSf(x: number): number {
  return normCdf(-x);
}
