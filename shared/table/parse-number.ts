/**
 * Cell-level conversion for numeric columns (docs/statistics.md §1).
 * Returns the number, NaN for a missing token (empty, NA, NaN, null, None, ±Infinity, inf), or
 * `undefined` when the cell is text that is not a number (an invalid cell, counted by the caller).
 *
 * With `decimal` ',' (a decimal-comma file, `--decimal ,`) the comma is the decimal point and a '.' makes
 * the cell text, as pandas' `decimal=","` reads it; no thousands separators either way.
 *
 * @example parseNumberCell(' 1.5e3 ') === 1500; Number.isNaN(parseNumberCell('NA')); parseNumberCell('abc') === undefined
 * @example parseNumberCell('1,5', ',') === 1.5; parseNumberCell('1.5', ',') === undefined
 */
export function parseNumberCell(raw: string, decimal: DecimalSeparator = '.'): number | undefined {
  if (decimal === ',') return parseDecimalComma(raw);
  if (raw.length === 0) return Number.NaN;
  const fast = parsePlainDecimal(raw);
  if (fast !== undefined) return fast;
  const c = raw.charCodeAt(0);
  // Fast path: plain decimal numbers start with a digit, a sign or a dot.
  if ((c >= 49 && c <= 57) || c === 45 || c === 43 || c === 46 || (c === 48 && !isRadixPrefix(raw))) {
    const x = Number(raw);
    if (!Number.isNaN(x)) return Number.isFinite(x) ? x : Number.NaN;
  }
  const t = raw.trim();
  if (t.length === 0) return Number.NaN;
  const lower = t.toLowerCase();
  if (NUMERIC_MISSING.has(lower)) return Number.NaN;
  // Number() accepts hex/binary/octal literals ("0x1f"); a data file means them as text.
  if (/^[+-]?0[xob]/i.test(t)) return undefined;
  const x = Number(t);
  if (Number.isNaN(x)) return undefined;
  return Number.isFinite(x) ? x : Number.NaN;
}

/** The decimal separator of a file's numbers. */
export type DecimalSeparator = '.' | ',';

export const DECIMAL_SEPARATORS: readonly DecimalSeparator[] = ['.', ','];

function parseDecimalComma(raw: string): number | undefined {
  if (raw.includes('.')) return undefined;
  const comma = raw.indexOf(',');
  return parseNumberCell(comma < 0 ? raw : `${raw.slice(0, comma)}.${raw.slice(comma + 1)}`);
}

/** A number written back as text with the file's decimal separator. */
export function formatNumberCell(x: number, decimal: DecimalSeparator): string {
  const text = String(x);
  return decimal === ',' ? text.replace('.', ',') : text;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Clinger's fast path for the common cell "-123.456": at most 15 significant digits, no exponent. The
 * digits form an exact integer m < 2^53 and 10^k (k ≤ 15) is exact, so m / 10^k is one correctly rounded
 * division: the same double as Number(raw). Anything else returns undefined (the caller uses Number).
 * https://doi.org/10.1145/93548.93557
 */
function parsePlainDecimal(raw: string): number | undefined {
  return parsePlainDecimalRange(raw, 0, raw.length, 46);
}

/**
 * `parsePlainDecimal` on `text` from `start` to `end`, without making the cell a string (the CSV
 * scanner's numeric cells); `point` is the char code of the decimal point (46 '.', 44 ',' for a
 * decimal-comma file, where a '.' makes the cell go the slow way).
 */
export function parsePlainDecimalRange(
  text: string,
  start: number,
  end: number,
  point: number,
): number | undefined {
  let i = start;
  let negative = false;
  const first = text.charCodeAt(start);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  const digitsStart = i;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      if (mantissa > 0 || fraction >= 0) digits++;
      if (fraction >= 0) fraction++;
    } else if (c === point && fraction < 0) fraction = 0;
    else return undefined;
  }
  if (digits > 15 || fraction > 15) return undefined;
  // "", "-", ".", "-." and "1." style cells go the slow way (Number decides).
  if (
    end === digitsStart ||
    fraction === 0 ||
    (fraction > 0 && end - digitsStart === fraction + 1 && text.charCodeAt(digitsStart) === point)
  ) {
    return undefined;
  }
  const value = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
  return negative ? -value : value;
}

const NUMERIC_MISSING = new Set([
  'na',
  'nan',
  'null',
  'none',
  'n/a',
  '<na>',
  'inf',
  '-inf',
  '+inf',
  'infinity',
  '-infinity',
  '+infinity',
]);

/** "0x…", "0o…", "0b…": Number() reads them as hex, octal or binary; in data they are text. */
function isRadixPrefix(raw: string): boolean {
  const d = raw.charCodeAt(1) | 0x20;
  return d === 0x78 || d === 0x6f || d === 0x62;
}
