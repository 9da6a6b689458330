// @vitest-environment node
// The loader on every file of the bad-input corpus (test/fixtures/bad-input/generate.mjs writes the files
// and manifest.json): what each case's manifest says the loader must do, on the real file, named by the
// path as a user in files/ gives it. The expectations are the corpus' own data (the generator knows the
// encoding, line and value it wrote), not numbers computed here.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTable } from '../../../../electron/engine/load-table';
import { DatasetError } from '../../../../shared/dataset-error';
import type { Column } from '../../../../shared/table/columnar';
import { type Encoding, parseEncodingName } from '../../../../shared/table/encoding';
import type { DecimalSeparator } from '../../../../shared/table/parse-number';

const corpus = path.join(__dirname, '..', '..', '..', 'fixtures', 'bad-input');
const files = path.join(corpus, 'files');

interface Case {
  name: string;
  reference: string;
  current: string;
  args?: string[];
  expect: {
    load: 'ok' | 'error';
    message?: string;
    line?: number;
    rows?: number;
    delimiter?: string;
    compression?: string;
    columns?: string[];
    encoding?: { reference: string; current: string };
    firstValue?: Record<string, string>;
    firstInvalid?: { column: string; line: number; value: string };
    storage?: Record<string, 'number' | 'string'>;
    loadWarning?: string;
  };
}

const { cases } = JSON.parse(readFileSync(path.join(corpus, 'manifest.json'), 'utf8')) as { cases: Case[] };

function flag(args: string[] | undefined, name: string): string | undefined {
  const i = args?.indexOf(name) ?? -1;
  return i >= 0 ? args![i + 1] : undefined;
}

function firstCell(column: Column): string | number {
  return column.storage === 'number' ? column.values[0] : column.dictionary[column.codes[0]];
}

describe('loader on the bad-input corpus', () => {
  it('has the cases of issue 10', () => {
    const names = cases.map((c) => c.name);
    for (const name of [
      'latin1-current',
      'latin1-many-accents',
      'utf16le-bom',
      'utf16be-nobom',
      'binary',
      'gzip-csv',
      'xlsx',
      'parquet',
      'ragged-after-quoted-newlines',
      'ragged-after-blank-lines',
      'same-base-name',
      'decimal-comma',
      'labels-default-target',
      'empty',
      'header-only',
    ])
      expect(names).toContain(name);
  });

  for (const c of cases) {
    it(`${c.name}: ${c.expect.load}`, async () => {
      const file = path.join(files, c.current);
      const before = readFileSync(file);
      const mtime = statSync(file).mtimeMs;
      const encodingFlag = flag(c.args, '--encoding');
      const options = {
        displayPath: c.current,
        decimal: flag(c.args, '--decimal') as DecimalSeparator | undefined,
        encoding: encodingFlag === undefined ? undefined : (parseEncodingName(encodingFlag) as Encoding),
        memoryAvailable: Number.POSITIVE_INFINITY,
      };
      const e = c.expect;
      if (e.load === 'error') {
        const error = await loadTable(file, options).then(
          () => null,
          (err: unknown) => err,
        );
        expect(error).toBeInstanceOf(DatasetError);
        expect((error as DatasetError).message).toContain(e.message!);
        // The path as given, never only the base name.
        expect((error as DatasetError).message).toContain(c.current);
        expect((error as DatasetError).file).toBe(c.current);
        if (e.line !== undefined) expect((error as DatasetError).line).toBe(e.line);
      } else {
        const table = await loadTable(file, options);
        const column = (name: string) => table.columns.find((col) => col.name === name)!;
        if (e.rows !== undefined) expect(table.rowCount).toBe(e.rows);
        if (e.delimiter !== undefined) expect(table.delimiter).toBe(e.delimiter);
        if (e.compression !== undefined) expect(table.compression).toBe(e.compression);
        if (e.columns !== undefined) expect(table.columns.map((col) => col.name)).toEqual(e.columns);
        if (e.encoding !== undefined) expect(table.encoding).toBe(e.encoding.current);
        for (const [name, value] of Object.entries(e.firstValue ?? {}))
          expect(firstCell(column(name))).toBe(value);
        for (const [name, storage] of Object.entries(e.storage ?? {}))
          expect(column(name).storage).toBe(storage);
        if (e.firstInvalid !== undefined) {
          const col = column(e.firstInvalid.column);
          expect(col.storage).toBe('number');
          if (col.storage === 'number')
            expect(col.firstInvalid).toEqual({ line: e.firstInvalid.line, value: e.firstInvalid.value });
        }
        if (e.loadWarning !== undefined) expect(table.warnings.join('\n')).toContain(e.loadWarning);
        else expect(table.warnings).toEqual([]);
      }
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(statSync(file).mtimeMs).toBe(mtime);
    });
  }
});
