/**
 * A ColumnarTable built from text cells, column by column, as the CSV loader builds one (each cell pushed
 * to a ColumnBuilder with its physical line, the header being line 1): the tests' small in-memory tables.
 */
import { ColumnBuilder } from '../../shared/table/column-builder';
import type { ColumnarTable } from '../../shared/table/columnar';

export function textTable(
  fileName: string,
  columns: Record<string, string[]>,
  extra: Partial<ColumnarTable> = {},
): ColumnarTable {
  const built = Object.entries(columns).map(([name, cells]) => {
    const b = new ColumnBuilder(name);
    cells.forEach((c, i) => {
      b.push(c, i + 2);
    });
    return b.finish();
  });
  const rowCount = Object.values(columns)[0].length;
  return { fileName, rowCount, columns: built, delimiter: ',', byteLength: 0, warnings: [], ...extra };
}
