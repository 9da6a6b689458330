/** Plain-text building blocks of the command line's readable output: numbers, safe text, aligned tables. */

/** Four decimals, or three significant digits in exponent form for very small or large values; '-' for null. */
export function formatNumber(x: number | null): string {
  if (x === null) return '-';
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6)) return x.toExponential(3);
  return x.toFixed(4);
}

/** Strips control characters so that a column name cannot move the terminal's cursor or colours. */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/**
 * An aligned table: the header, a rule of dashes, then the rows, cells two spaces apart, each line
 * prefixed by `indent`; the columns listed in `rightAligned` are padded on the left (numbers).
 * @example textTable(['a', 'n'], [['x', '10']], '', [1]) // ['a  n', '-  --', 'x  10']
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  indent = '',
  rightAligned: readonly number[] = [],
): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: readonly string[]) =>
    indent +
    r
      .map((cell, i) => (rightAligned.includes(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)];
}
