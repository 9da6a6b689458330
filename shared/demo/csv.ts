/**
 * Minimal CSV writer for the built-in demo: comma-delimited, '\n' line ends, a header row, RFC 4180
 * quoting (a field containing a comma, a double quote, CR or LF is wrapped in double quotes and its
 * quotes doubled), and `null` written as an empty cell (the demo's "missing").
 */

export type CsvCell = string | number | null;

/**
 * Quotes one field when RFC 4180 requires it.
 *
 * @example
 * csvField('a,b'); // '"a,b"'
 * csvField('say "hi"'); // '"say ""hi"""'
 */
export function csvField(value: CsvCell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Joins a header and rows into CSV text; every line, the last included, ends with '\n'.
 *
 * @throws RangeError when a row's length differs from the header's.
 * @example
 * toCsv(['a', 'b'], [[1, null]]); // 'a,b\n1,\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines: string[] = [header.map(csvField).join(',')];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length !== header.length) {
      throw new RangeError(`toCsv: row ${r} has ${row.length} cells, header has ${header.length}`);
    }
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}
