// @vitest-environment node
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../../../electron/engine/load-csv';
import { DatasetError } from '../../../../shared/dataset-error';
import type { NumberColumn, StringColumn } from '../../../../shared/table/columnar';

const fixture = (name: string) => path.join(__dirname, '..', '..', '..', 'fixtures', 'csv', name);

async function loadError(file: string): Promise<DatasetError> {
  try {
    await loadCsv(file);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }
  throw new Error(`expected ${file} to fail`);
}

describe('loadCsv: good files', () => {
  it('reads a TSV with missing tokens into number and string columns', async () => {
    const table = await loadCsv(fixture('tabs.tsv'));
    expect(table.delimiter).toBe('\t');
    expect(table.rowCount).toBe(3);
    const value = table.columns[1] as NumberColumn;
    expect(value.storage).toBe('number');
    expect(Array.from(value.values)).toEqual([0.5, 1.5, Number.NaN]);
    const group = table.columns[2] as StringColumn;
    expect(group.storage).toBe('string');
    expect(Array.from(group.codes).map((c) => group.dictionary[c])).toEqual(['x', 'y', 'x']);
  });

  it('strips a UTF-8 BOM and detects a semicolon delimiter (decimal commas stay text)', async () => {
    const table = await loadCsv(fixture('bom-semicolon.csv'));
    expect(table.delimiter).toBe(';');
    expect(table.columns.map((c) => c.name)).toEqual(['x', 'y', 'label']);
    expect(table.columns[0].storage).toBe('string');
  });

  it('keeps quoted delimiters, quotes and line breaks inside fields', async () => {
    const table = await loadCsv(fixture('quoted.csv'));
    expect(table.columns.map((c) => c.name)).toEqual(['name, quoted', 'multi\nline', 'n']);
    const first = table.columns[0] as StringColumn;
    expect(first.dictionary[first.codes[0]]).toBe('a "q"');
    expect(table.rowCount).toBe(2);
  });

  it('counts a non-numeric value in a numeric column as invalid, with its line', async () => {
    const table = await loadCsv(fixture('bad-number.csv'));
    const value = table.columns[0] as NumberColumn;
    expect(value.storage).toBe('number');
    expect(value.invalidCount).toBe(1);
    expect(value.firstInvalid).toEqual({ line: 4, value: 'abc' });
  });

  it('reports progress up to the file size and never modifies the file', async () => {
    const file = fixture('tabs.tsv');
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const seen: number[] = [];
    await loadCsv(file, { onProgress: (p) => seen.push(p.bytesRead / p.bytesTotal), progressIntervalMs: 0 });
    expect(seen.at(-1)).toBe(1);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });
});

describe('loadCsv: bad input gets a message naming the file', () => {
  it('empty file', async () => {
    const error = await loadError(fixture('empty.csv'));
    expect(error.message).toBe(`${fixture('empty.csv')} is empty (0 bytes).`);
    expect(error.file).toBe(fixture('empty.csv'));
  });

  it('header only', async () => {
    const error = await loadError(fixture('header-only.csv'));
    expect(error.message).toBe(`${fixture('header-only.csv')} has a header but no data rows.`);
  });

  it('binary file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-bin-'));
    const file = path.join(dir, 'model.bin');
    // No known signature (a zip's "PK\x03\x04" would be named as a zip archive): NUL and control bytes.
    writeFileSync(
      file,
      Buffer.from([0x07, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x01, 0x02]),
    );
    const error = await loadError(file);
    expect(error.message).toBe(
      `${file} looks like a binary file, not a CSV or TSV text file (it contains control bytes).`,
    );
  });

  it('missing file', async () => {
    const error = await loadError(fixture('no-such-file.csv'));
    expect(error.message).toBe(`Cannot open ${fixture('no-such-file.csv')}: it does not exist.`);
  });

  it('ragged rows: padded and reported with the first line', async () => {
    const table = await loadCsv(fixture('ragged.csv'));
    expect(table.rowCount).toBe(4);
    expect(table.warnings.join(' ')).toContain(
      '2 of 4 rows do not have 3 fields like the header (first: line 3, 2 fields)',
    );
    const c = table.columns[2] as NumberColumn;
    expect(Number.isNaN(c.values[1])).toBe(true);
  });

  it('mostly ragged rows: an error naming the line and the delimiter', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-rag-'));
    const file = path.join(dir, 'broken.csv');
    writeFileSync(file, 'a,b,c\n1,2\n3,4\n5,6,7\n');
    const error = await loadError(file);
    expect(error.message).toBe(
      `${file}: 2 of 3 rows do not have 3 fields like the header (first: line 2, 2 fields). Is the delimiter (comma) right?`,
    );
    expect(error.line).toBe(2);
  });

  it('unsupported delimiter: loads one column and warns', async () => {
    const table = await loadCsv(fixture('colon-delimited.csv'));
    expect(table.columns.map((c) => c.name)).toEqual(['a:b:c']);
    expect(table.warnings[0]).toMatch(/colon-delimited\.csv: only one column found/);
  });
});
