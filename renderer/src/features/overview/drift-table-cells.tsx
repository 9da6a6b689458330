/**
 * The drift table's cells and headers: the verdict badge, the score with its bar, p-values, effect size and
 * missing shares. Every cell is React text; column names and notes come from data files.
 */

import type { ColumnDef } from '@tanstack/react-table';
import { isTested } from '../../../../shared/drift/is-tested';
import type { ColumnResult } from '../../../../shared/report/analysis-result';
import { Sparkline } from '../../components/sparkline';
import { formatNumber, formatPercent } from '../../lib/format';
import { scoreFill } from '../../lib/summary';
import { scoreMeaning } from '../../lib/test-names';
import { type ColumnId, type Row, SORT_COLUMNS } from './drift-table-rows';

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

/** Each column's header and cell (what it sorts on is in drift-table-rows.ts). */
const VIEW: Record<ColumnId, Pick<ColumnDef<Row>, 'header' | 'cell'>> = {
  name: {
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
  type: { header: 'Type' },
  test: { header: 'Test' },
  shape: {
    header: 'Shape',
    cell: ({ row }) => (
      <Sparkline
        distribution={row.original.column.distribution}
        label={`Distribution of ${row.original.name}: reference and current`}
      />
    ),
  },
  score: {
    header: 'Score',
    cell: ({ row }) => <ScoreCell column={row.original.column} />,
  },
  pValue: {
    header: 'p-value',
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
  pAdjusted: {
    header: 'p (adj.)',
    cell: ({ row }) => (
      <span className="num" title="p-value after the multiple-testing correction; it decides the verdict">
        {formatNumber(row.original.pAdjusted, 3)}
      </span>
    ),
  },
  effect: {
    header: 'Effect',
    cell: ({ row }) => (
      <span
        className="num"
        title="Effect size: Jensen–Shannon distance on the test bins (0 = same, 0.83 = disjoint)"
      >
        {formatNumber(row.original.effect, 3)}
      </span>
    ),
  },
  drift: {
    header: 'Drift',
    cell: ({ row }) => <DriftBadge column={row.original.column} />,
  },
  missingCurrent: {
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
  missingReference: {
    header: 'Miss. ref.',
    cell: ({ row }) => <span className="num">{formatPercent(row.original.missingReference)}</span>,
  },
};

/** The table's columns: sorting from SORT_COLUMNS, header and cell from VIEW. */
export const TABLE_COLUMNS: ColumnDef<Row>[] = SORT_COLUMNS.map(
  // A spread of ColumnDef's union loses which member it is; the keys added (header, cell) are in every one.
  (column) => ({ ...column, ...VIEW[column.id as ColumnId] }) as ColumnDef<Row>,
);
