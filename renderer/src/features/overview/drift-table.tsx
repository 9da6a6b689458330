/**
 * The per-column drift table (@tanstack/react-table): sortable headers with aria-sort, row selection by
 * click or Enter. Every cell is React text; column names and notes come from data files.
 */
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { type KeyboardEvent, useMemo, useState } from 'react';
import type { AnalysisResult, ColumnResult } from '../../../../shared/report/analysis-result';
import { formatNumber, formatPercent, missingShare } from '../../lib/format';
import { scoreMeaning, testLabel } from '../../lib/test-names';

interface Row {
  column: ColumnResult;
  name: string;
  type: string;
  test: string;
  // undefined (not null) so that sortUndefined: 'last' keeps untested columns at the bottom.
  score: number | undefined;
  threshold: number | undefined;
  drift: number;
  missingCurrent: number | undefined;
  missingReference: number | undefined;
}

function toRows(result: AnalysisResult): Row[] {
  return result.columns.map((column) => ({
    column,
    name: column.name,
    type: column.type ?? '—',
    test: testLabel(column.test),
    score: column.score ?? undefined,
    threshold: column.threshold ?? undefined,
    // Drifted first when sorted descending, untested last when ascending.
    drift: column.test === null ? -1 : column.driftDetected ? 1 : 0,
    missingCurrent:
      column.missingDrift?.current ?? missingShare(column.current.missing, result.current.rows) ?? undefined,
    missingReference:
      column.missingDrift?.reference ??
      missingShare(column.reference.missing, result.reference.rows) ??
      undefined,
  }));
}

function DriftBadge({ column }: { column: ColumnResult }) {
  if (column.test === null || column.score === null) {
    return <span className="badge badge-muted">Not tested</span>;
  }
  return column.driftDetected ? (
    <span className="badge badge-drift">Drift</span>
  ) : (
    <span className="badge badge-ok">No drift</span>
  );
}

const columns: ColumnDef<Row>[] = [
  {
    id: 'name',
    accessorKey: 'name',
    header: 'Column',
    cell: ({ row }) => (
      <div className="cell-name">
        <span className="col-name" title={row.original.name}>
          {row.original.name}
        </span>
        {row.original.column.note && (
          <span className="col-note" data-testid="column-note">
            {row.original.column.note}
          </span>
        )}
      </div>
    ),
  },
  { id: 'type', accessorKey: 'type', header: 'Type' },
  { id: 'test', accessorKey: 'test', header: 'Test' },
  {
    id: 'score',
    accessorKey: 'score',
    header: 'Score',
    sortUndefined: 'last',
    cell: ({ row }) => (
      <span className="num" title={scoreMeaning(row.original.column.testKind)}>
        {formatNumber(row.original.score)}
      </span>
    ),
  },
  {
    id: 'threshold',
    accessorKey: 'threshold',
    sortUndefined: 'last',
    header: 'Threshold',
    cell: ({ row }) => <span className="num">{formatNumber(row.original.threshold)}</span>,
  },
  {
    id: 'drift',
    accessorKey: 'drift',
    header: 'Drift',
    sortDescFirst: true,
    cell: ({ row }) => <DriftBadge column={row.original.column} />,
  },
  {
    id: 'missingCurrent',
    accessorKey: 'missingCurrent',
    sortUndefined: 'last',
    header: 'Missing cur.',
    cell: ({ row }) => {
      const missingDrift = row.original.column.missingDrift;
      return (
        <span className="num">
          {missingDrift?.driftDetected && (
            <span
              className="missing-flag"
              data-testid="missing-drift"
              title={`Missing share changed (p = ${formatNumber(missingDrift.pValue)})`}
            >
              ▲
            </span>
          )}
          {formatPercent(row.original.missingCurrent)}
        </span>
      );
    },
  },
  {
    id: 'missingReference',
    accessorKey: 'missingReference',
    sortUndefined: 'last',
    header: 'Missing ref.',
    cell: ({ row }) => <span className="num">{formatPercent(row.original.missingReference)}</span>,
  },
];

const NUMERIC_COLUMNS = new Set(['score', 'threshold', 'missingCurrent', 'missingReference']);

interface Props {
  result: AnalysisResult;
  selected: string | null;
  onSelect(name: string): void;
}

export function DriftTable({ result, selected, onSelect }: Props) {
  const data = useMemo(() => toRows(result), [result]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => row.name,
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, name: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(name);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const sibling =
        event.key === 'ArrowDown'
          ? event.currentTarget.nextElementSibling
          : event.currentTarget.previousElementSibling;
      if (sibling instanceof HTMLElement) sibling.focus();
    }
  };

  return (
    <div className="table-wrap" data-testid="drift-table-wrap">
      <table className="drift-table" data-testid="drift-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
                return (
                  <th
                    key={header.id}
                    aria-sort={ariaSort}
                    data-testid={`header-${header.id}`}
                    className={NUMERIC_COLUMNS.has(header.id) ? 'th-num' : undefined}
                  >
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
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => {
            const isSelected = row.original.name === selected;
            return (
              <tr
                key={row.id}
                tabIndex={0}
                className={isSelected ? 'row selected' : 'row'}
                data-testid="drift-row"
                data-column={row.original.name}
                data-selected={isSelected ? 'true' : 'false'}
                aria-current={isSelected ? 'true' : undefined}
                onClick={() => onSelect(row.original.name)}
                onKeyDown={(event) => onKeyDown(event, row.original.name)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    data-testid={`cell-${cell.column.id}`}
                    className={NUMERIC_COLUMNS.has(cell.column.id) ? 'td-num' : undefined}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
