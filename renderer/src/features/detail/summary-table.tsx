import type { ColumnResult, ColumnSummary } from '../../../../shared/report/analysis-result';
import { NumHead, RoleCells, RoleHeads } from '../../components/table-cells';
import { formatInteger, formatNumber, formatPercent } from '../../lib/format';

type NumericKey = 'mean' | 'std' | 'min' | 'q25' | 'median' | 'q75' | 'max';

const NUMERIC_ROWS: [NumericKey, string][] = [
  ['mean', 'Mean'],
  ['std', 'Std. dev.'],
  ['min', 'Min'],
  ['q25', '25%'],
  ['median', 'Median'],
  ['q75', '75%'],
  ['max', 'Max'],
];

const TOP_LIMIT = 10;

/** Count and share of one category in one set ("—" when it is not among that set's top categories). */
function topCell(summary: ColumnSummary, value: string): string {
  const entry = summary.top?.find((candidate) => candidate.value === value);
  if (!entry) return '—';
  const share = summary.count > 0 ? entry.count / summary.count : null;
  return `${formatInteger(entry.count)} (${formatPercent(share)})`;
}

/** The most frequent categories of both sets, reference order first, with count and share per set. */
function TopCategories({ column }: { column: ColumnResult }) {
  const values: string[] = [];
  for (const entry of [...(column.reference.top ?? []), ...(column.current.top ?? [])]) {
    if (!values.includes(entry.value)) values.push(entry.value);
  }
  if (values.length === 0) return null;
  return (
    <table className="summary-table" data-testid="top-categories">
      <thead>
        <tr>
          <th scope="col">Top categories</th>
          <RoleHeads />
        </tr>
      </thead>
      <tbody>
        {values.slice(0, TOP_LIMIT).map((value) => (
          <tr key={value}>
            <th scope="row" className="top-value" title={value}>
              {value}
            </th>
            <RoleCells
              reference={topCell(column.reference, value)}
              current={topCell(column.current, value)}
            />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** current − reference with its sign ("+1.2", "−3"), or "—" when either is missing. */
export function formatDelta(ref: number | null, cur: number | null, integer = false): string {
  if (ref === null || cur === null || !Number.isFinite(ref) || !Number.isFinite(cur)) return '—';
  const d = cur - ref;
  if (d === 0) return '0';
  const text = integer ? formatInteger(Math.abs(d)) : formatNumber(Math.abs(d));
  return `${d > 0 ? '+' : '−'}${text}`;
}

/** Reference vs current statistics side by side with their deltas, then the top categories. */
export function SummaryTable({ column, showTop = true }: { column: ColumnResult; showTop?: boolean }) {
  const { reference, current } = column;
  const numeric = [reference, current].some((s) => s.mean !== null || s.min !== null);
  const row = (label: string, ref: string, cur: string, delta: string) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      <RoleCells reference={ref} current={cur} />
      <td className="td-num td-delta" data-testid="stat-delta">
        {delta}
      </td>
    </tr>
  );
  const ints = (key: 'count' | 'missing' | 'invalid' | 'unique', label: string) =>
    row(
      label,
      formatInteger(reference[key]),
      formatInteger(current[key]),
      formatDelta(reference[key], current[key], true),
    );
  return (
    <>
      <table className="summary-table" data-testid="summary-table">
        <thead>
          <tr>
            <th scope="col">Statistic</th>
            <RoleHeads />
            <NumHead>Δ</NumHead>
          </tr>
        </thead>
        <tbody>
          {ints('count', 'Count')}
          {ints('missing', 'Missing')}
          {(reference.invalid > 0 || current.invalid > 0) && ints('invalid', 'Invalid')}
          {ints('unique', 'Unique')}
          {numeric &&
            NUMERIC_ROWS.map(([key, label]) =>
              row(
                label,
                formatNumber(reference[key]),
                formatNumber(current[key]),
                formatDelta(reference[key], current[key]),
              ),
            )}
        </tbody>
      </table>
      {showTop && <TopCategories column={column} />}
    </>
  );
}
