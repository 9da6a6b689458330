/**
 * SVG coordinates of the reports' static charts: one rounding (to 0.1 px, so the markup stays short and the
 * same figures give the same bytes) and one line through a series with gaps (`M` after a missing value, `L`
 * otherwise; a missing value draws nothing).
 */

/** x rounded to 0.1: Math.round(x · 10) / 10 (idempotent, so rounding a rounded coordinate changes nothing). */
export const r1 = (x: number) => Math.round(x * 10) / 10;

/** The path data of `values` at (x(i), y(v)), broken where a value is null. */
export function gappedPath(
  values: readonly (number | null)[],
  x: (i: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  values.forEach((v, i) => {
    if (v === null) return;
    d += `${i > 0 && values[i - 1] !== null ? 'L' : 'M'}${r1(x(i))} ${r1(y(v))}`;
  });
  return d;
}
