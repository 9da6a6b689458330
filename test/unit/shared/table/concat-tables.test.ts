import { describe, expect, it } from 'vitest';
import type { ColumnarTable, StringColumn } from '../../../../shared/table/columnar';
import { concatTables } from '../../../../shared/table/concat-tables';
import { textTable } from '../../../helpers/text-table';

const table = (fileName: string, columns: Record<string, string[]>): ColumnarTable =>
  textTable(fileName, columns, { byteLength: 10 });

const texts = (c: StringColumn) => Array.from(c.codes, (k) => (k < 0 ? null : c.dictionary[k]));

describe('concatTables', () => {
  it('stacks rows; a column absent from one table is missing there, with a warning naming file and column', () => {
    const a = table('a.csv', { x: ['1', '2'], color: ['red', 'blue'] });
    const b = table('b.csv', { x: ['3', '4', ''] });
    const c = table('c.csv', { x: ['5'], color: ['green'], extra: ['e'] });
    const all = concatTables([a, b, c]);
    expect(all.fileName).toBe('a.csv … c.csv (3 files)');
    expect(all.rowCount).toBe(6);
    expect(all.byteLength).toBe(30);
    expect(all.columns.map((col) => col.name)).toEqual(['x', 'color', 'extra']);
    const x = all.columns[0];
    expect(x.storage === 'number' && Array.from(x.values)).toEqual([1, 2, 3, 4, Number.NaN, 5]);
    expect(texts(all.columns[1] as StringColumn)).toEqual(['red', 'blue', null, null, null, 'green']);
    expect(texts(all.columns[2] as StringColumn)).toEqual([null, null, null, null, null, 'e']);
    expect(all.warnings).toEqual([
      'b.csv has no column "color": its rows count as missing there.',
      'a.csv has no column "extra": its rows count as missing there.',
      'b.csv has no column "extra": its rows count as missing there.',
    ]);
  });

  it('a column stored as text in one table becomes text, numbers in their shortest form', () => {
    const a = table('a.csv', { v: ['1.5', '2'] });
    const b = table('b.csv', { v: ['x', 'y'] });
    const v = concatTables([a, b]).columns[0] as StringColumn;
    expect(v.storage).toBe('string');
    expect(texts(v)).toEqual(['1.5', '2', 'x', 'y']);
  });

  it('one table is returned as it is', () => {
    const a = table('a.csv', { v: ['1'] });
    expect(concatTables([a])).toBe(a);
    expect(() => concatTables([])).toThrow(RangeError);
  });
});
