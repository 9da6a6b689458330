/**
 * Joins labels that arrive later (a table of ID + target) onto the current table by row ID.
 */
import type { Column, ColumnarTable } from './columnar';
import { parseNumberCell } from './parse-number';

export interface JoinLabelsResult {
  table: ColumnarTable;
  /** Current rows whose ID was found among the labels. */
  matched: number;
  /** Current rows left without a label (ID missing, or not among the labels). */
  unmatched: number;
  /** Label rows whose ID had already appeared in the labels table (the first occurrence wins). */
  duplicates: number;
}

/** IDs compared in one form: numbers as their shortest decimal ("007" and 7.0 → "7"), text trimmed. */
function idKeys(column: Column): (string | null)[] {
  if (column.storage === 'number') {
    return Array.from(column.values, (x) => (Number.isNaN(x) ? null : String(x)));
  }
  const keys = column.dictionary.map((label) => {
    const x = parseNumberCell(label);
    return x === undefined || Number.isNaN(x) ? label.trim() : String(x);
  });
  return Array.from(column.codes, (code) => (code < 0 ? null : keys[code]));
}

function find(table: ColumnarTable, name: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (column === undefined) throw new RangeError(`joinLabels: ${table.fileName} has no column "${name}"`);
  return column;
}

/**
 * Adds (or replaces) `targetColumn` in `current`, taking each row's value from the `labels` row with the
 * same `idColumn` value. The first label row of an ID wins; later ones are counted as duplicates. Rows
 * without a match get a missing target. The result keeps the labels column's storage (numbers or
 * strings); `current` itself is not modified.
 *
 * @throws {RangeError} when `idColumn` is absent from either table or `targetColumn` from `labels`.
 * @example joinLabels(current, labels, 'id', 'target') // { table, matched: 3, unmatched: 1, duplicates: 1 }
 */
export function joinLabels(
  current: ColumnarTable,
  labels: ColumnarTable,
  idColumn: string,
  targetColumn: string,
): JoinLabelsResult {
  const currentIds = idKeys(find(current, idColumn));
  const labelIds = idKeys(find(labels, idColumn));
  const source = find(labels, targetColumn);
  const rowOf = new Map<string, number>();
  let duplicates = 0;
  labelIds.forEach((id, row) => {
    if (id === null) return;
    if (rowOf.has(id)) duplicates++;
    else rowOf.set(id, row);
  });
  const rows = currentIds.map((id) => (id === null ? -1 : (rowOf.get(id) ?? -1)));
  const matched = rows.filter((r) => r >= 0).length;
  let column: Column;
  if (source.storage === 'number') {
    column = {
      name: targetColumn,
      storage: 'number',
      values: Float64Array.from(rows, (r) => (r < 0 ? Number.NaN : source.values[r])),
      invalidCount: 0,
      firstInvalid: null,
    };
  } else {
    column = {
      name: targetColumn,
      storage: 'string',
      codes: Int32Array.from(rows, (r) => (r < 0 ? -1 : source.codes[r])),
      dictionary: source.dictionary.slice(),
    };
  }
  const index = current.columns.findIndex((c) => c.name === targetColumn);
  const columns = current.columns.slice();
  if (index >= 0) columns[index] = column;
  else columns.push(column);
  const warnings = current.warnings.slice();
  if (duplicates > 0)
    warnings.push(`${labels.fileName}: ${duplicates} duplicate ID(s); the first label of each ID was used.`);
  return { table: { ...current, columns, warnings }, matched, unmatched: rows.length - matched, duplicates };
}
