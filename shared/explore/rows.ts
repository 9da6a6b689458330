/**
 * The rows of a table behind one bar of the feature detail, rebuilt as text from the columnar table:
 * numbers in their shortest form (`String(x)`), strings from the dictionary, missing cells as ''.
 */
import type { Column, ColumnarTable } from '../table/columnar';
import { parseNumberCell } from '../table/parse-number';
import type { RowSelector, RowsResult } from './types';

/** One cell as text: '' for missing (and for unparseable cells of a number column, stored as NaN). */
export function cellText(column: Column, row: number): string {
  if (column.storage === 'number') {
    const x = column.values[row];
    return Number.isNaN(x) ? '' : String(x);
  }
  const code = column.codes[row];
  return code < 0 ? '' : column.dictionary[code];
}

/** Same canonical form as the analysis' category labels: "1.0" is "1". */
function canonicalLabel(label: string): string {
  const x = parseNumberCell(label);
  return x === undefined || Number.isNaN(x) ? label : String(x);
}

function inRange(x: number, s: { lo: number; hi: number; lastClosed: boolean }): boolean {
  return x >= s.lo && (x < s.hi || (s.lastClosed && x === s.hi));
}

/** A predicate on row indices for one selector, built once per request (dictionary labels parsed once). */
function matcher(column: Column, selector: RowSelector): (row: number) => boolean {
  if (selector.kind === 'rows') {
    const wanted = new Set(selector.rows);
    return (row) => wanted.has(row);
  }
  if (column.storage === 'number') {
    const values = column.values;
    if (selector.kind === 'range') return (row) => inRange(values[row], selector);
    const target = parseNumberCell(selector.label);
    if (target === undefined || Number.isNaN(target)) return () => false;
    return (row) => values[row] === target;
  }
  const codes = column.codes;
  const wanted = new Uint8Array(column.dictionary.length);
  column.dictionary.forEach((label, code) => {
    if (selector.kind === 'category') wanted[code] = canonicalLabel(label) === selector.label ? 1 : 0;
    else {
      const x = parseNumberCell(label);
      wanted[code] = x !== undefined && !Number.isNaN(x) && inRange(x, selector) ? 1 : 0;
    }
  });
  return (row) => codes[row] >= 0 && wanted[codes[row]] === 1;
}

/**
 * The first `limit` rows of `table` whose `columnName` cell falls in `selector`, with every cell as text.
 * @throws {RangeError} when the table has no such column.
 */
export function rowsBehind(
  table: ColumnarTable,
  columnName: string,
  selector: RowSelector,
  limit: number,
): RowsResult {
  const column = table.columns.find((c) => c.name === columnName);
  if (!column) throw new RangeError(`rowsBehind: ${table.fileName} has no column "${columnName}"`);
  const match = matcher(column, selector);
  const rows: RowsResult['rows'] = [];
  let matched = 0;
  for (let i = 0; i < table.rowCount; i++) {
    if (!match(i)) continue;
    matched++;
    if (rows.length < limit) rows.push({ row: i + 1, cells: table.columns.map((c) => cellText(c, i)) });
  }
  return { column: columnName, header: table.columns.map((c) => c.name), rows, matched };
}
