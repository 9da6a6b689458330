/**
 * The per-column drift table (@tanstack/react-table): sortable headers with aria-sort, filters by name,
 * type and verdict, a reference-vs-current sparkline and a score bar per row, p-value and effect size
 * side by side. Rows are virtualised (use-virtual-rows.ts), so 2,000 columns scroll smoothly. Click or Enter
 * selects a row; ArrowUp/ArrowDown move the selection and the detail follows (use-row-keys.ts). The rows,
 * filters and sort are in drift-table-rows.ts, the cells in drift-table-cells.tsx.
 */

import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { memo, type ReactNode, useEffect, useMemo, useState } from 'react';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import { useWideScreen } from '../../lib/use-wide-screen';
import { TABLE_COLUMNS } from './drift-table-cells';
import { filterRows, NO_FILTERS, NUMERIC_COLUMNS, type TableFilters, toRows } from './drift-table-rows';
import { TableToolbar } from './drift-table-toolbar';
import { useRowKeys } from './use-row-keys';
import { useVirtualRows } from './use-virtual-rows';

interface Props {
  result: AnalysisResult;
  selected: string | null;
  onSelect(name: string): void;
  /** The shown rows' column names in the current sort order, whenever it changes (for report export). */
  onOrderChange?(names: string[]): void;
  /** More toolbar controls, after the filters (the Analysis settings button). */
  toolbarExtra?: ReactNode;
}

/** Memoised: the feature detail's view changes (bins, log scale) re-render the app, not the table. */
export const DriftTable = memo(function DriftTable({
  result,
  selected,
  onSelect,
  onOrderChange,
  toolbarExtra,
}: Props) {
  const corrected = result.dataset.correction !== 'none';
  // Below 1600 px the adjusted p-value takes the effect size's place (the detail still shows the effect),
  // so column names keep their room.
  const wide = useWideScreen(1600);
  const allRows = useMemo(() => toRows(result), [result]);
  const [filters, setFilters] = useState<TableFilters>(NO_FILTERS);
  const data = useMemo(() => filterRows(allRows, filters), [allRows, filters]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data,
    columns: TABLE_COLUMNS,
    state: { sorting, columnVisibility: { pAdjusted: corrected, effect: !corrected || wide } },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => row.name,
  });
  const rows = table.getRowModel().rows;

  const names = useMemo(() => rows.map((row) => row.original.name), [rows]);
  useEffect(() => onOrderChange?.(names), [names, onOrderChange]);
  const { scroller, headRef, onScroll, window: view, reveal } = useVirtualRows(rows.length);
  const { first, padTop, padBottom } = view;
  const visible = rows.slice(first, view.last);
  const onKeyDown = useRowKeys({ names, selected, onSelect, reveal, scroller });

  const span = table.getVisibleLeafColumns().length;
  return (
    <div className="table-panel">
      <TableToolbar
        filters={filters}
        onChange={setFilters}
        shown={rows.length}
        total={allRows.length}
        extra={toolbarExtra}
      />
      <div className="table-wrap" data-testid="drift-table-wrap" ref={scroller} onScroll={onScroll}>
        <table className="drift-table" data-testid="drift-table" aria-rowcount={rows.length + 1}>
          <thead ref={headRef}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
                  const sortable = header.column.getCanSort();
                  return (
                    <th
                      key={header.id}
                      aria-sort={sortable ? ariaSort : undefined}
                      data-testid={`header-${header.id}`}
                      className={`th-${header.id}${NUMERIC_COLUMNS.has(header.id) ? ' th-num' : ''}`}
                    >
                      {sortable ? (
                        <button
                          type="button"
                          className="th-button"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span className="sort-mark" aria-hidden="true">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                          </span>
                        </button>
                      ) : (
                        <span className="th-static">
                          {flexRender(header.column.columnDef.header, header.getContext())}
                        </span>
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr className="spacer" style={{ height: padTop }}>
                <td colSpan={span} />
              </tr>
            )}
            {visible.map((row, offset) => {
              const index = first + offset;
              const isSelected = row.original.name === selected;
              return (
                <tr
                  key={row.id}
                  tabIndex={isSelected || (selected === null && index === 0) ? 0 : -1}
                  className={isSelected ? 'row selected' : 'row'}
                  data-testid="drift-row"
                  data-row-index={index}
                  aria-rowindex={index + 2}
                  data-column={row.original.name}
                  data-selected={isSelected ? 'true' : 'false'}
                  aria-selected={isSelected}
                  onClick={() => onSelect(row.original.name)}
                  onKeyDown={(event) => onKeyDown(event, index, row.original.name)}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td
                      key={cell.id}
                      data-testid={`cell-${cell.column.id}`}
                      className={`td-${cell.column.id}${NUMERIC_COLUMNS.has(cell.column.id) ? ' td-num' : ''}`}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr className="spacer" style={{ height: padBottom }}>
                <td colSpan={span} />
              </tr>
            )}
          </tbody>
        </table>
        {rows.length === 0 && (
          <div className="table-empty muted" data-testid="table-empty">
            No column matches the filters.
          </div>
        )}
      </div>
    </div>
  );
});
