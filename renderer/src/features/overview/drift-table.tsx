/**
 * The per-column drift table (@tanstack/react-table): sortable headers with aria-sort, filters by name,
 * type and verdict, a reference-vs-current sparkline and a score bar per row, p-value and effect size
 * side by side. Rows are virtualised (fixed row height, spacer rows), so 2,000 columns scroll smoothly.
 * Click or Enter selects a row; ArrowUp/ArrowDown move the selection and the detail follows.
 * Every cell is React text; column names and notes come from data files.
 */

import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import {
  type KeyboardEvent,
  memo,
  type ReactNode,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { isTested } from '../../../../shared/drift/is-tested';
import type { AnalysisResult, ColumnResult } from '../../../../shared/report/analysis-result';
import { COLUMN_TYPES } from '../../../../shared/types';
import { Sparkline } from '../../components/sparkline';
import { formatNumber, formatPercent, missingShare } from '../../lib/format';
import { scoreFill } from '../../lib/summary';
import { scoreMeaning, testLabel } from '../../lib/test-names';

export const ROW_HEIGHT = 44;
const OVERSCAN = 8;

interface Row {
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

function toRows(result: AnalysisResult): Row[] {
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

function matches(row: Row, filters: TableFilters): boolean {
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

function DriftBadge({ column }: { column: ColumnResult }) {
  if (!isTested(column)) {
    return <span className="badge badge-muted">Not tested</span>;
  }
  return column.driftDetected ? (
    <span className="badge badge-drift">Drift</span>
  ) : (
    <span className="badge badge-ok">No drift</span>
  );
}

function ScoreCell({ column }: { column: ColumnResult }) {
  const fill = scoreFill(column);
  const title = `${scoreMeaning(column.testKind)}; threshold ${formatNumber(column.threshold)}`;
  return (
    <span className="score-cell" title={title}>
      {fill !== null && (
        <span className="score-bar" aria-hidden="true">
          <span
            className={column.driftDetected ? 'score-fill score-fill-drift' : 'score-fill'}
            style={{ width: `${fill * 100}%` }}
          />
          <span className="score-tick" />
        </span>
      )}
      <span className="num">{formatNumber(column.score)}</span>
    </span>
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
          <span className="col-note" data-testid="column-note" title={row.original.column.note}>
            {row.original.column.note}
          </span>
        )}
      </div>
    ),
  },
  { id: 'type', accessorKey: 'type', header: 'Type' },
  { id: 'test', accessorKey: 'test', header: 'Test' },
  {
    id: 'shape',
    header: 'Shape',
    enableSorting: false,
    cell: ({ row }) => (
      <Sparkline
        distribution={row.original.column.distribution}
        label={`Distribution of ${row.original.name}: reference and current`}
      />
    ),
  },
  {
    id: 'score',
    accessorKey: 'score',
    header: 'Score',
    sortUndefined: 'last',
    cell: ({ row }) => <ScoreCell column={row.original.column} />,
  },
  {
    id: 'pValue',
    accessorKey: 'pValue',
    header: 'p-value',
    sortUndefined: 'last',
    cell: ({ row }) => {
      const c = row.original.column;
      const title =
        c.pValueAdjusted !== null
          ? `raw p-value ${formatNumber(c.pValue)}; the adjusted one (${formatNumber(c.pValueAdjusted)}) decides`
          : 'p-value of the test';
      return (
        <span className="num" title={title}>
          {formatNumber(row.original.pValue, 3)}
        </span>
      );
    },
  },
  {
    // Shown only when a multiple-testing correction is on (the table's column visibility).
    id: 'pAdjusted',
    accessorKey: 'pAdjusted',
    header: 'p (adj.)',
    sortUndefined: 'last',
    cell: ({ row }) => (
      <span className="num" title="p-value after the multiple-testing correction; it decides the verdict">
        {formatNumber(row.original.pAdjusted, 3)}
      </span>
    ),
  },
  {
    id: 'effect',
    accessorKey: 'effect',
    header: 'Effect',
    sortUndefined: 'last',
    cell: ({ row }) => (
      <span
        className="num"
        title="Effect size: Jensen–Shannon distance on the test bins (0 = same, 0.83 = disjoint)"
      >
        {formatNumber(row.original.effect, 3)}
      </span>
    ),
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
    header: 'Miss. cur.',
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
    header: 'Miss. ref.',
    cell: ({ row }) => <span className="num">{formatPercent(row.original.missingReference)}</span>,
  },
];

const NUMERIC_COLUMNS = new Set([
  'score',
  'pValue',
  'pAdjusted',
  'effect',
  'missingCurrent',
  'missingReference',
]);

interface Props {
  result: AnalysisResult;
  selected: string | null;
  onSelect(name: string): void;
  /** The shown rows' column names in the current sort order, whenever it changes (for report export). */
  onOrderChange?(names: string[]): void;
  /** More toolbar controls, after the filters (the Analysis settings button). */
  toolbarExtra?: ReactNode;
}

function TableToolbar({
  filters,
  onChange,
  shown,
  total,
  extra,
}: {
  filters: TableFilters;
  onChange(filters: TableFilters): void;
  shown: number;
  total: number;
  extra?: ReactNode;
}) {
  return (
    <div className="table-toolbar" data-testid="table-toolbar">
      <input
        type="search"
        className="input table-search"
        placeholder="Search columns"
        aria-label="Search columns by name"
        data-testid="filter-search"
        value={filters.search}
        onChange={(event) => onChange({ ...filters, search: event.target.value })}
      />
      <select
        className="input"
        aria-label="Filter by type"
        data-testid="filter-type"
        value={filters.type}
        onChange={(event) => onChange({ ...filters, type: event.target.value })}
      >
        <option value="all">All types</option>
        {COLUMN_TYPES.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label="Filter by verdict"
        data-testid="filter-verdict"
        value={filters.verdict}
        onChange={(event) => onChange({ ...filters, verdict: event.target.value as VerdictFilter })}
      >
        <option value="all">All verdicts</option>
        <option value="drift">Drift</option>
        <option value="no-drift">No drift</option>
        <option value="untested">Not tested</option>
        <option value="missing-drift">Missing share changed</option>
      </select>
      {extra}
      <span className="muted table-count" data-testid="table-count" aria-live="polite">
        {shown === total ? `${total} columns` : `${shown} of ${total} columns`}
      </span>
    </div>
  );
}

/** True while the window is at least `px` wide. */
function useWideScreen(px: number): boolean {
  const query = `(min-width: ${px}px)`;
  const [wide, setWide] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setWide(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return wide;
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
  const data = useMemo(() => allRows.filter((row) => matches(row, filters)), [allRows, filters]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data,
    columns,
    state: { sorting, columnVisibility: { pAdjusted: corrected, effect: !corrected || wide } },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => row.name,
  });
  const rows = table.getRowModel().rows;
  useEffect(() => onOrderChange?.(rows.map((row) => row.original.name)), [rows, onOrderChange]);

  const scroller = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const focusSelected = useRef(false);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setViewport(element.clientHeight);
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const headHeight = headRef.current?.offsetHeight ?? 34;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const visible = rows.slice(first, last);

  /** Scrolls so that row `index` is fully visible below the sticky header. */
  const reveal = (index: number) => {
    const element = scroller.current;
    if (!element) return;
    const top = index * ROW_HEIGHT;
    const bottom = top + ROW_HEIGHT;
    const viewTop = element.scrollTop;
    const viewBottom = viewTop + element.clientHeight - headHeight;
    if (top < viewTop) element.scrollTop = top;
    else if (bottom > viewBottom) element.scrollTop = bottom - (element.clientHeight - headHeight);
  };

  // After a keyboard move the new row may only now be rendered: focus it once it is.
  useEffect(() => {
    if (!focusSelected.current || selected === null) return;
    const element = scroller.current?.querySelector<HTMLElement>(`tr[data-row-index]`);
    if (!element) return;
    const index = rows.findIndex((row) => row.original.name === selected);
    const target = scroller.current?.querySelector<HTMLElement>(`tr[data-row-index="${index}"]`);
    if (target) {
      target.focus({ preventScroll: true });
      focusSelected.current = false;
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, name: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(name);
      return;
    }
    const step: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: 10,
      PageUp: -10,
      Home: -rows.length,
      End: rows.length,
    };
    if (!(event.key in step)) return;
    event.preventDefault();
    const next = Math.min(rows.length - 1, Math.max(0, index + step[event.key]));
    if (next === index && selected === name) return;
    focusSelected.current = true;
    reveal(next);
    onSelect(rows[next].original.name);
  };

  const padTop = first * ROW_HEIGHT;
  const padBottom = (rows.length - last) * ROW_HEIGHT;
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
      <div
        className="table-wrap"
        data-testid="drift-table-wrap"
        ref={scroller}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
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
