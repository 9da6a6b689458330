/**
 * The drift table's row model, without React or the DOM: one row per analysed column with the values its
 * columns sort on, the toolbar's filters, and the sort (@tanstack/table-core with the same column options
 * the table uses, so what is tested here is what the user sees).
 */

import {
  type ColumnDef,
  createTable,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
} from '@tanstack/react-table';
import { isTested } from '../../../../shared/drift/is-tested';
import type { AnalysisResult, ColumnResult } from '../../../../shared/report/analysis-result';
import { missingShare } from '../../lib/format';
import { testLabel } from '../../lib/test-names';

export interface Row {
  column: ColumnResult;
  name: string;
  type: string;
  test: string;
  // undefined (not null) so that sortUndefined: 'last' keeps untested columns at the bottom.
  score: number | undefined;
  /** The test's own p-value. */
  pValue: number | undefined;
  /** The p-value after the multiple-testing correction (only with one). */
  pAdjusted: number | undefined;
  effect: number | undefined;
  drift: number;
  missingCurrent: number | undefined;
  missingReference: number | undefined;
}

export function toRows(result: AnalysisResult): Row[] {
  return result.columns.map((column) => ({
    column,
    name: column.name,
    type: column.type ?? '—',
    test: testLabel(column.test),
    score: column.score ?? undefined,
    pValue: column.pValue ?? undefined,
    pAdjusted: column.pValueAdjusted ?? undefined,
    effect: column.effectSize?.value ?? undefined,
    // Drifted first when sorted descending, untested last when ascending.
    drift: !isTested(column) ? -1 : column.driftDetected ? 1 : 0,
    missingCurrent:
      column.missingDrift?.current ?? missingShare(column.current.missing, result.current.rows) ?? undefined,
    missingReference:
      column.missingDrift?.reference ??
      missingShare(column.reference.missing, result.reference.rows) ??
      undefined,
  }));
}

export type VerdictFilter = 'all' | 'drift' | 'no-drift' | 'untested' | 'missing-drift';

export interface TableFilters {
  search: string;
  type: string;
  verdict: VerdictFilter;
}

export const NO_FILTERS: TableFilters = { search: '', type: 'all', verdict: 'all' };

/** Name contains the search (case-insensitive), type matches, verdict matches. */
export function matches(row: Row, filters: TableFilters): boolean {
  if (filters.search && !row.name.toLowerCase().includes(filters.search.toLowerCase())) return false;
  if (filters.type !== 'all' && row.column.type !== filters.type) return false;
  switch (filters.verdict) {
    case 'drift':
      return row.drift === 1;
    case 'no-drift':
      return row.drift === 0;
    case 'untested':
      return row.drift === -1;
    case 'missing-drift':
      return row.column.missingDrift?.driftDetected === true;
    default:
      return true;
  }
}

/** The rows the filters let through, in their order. */
export function filterRows(rows: Row[], filters: TableFilters): Row[] {
  return rows.filter((row) => matches(row, filters));
}

export type ColumnId =
  | 'name'
  | 'type'
  | 'test'
  | 'shape'
  | 'score'
  | 'pValue'
  | 'pAdjusted'
  | 'effect'
  | 'drift'
  | 'missingCurrent'
  | 'missingReference';

/**
 * The table's columns in order, with what they sort on and how: numbers with no value (untested) sort
 * last either way, the verdict sorts drifted first on its first click, the sparkline does not sort.
 */
export const SORT_COLUMNS: ColumnDef<Row>[] = [
  { id: 'name', accessorKey: 'name' },
  { id: 'type', accessorKey: 'type' },
  { id: 'test', accessorKey: 'test' },
  { id: 'shape', enableSorting: false },
  { id: 'score', accessorKey: 'score', sortUndefined: 'last' },
  { id: 'pValue', accessorKey: 'pValue', sortUndefined: 'last' },
  // Shown only when a multiple-testing correction is on (the table's column visibility).
  { id: 'pAdjusted', accessorKey: 'pAdjusted', sortUndefined: 'last' },
  { id: 'effect', accessorKey: 'effect', sortUndefined: 'last' },
  { id: 'drift', accessorKey: 'drift', sortDescFirst: true },
  { id: 'missingCurrent', accessorKey: 'missingCurrent', sortUndefined: 'last' },
  { id: 'missingReference', accessorKey: 'missingReference', sortUndefined: 'last' },
];

/** Right-aligned, tabular-figure columns. */
export const NUMERIC_COLUMNS = new Set<string>([
  'score',
  'pValue',
  'pAdjusted',
  'effect',
  'missingCurrent',
  'missingReference',
]);

/** `rows` in the order the table shows them under `sorting` (the same table-core sort as the component). */
export function sortRows(rows: Row[], sorting: SortingState): Row[] {
  const table = createTable<Row>({
    data: rows,
    columns: SORT_COLUMNS,
    state: { sorting, columnPinning: {}, columnVisibility: {} },
    onStateChange: () => {},
    renderFallbackValue: null,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => row.name,
  });
  return table.getRowModel().rows.map((row) => row.original);
}
