/** Every category's reference share, current share and delta, largest change first; new/vanished flagged. */
import type { CategoricalColumnDetail } from '../../../../shared/explore/types';
import { formatInteger, formatPercent } from '../../lib/format';

const SHOWN = 30;

function signedPercent(delta: number): string {
  const text = formatPercent(Math.abs(delta));
  return delta > 0 ? `+${text}` : delta < 0 ? `−${text}` : text;
}

export function CategoryTable({
  detail,
  onPick,
}: {
  detail: CategoricalColumnDetail;
  onPick(label: string): void;
}) {
  const rows = detail.categories.slice(0, SHOWN);
  return (
    <table className="summary-table category-table" data-testid="category-table">
      <caption className="table-caption">
        Categories by change in share
        {detail.totalCategories > rows.length && (
          <span className="muted">
            {' '}
            · top {rows.length} of {formatInteger(detail.totalCategories)}
          </span>
        )}
      </caption>
      <thead>
        <tr>
          <th scope="col">Category</th>
          <th scope="col" className="th-num">
            <span className="role-dot role-dot-reference" aria-hidden="true" /> Ref.
          </th>
          <th scope="col" className="th-num">
            <span className="role-dot role-dot-current" aria-hidden="true" /> Cur.
          </th>
          <th scope="col" className="th-num">
            Δ share
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.label} data-testid="category-row" data-status={c.status}>
            <th scope="row" className="top-value" title={c.label}>
              <button
                type="button"
                className="link-button"
                onClick={() => onPick(c.label)}
                title={`Show current rows where the value is ${c.label}`}
              >
                {c.label}
              </button>
              {c.status === 'new' && <span className="flag flag-new">new</span>}
              {c.status === 'vanished' && <span className="flag flag-gone">gone</span>}
            </th>
            <td className="td-num" title={`${formatInteger(c.referenceCount)} rows`}>
              {formatPercent(c.referenceShare)}
            </td>
            <td className="td-num" title={`${formatInteger(c.currentCount)} rows`}>
              {formatPercent(c.currentShare)}
            </td>
            <td
              className={`td-num ${c.delta > 0 ? 'delta-up' : c.delta < 0 ? 'delta-down' : ''}`}
              data-testid="category-delta"
            >
              {signedPercent(c.delta)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
