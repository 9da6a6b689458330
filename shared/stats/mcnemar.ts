/**
 * McNemar's exact test on paired binary outcomes (which rows each of two models gets right), as
 * statsmodels 0.13.5 `statsmodels.stats.contingency_tables.mcnemar(table, exact=True)`: only the
 * discordant pairs count, b = rows the first model gets right and the second wrong, c = the opposite;
 * under H₀ b ~ Binomial(b + c, ½), statistic = min(b, c), p = min(1, 2·P(X ≤ min(b, c))).
 * Source: https://github.com/statsmodels/statsmodels/blob/v0.13.5/statsmodels/stats/contingency_tables.py
 */
import { binomCdf } from './binomial';

export interface McNemarResult {
  statistic: number;
  pValue: number;
  b: number;
  c: number;
}

/**
 * Exact McNemar test from the discordant counts. b = c = 0 gives p = 1 (statsmodels: binom.cdf(0, 0) = 1,
 * doubled and limited to 1).
 *
 * @throws {RangeError} when b or c is not a non-negative integer.
 * @example mcnemarExact(10, 3) // { statistic: 3, pValue: 0.09228515625, b: 10, c: 3 }
 */
export function mcnemarExact(b: number, c: number): McNemarResult {
  if (!(Number.isInteger(b) && Number.isInteger(c) && b >= 0 && c >= 0))
    throw new RangeError(`mcnemarExact: counts must be integers >= 0, got ${b}, ${c}`);
  const statistic = Math.min(b, c);
  const pValue = Math.min(1, 2 * binomCdf(statistic, b + c, 0.5));
  return { statistic, pValue, b, c };
}
