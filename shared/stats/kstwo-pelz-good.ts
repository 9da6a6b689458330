/**
 * Pelz–Good asymptotic approximation of the two-sided one-sample KS CDF.
 */

const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;
const SQRT2PI = Math.sqrt(2 * Math.PI);
const SQRT3 = Math.sqrt(3);
const MIN_LOG = -708;

/**
 * P(Dₙ ≤ x) ≈ K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^(3/2), z = x√n, with each Kᵢ rewritten through Jacobi
 * theta functions for small z (Pelz & Good 1976). Port of SciPy's `_kolmogn_PelzGood`
 * (https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_ksstats.py), same term order.
 *
 * @example kolmognPelzGoodCdf(1000, 0.03) // 0.6773097856085364
 */
export function kolmognPelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const zsquared = z ** 2;
  const zthree = z ** 3;
  const zfour = z ** 4;
  const zsix = z ** 6;
  const qlog = -PI_SQUARED / 8 / zsquared;
  if (qlog < MIN_LOG) return 0;
  let q = Math.exp(qlog);
  const k1a = -zsquared;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * zsix + 2 * zfour;
  const k2b = ((2 * zfour - 5 * zsquared) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * zsquared)) / 16;
  const k3d = (PI_SIX * (5 - 30 * zsquared)) / 64;
  const k3c = (PI_FOUR * (-60 * zsquared + 212 * zfour)) / 16;
  const k3b = (PI_SQUARED * (135 * zfour - 96 * zsix)) / 4;
  const k3a = -30 * zsix - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const msquared = m ** 2;
    const mfour = m ** 4;
    const msix = m ** 6;
    const qpower = q ** (8 * k);
    const coeffs = [
      1,
      k1a + k1b * msquared,
      k2a + k2b * msquared + k2c * mfour,
      k3a + k3b * msquared + k3c * mfour + k3d * msix,
    ];
    for (let i = 0; i < 4; i++) K[i] = K[i] * qpower + coeffs[i];
  }
  const denoms = [z, 6 * zfour, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (K[i] * q * SQRT2PI) / denoms[i];
  q = Math.exp(-PI_SQUARED / 2 / zsquared);
  const sqrt3z = SQRT3 * z;
  let k2extra = 0;
  let k3extra = 0;
  for (let k = maxk; k > 0; k--) {
    const ksq = k * k;
    const qp = q ** ksq;
    const kspi = Math.PI * k;
    k2extra += ksq * qp;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
  }
  k2extra *= (PI_SQUARED * SQRT2PI) / (-36 * zthree);
  K[2] += k2extra;
  k3extra *= (PI_SQUARED * SQRT2PI) / (216 * zsix);
  K[3] += k3extra;
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i] / n ** (i / 2);
  return sum;
}
