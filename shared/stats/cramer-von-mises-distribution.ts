/**
 * Null distributions of the Cramér–von Mises statistic used by the two-sample test: the limiting
 * distribution (infinite sample size) and the exact distribution of the two-sample U statistic.
 */
import { besselKScaled } from './bessel-k';
import { logGamma } from './log-gamma';

/** π^1.5 as NumPy computes `np.pi**1.5`. */
const PI_1_5 = 5.568327996831708;

/**
 * CDF of the limiting (n → ∞) Cramér–von Mises distribution,
 * F(x) = Σ_k Γ(k + ½)/(Γ(k + 1)·π^1.5·√x) · √(4k + 1) · e^(−(4k+1)²/(16x)) · K_¼((4k+1)²/(16x)),
 * summing terms until one is below 1e-7 (that term included), exactly as SciPy 1.10.1 `_cdf_cvm_inf`
 * (Csörgő & Faraway 1996, eq. 1.2). Not accurate for x > 4, where F is very close to 1 (SciPy's remark).
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_hypotests.py
 *
 * @throws {RangeError} when x ≤ 0.
 * @example cdfCvmInf(0.5) // 0.9601667824343925 (SciPy: 0.9601667824343907)
 */
export function cdfCvmInf(x: number): number {
  if (!(x > 0)) throw new RangeError(`cdfCvmInf: x must be > 0, got ${x}`);
  let tot = 0;
  for (let k = 0; ; k++) {
    const u = Math.exp(logGamma(k + 0.5) - logGamma(k + 1)) / (PI_1_5 * Math.sqrt(x));
    const y = 4 * k + 1;
    const q = (y * y) / (16 * x);
    // e^(−q)·K_¼(q) = e^(−2q)·kve(¼, q)
    const z = u * Math.sqrt(y) * Math.exp(-2 * q) * besselKScaled(0.25, q);
    tot += z;
    if (!(Math.abs(z) >= 1e-7)) break;
  }
  return tot;
}

/** Python's float floor division a // b (exact for the integer-valued doubles used here). */
function floorDiv(a: number, b: number): number {
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  const fl = Math.floor(div);
  return div - fl > 0.5 ? fl + 1 : fl;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Exact binomial coefficient C(n, k) for results below 2^53. */
function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** A frequency table: distinct values ascending, with their counts. */
interface Table {
  values: Float64Array;
  freq: Float64Array;
}

/** Merge of two tables (counts of equal values added), as SciPy's `intersect1d` + `concatenate` step. */
function mergeTables(p: Table, q: Table): Table {
  const values = new Float64Array(p.values.length + q.values.length);
  const freq = new Float64Array(values.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < p.values.length || j < q.values.length) {
    if (j >= q.values.length || (i < p.values.length && p.values[i] < q.values[j])) {
      values[k] = p.values[i];
      freq[k++] = p.freq[i++];
    } else if (i >= p.values.length || q.values[j] < p.values[i]) {
      values[k] = q.values[j];
      freq[k++] = q.freq[j++];
    } else {
      values[k] = p.values[i];
      freq[k++] = p.freq[i++] + q.freq[j++];
    }
  }
  return { values: values.subarray(0, k), freq: freq.subarray(0, k) };
}

/**
 * Exact p-value P(U ≥ s) of the two-sample Cramér–von Mises statistic U = m·Σ(rᵢ − i)² + n·Σ(sⱼ − j)²
 * for sample sizes m and n, by the frequency-table recursion of Xiao, Gordon & Yakovlev (2006),
 * Algorithm 1 (SciPy 1.10.1 `_pval_cvm_2samp_exact`). Counts are integers below 2^53 for m, n ≤ 20,
 * so the result equals SciPy's: the count of tables with value ≥ ζ divided by C(m + n, m), where
 * ζ = lcm²(m + n)(6s − mn(4mn − 1)) // (6m²n²).
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_hypotests.py
 *
 * @throws {RangeError} when m or n is not an integer in 1..30.
 * @example cvm2sampExactPValue(81, 3, 3) // 0.1 (scipy.stats._hypotests._pval_cvm_2samp_exact(81, 3, 3): 0.1)
 */
export function cvm2sampExactPValue(s: number, m: number, n: number): number {
  if (!(Number.isInteger(m) && Number.isInteger(n) && m >= 1 && n >= 1 && m <= 30 && n <= 30))
    throw new RangeError(`cvm2sampExactPValue: sizes must be integers in 1..30, got ${m}, ${n}`);
  const lcm = (m / gcd(m, n)) * n;
  const a = lcm / m;
  const b = lcm / n;
  const mn = m * n;
  const zeta = floorDiv(lcm * lcm * (m + n) * (6 * s - mn * (4 * mn - 1)), 6 * mn * mn);
  const empty: Table = { values: new Float64Array(0), freq: new Float64Array(0) };
  let gs: Table[] = [{ values: Float64Array.of(0), freq: Float64Array.of(1) }];
  for (let v = 0; v < m; v++) gs.push(empty);
  for (let u = 0; u <= n; u++) {
    const next: Table[] = [];
    let tmp = empty;
    for (let v = 0; v <= m; v++) {
      tmp = mergeTables(tmp, gs[v]);
      const d = (a * v - b * u) ** 2;
      for (let i = 0; i < tmp.values.length; i++) tmp.values[i] += d;
      next.push(tmp);
    }
    gs = next;
  }
  const { values, freq } = gs[m];
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] >= zeta) count += freq[i];
  return count / binomial(m + n, m);
}
