/**
 * Cell-level conversion for numeric columns (statistics.md §1).
 * Returns the number, NaN for a missing token (empty, NA, NaN, null, None, ±Infinity, inf), or
 * `undefined` when the cell is text that is not a number (an invalid cell, counted by the caller).
 *
 * @example parseNumberCell(' 1.5e3 ') === 1500; Number.isNaN(parseNumberCell('NA')); parseNumberCell('abc') === undefined
 */
export function parseNumberCell(raw: string): number | undefined {
  if (raw.length === 0) return Number.NaN;
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
