import type { ColumnResult, ColumnSummary } from '../../../../shared/report/analysis-result';
import { formatInteger, formatNumber } from '../../lib/format';

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

function TopCategories({ summary }: { summary: ColumnSummary }) {
  if (!summary.top || summary.top.length === 0) return <span className="muted">—</span>;
  return (
    <ol className="top-list">
      {summary.top.slice(0, 8).map((entry) => (
        <li key={entry.value}>
          <span className="top-value" title={entry.value}>
            {entry.value}
          </span>
          <span className="num muted">{formatInteger(entry.count)}</span>
        </li>
      ))}
    </ol>
  );
}

/** Reference vs current statistics side by side. */
export function SummaryTable({ column }: { column: ColumnResult }) {
  const { reference, current } = column;
  const numeric = reference.mean !== null || current.mean !== null || reference.min !== null;
  const hasTop = (reference.top?.length ?? 0) > 0 || (current.top?.length ?? 0) > 0;
  const row = (label: string, ref: string, cur: string) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      <td className="td-num">{ref}</td>
      <td className="td-num">{cur}</td>
    </tr>
  );
  return (
    <table className="summary-table" data-testid="summary-table">
      <thead>
        <tr>
          <th scope="col">Statistic</th>
          <th scope="col" className="th-num">
            <span className="role-dot role-dot-reference" aria-hidden="true" /> Reference
          </th>
          <th scope="col" className="th-num">
            <span className="role-dot role-dot-current" aria-hidden="true" /> Current
          </th>
        </tr>
      </thead>
      <tbody>
        {row('Count', formatInteger(reference.count), formatInteger(current.count))}
        {row('Missing', formatInteger(reference.missing), formatInteger(current.missing))}
        {(reference.invalid > 0 || current.invalid > 0) &&
          row('Invalid', formatInteger(reference.invalid), formatInteger(current.invalid))}
        {row('Unique', formatInteger(reference.unique), formatInteger(current.unique))}
        {numeric &&
          NUMERIC_ROWS.map(([key, label]) =>
            row(label, formatNumber(reference[key]), formatNumber(current[key])),
          )}
        {hasTop && (
          <tr>
            <th scope="row">Top categories</th>
            <td>
              <TopCategories summary={reference} />
            </td>
            <td>
              <TopCategories summary={current} />
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
