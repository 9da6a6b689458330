/**
 * The engine worker's interactive requests, answered from the typed arrays it holds: a column's detail
 * on another binning (with ECDFs and the KS location), the current file's rows behind one bar, and one
 * column re-tested under new settings on top of the last result. Sorted copies of numeric columns are
 * kept on the tables (`column.sorted`), so no request sorts a million values twice.
 */

import { DatasetError } from '../../shared/dataset-error';
import { analyzeTables, recomputeColumn } from '../../shared/drift/analyze';
import { numericSide } from '../../shared/drift/column-pair';
import type { AnalysisSettings } from '../../shared/drift/settings';
import { categoricalColumnDetail, numericColumnDetail } from '../../shared/explore/column-detail';
import { rowsBehind } from '../../shared/explore/rows';
import type {
  BinChoice,
  ColumnDetail,
  NumericColumnDetail,
  RowSelector,
  RowsResult,
} from '../../shared/explore/types';
import type { AnalysisResult } from '../../shared/report/analysis-result';
import type { ColumnarTable } from '../../shared/table/columnar';
import { sortedFinite } from '../../shared/table/infer-type';

export type ExploreRequest =
  | { type: 'column-detail'; column: string; bins: BinChoice }
  | { type: 'rows'; column: string; selector: RowSelector; limit: number }
  | { type: 'recompute-column'; column: string; settings: AnalysisSettings };

export interface ExploreResults {
  'column-detail': ColumnDetail;
  rows: RowsResult;
  'recompute-column': AnalysisResult;
}

/** Sorts every number column's finite values once and keeps them on the column (see NumberColumn.sorted). */
export function prepareTables(...tables: ColumnarTable[]): void {
  for (const table of tables) {
    for (const column of table.columns) {
      if (column.storage === 'number' && !column.sorted) column.sorted = sortedFinite(column.values);
    }
  }
}

interface Tables {
  reference?: ColumnarTable;
  current?: ColumnarTable;
}

export function createExplore(version: string) {
  let last: AnalysisResult | null = null;
  /** Sorted values of columns read as numbers from string storage (type overrides), by role and name. */
  const parsed = new Map<string, Float64Array>();
  /** ECDFs and KS location per column (they do not change with the bins), for the arrays they came from. */
  const curves = new Map<
    string,
    { reference: Float64Array; current: Float64Array } & Pick<NumericColumnDetail, 'ecdf' | 'ks'>
  >();

  function sortedOf(role: string, table: ColumnarTable, name: string): Float64Array {
    const column = table.columns.find((c) => c.name === name)!;
    if (column.storage === 'number') {
      column.sorted ??= sortedFinite(column.values);
      return column.sorted;
    }
    const key = `${role}\u0000${table.fileName}\u0000${name}`;
    let sorted = parsed.get(key);
    if (!sorted) {
      sorted = numericSide(column).sorted;
      parsed.set(key, sorted);
    }
    return sorted;
  }

  function both(tables: Tables): { reference: ColumnarTable; current: ColumnarTable } {
    const { reference, current } = tables;
    if (!reference || !current) throw new DatasetError('Open both files first.', '');
    return { reference, current };
  }

  function columnDetail(tables: Tables, name: string, bins: BinChoice): ColumnDetail {
    const { reference, current } = both(tables);
    const ref = reference.columns.find((c) => c.name === name);
    const cur = current.columns.find((c) => c.name === name);
    if (!ref || !cur) throw new DatasetError(`Column "${name}" is not in both files.`, current.fileName);
    const type = last?.columns.find((c) => c.name === name)?.type ?? null;
    if (type === 'numerical') {
      const sorted = {
        reference: sortedOf('reference', reference, name),
        current: sortedOf('current', current, name),
      };
      const hit = curves.get(name);
      const cached =
        hit && hit.reference === sorted.reference && hit.current === sorted.current ? hit : undefined;
      const detail = numericColumnDetail(name, ref, cur, bins, sorted, cached);
      if (!cached) curves.set(name, { ...sorted, ecdf: detail.ecdf, ks: detail.ks });
      return detail;
    }
    return categoricalColumnDetail(name, ref, cur);
  }

  return {
    remember(result: AnalysisResult): void {
      last = result;
    },
    forget(): void {
      last = null;
      parsed.clear();
      curves.clear();
    },
    handle(
      request: ExploreRequest,
      tables: Tables,
      joinLabels: (settings: AnalysisSettings) => ColumnarTable,
    ): unknown {
      switch (request.type) {
        case 'column-detail':
          return columnDetail(tables, request.column, request.bins);
        case 'rows': {
          const { current } = both(tables);
          return rowsBehind(current, request.column, request.selector, request.limit);
        }
        case 'recompute-column': {
          const { reference } = both(tables);
          const current = joinLabels(request.settings);
          prepareTables(reference, current);
          last = last
            ? recomputeColumn(last, reference, current, request.column, request.settings)
            : analyzeTables(reference, current, request.settings, { version, now: new Date() });
          return last;
        }
      }
    },
  };
}
