/**
 * Reading table columns for model quality: class labels per row (canonical strings, null = missing)
 * and numbers per row (NaN = missing or not a number). Missing follows docs/statistics.md §1.
 */
import type { Column, ColumnarTable } from '../table/columnar';
import { parseNumberCell } from '../table/parse-number';

/** Numeric-looking labels in one form ("1.0" → "1"), so target and prediction labels match. */
export function canonicalLabel(label: string): string {
  const x = parseNumberCell(label);
  return x === undefined || Number.isNaN(x) ? label.trim() : String(x);
}

/**
 * The class label of every row: `String(x)` for numbers, the canonical form for strings, null for a
 * missing cell.
 *
 * @example rowLabels(column).slice(0, 3) // ['1', '0', null]
 */
export function rowLabels(column: Column): (string | null)[] {
  const out = new Array<string | null>(
    column.storage === 'number' ? column.values.length : column.codes.length,
  );
  if (column.storage === 'number') {
    for (let i = 0; i < out.length; i++) {
      const x = column.values[i];
      out[i] = Number.isNaN(x) ? null : String(x);
    }
    return out;
  }
  const labels = column.dictionary.map(canonicalLabel);
  for (let i = 0; i < out.length; i++) {
    const code = column.codes[i];
    out[i] = code < 0 ? null : labels[code];
  }
  return out;
}

/**
 * The numeric value of every row, NaN when missing or not a number (text cells of a string column).
 *
 * @example rowNumbers(column) // Float64Array [0.25, NaN, 0.9]
 */
export function rowNumbers(column: Column): Float64Array {
  if (column.storage === 'number') return column.values;
  const values = column.dictionary.map((label) => parseNumberCell(label) ?? Number.NaN);
  const out = new Float64Array(column.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = column.codes[i] < 0 ? Number.NaN : values[column.codes[i]];
  return out;
}

/** The column named `name`; throws a RangeError naming `caller` when the table has none. */
export function requireColumn(table: ColumnarTable, name: string, caller: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (column === undefined) throw new RangeError(`${caller}: ${table.fileName} has no column "${name}"`);
  return column;
}

/** Sorts labels as sklearn's np.unique does: numerically when all are numbers, else by code unit. */
export function sortClassLabels(labels: Iterable<string>): string[] {
  const list = [...new Set(labels)];
  const numbers = list.map(Number);
  if (list.length > 0 && numbers.every((x) => Number.isFinite(x))) {
    return list
      .map((l, i) => [l, numbers[i]] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([l]) => l);
  }
  return list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
