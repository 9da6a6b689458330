/**
 * Several tables as one (the batch files of a timeline, read as the whole current data for the two-file
 * analysis beside the timeline). Columns: the first table's, then each later table's new ones, in order of
 * appearance. A column absent from a table is missing (NaN or code −1) in that table's rows, and a warning
 * names the file and the column. A column stored as numbers in every table stays numbers; stored as text
 * in at least one, it becomes text, with numbers written in JavaScript's shortest round-trip form.
 */
import type { Column, ColumnarTable, InvalidCell } from './columnar';
import { LabelDictionary } from './label-dictionary';

/** "a.csv … c.csv (3 files)", or the one file's name. */
export function batchesName(tables: readonly ColumnarTable[]): string {
  if (tables.length === 1) return tables[0].fileName;
  return `${tables[0].fileName} … ${tables[tables.length - 1].fileName} (${tables.length} files)`;
}

function numberColumn(name: string, parts: (Column | undefined)[], tables: readonly ColumnarTable[]) {
  const rows = tables.reduce((n, t) => n + t.rowCount, 0);
  const values = new Float64Array(rows).fill(Number.NaN);
  let offset = 0;
  let invalidCount = 0;
  let firstInvalid: InvalidCell | null = null;
  parts.forEach((part, i) => {
    if (part?.storage === 'number') {
      values.set(part.values, offset);
      invalidCount += part.invalidCount;
      firstInvalid ??= part.firstInvalid;
    }
    offset += tables[i].rowCount;
  });
  return { name, storage: 'number' as const, values, invalidCount, firstInvalid };
}

function stringColumn(name: string, parts: (Column | undefined)[], tables: readonly ColumnarTable[]) {
  const rows = tables.reduce((n, t) => n + t.rowCount, 0);
  const codes = new Int32Array(rows).fill(-1);
  const dictionary = new LabelDictionary();
  const code = (text: string) => dictionary.code(text);
  let offset = 0;
  parts.forEach((part, i) => {
    if (part?.storage === 'string') {
      const remap = part.dictionary.map(code);
      for (let r = 0; r < part.codes.length; r++) {
        const c = part.codes[r];
        if (c >= 0) codes[offset + r] = remap[c];
      }
    } else if (part?.storage === 'number') {
      for (let r = 0; r < part.values.length; r++) {
        const v = part.values[r];
        if (!Number.isNaN(v)) codes[offset + r] = code(String(v));
      }
    }
    offset += tables[i].rowCount;
  });
  return { name, storage: 'string' as const, codes, dictionary: dictionary.labels };
}

/**
 * @example concatTables([a, b]).rowCount // a.rowCount + b.rowCount
 * @throws RangeError for an empty list.
 */
export function concatTables(tables: readonly ColumnarTable[]): ColumnarTable {
  if (tables.length === 0) throw new RangeError('concatTables: no table');
  if (tables.length === 1) return tables[0];
  const names: string[] = [];
  for (const table of tables) for (const c of table.columns) if (!names.includes(c.name)) names.push(c.name);
  const warnings = tables.flatMap((t) => t.warnings);
  const columns: Column[] = names.map((name) => {
    const parts = tables.map((t) => t.columns.find((c) => c.name === name));
    parts.forEach((part, i) => {
      if (!part)
        warnings.push(`${tables[i].fileName} has no column "${name}": its rows count as missing there.`);
    });
    return parts.every((p) => p === undefined || p.storage === 'number')
      ? numberColumn(name, parts, tables)
      : stringColumn(name, parts, tables);
  });
  return {
    fileName: batchesName(tables),
    rowCount: tables.reduce((n, t) => n + t.rowCount, 0),
    columns,
    delimiter: tables[0].delimiter,
    byteLength: tables.reduce((n, t) => n + t.byteLength, 0),
    warnings,
  };
}
