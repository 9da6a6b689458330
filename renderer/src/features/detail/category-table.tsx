/** Every category's reference share, current share and delta, largest change first; new/vanished flagged. */
import type { CategoricalColumnDetail } from '../../../../shared/explore/types';
import { NumHead, RoleHeads } from '../../components/table-cells';
import { formatInteger } from '../../lib/format';
import { ShareCells } from './share-cells';

const SHOWN = 30;

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
          <RoleHeads short />
          <NumHead>Δ share</NumHead>
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
            <ShareCells
              shares={[c.referenceShare, c.currentShare]}
              counts={[c.referenceCount, c.currentCount]}
              delta={c.delta}
              deltaTestId="category-delta"
            />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
