/**
 * The histogram's bins as a table, collapsed under a "Bins table" disclosure: range, reference and current
 * shares, the change, and each bin's PSI and Jensen–Shannon terms. Each range is a button that opens the
 * rows behind that bin, the same request as a click on its bar: the keyboard route to those rows.
 */
import type { NumericColumnDetail } from '../../../../shared/explore/types';
import { NumHead, RoleHeads } from '../../components/table-cells';
import { formatNumber } from '../../lib/format';
import type { RowsRequest } from './rows-panel';
import { ShareCells } from './share-cells';

/** "[lo, hi)", or "[lo, hi]" for the last bin (closed on both ends). */
export function binLabel(detail: NumericColumnDetail, bin: number): string {
  const last = bin === detail.edges.length - 2;
  return `[${formatNumber(detail.edges[bin])}, ${formatNumber(detail.edges[bin + 1])}${last ? ']' : ')'}`;
}

/** The rows request for one bin: what a click on its bar and its button in the table both send. */
export function binRowsRequest(column: string, detail: NumericColumnDetail, bin: number): RowsRequest {
  return {
    column,
    selector: {
      kind: 'range',
      lo: detail.edges[bin],
      hi: detail.edges[bin + 1],
      lastClosed: bin === detail.edges.length - 2,
    },
    label: binLabel(detail, bin),
  };
}

export function BinTable({
  column,
  detail,
  shown,
  onRows,
}: {
  column: string;
  detail: NumericColumnDetail;
  /** The label of the bin whose rows are open, if any (marked in the table). */
  shown: string | null;
  onRows(request: RowsRequest): void;
}) {
  const k = detail.edges.length - 1;
  return (
    <details className="column-settings-box bins-box" data-testid="bins-details">
      <summary data-testid="bins-toggle">
        Bins table <span className="muted">{k} bins · a range opens its current rows</span>
      </summary>
      <div className="bins-scroll">
        <table className="summary-table bins-table" data-testid="bins-table">
          <caption className="sr-only">Bins of {column}: shares, change and drift terms</caption>
          <thead>
            <tr>
              <th scope="col">Bin</th>
              <RoleHeads short />
              <NumHead>
                <abbr title="Change in share (current − reference)">Δ</abbr>
              </NumHead>
              <NumHead>
                <abbr title="This bin's term of the PSI">PSI</abbr>
              </NumHead>
              <NumHead>
                <abbr title="This bin's term of the Jensen–Shannon divergence">JS</abbr>
              </NumHead>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: k }, (_, bin) => {
              const label = binLabel(detail, bin);
              const delta = detail.current[bin] - detail.reference[bin];
              return (
                <tr
                  key={label}
                  data-testid="bin-row"
                  data-bin={bin}
                  className={label === shown ? 'bin-shown' : undefined}
                >
                  <th scope="row" className="top-value">
                    <button
                      type="button"
                      className="link-button"
                      data-testid="bin-rows"
                      aria-label={`Rows in bin ${label}`}
                      onClick={() => onRows(binRowsRequest(column, detail, bin))}
                    >
                      {label}
                    </button>
                  </th>
                  <ShareCells
                    shares={[detail.reference[bin], detail.current[bin]]}
                    counts={[detail.referenceCounts[bin], detail.currentCounts[bin]]}
                    delta={delta}
                  />
                  <td className="td-num">{formatNumber(detail.psi[bin], 2)}</td>
                  <td className="td-num">{formatNumber(detail.js[bin], 2)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
