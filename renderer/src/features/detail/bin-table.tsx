/**
 * The histogram's bins as a table, collapsed under a "Bins table" disclosure: range, reference and current
 * shares, the change, and each bin's PSI and Jensen–Shannon terms. Each range is a button that opens the
 * rows behind that bin, the same request as a click on its bar: the keyboard route to those rows.
 */
import type { NumericColumnDetail } from '../../../../shared/explore/types';
import { formatInteger, formatNumber, formatPercent } from '../../lib/format';
import type { RowsRequest } from './rows-panel';

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

function signedPercent(delta: number): string {
  const text = formatPercent(Math.abs(delta));
  return delta > 0 ? `+${text}` : delta < 0 ? `−${text}` : text;
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
              <th scope="col" className="th-num">
                <span className="role-dot role-dot-reference" aria-hidden="true" /> Ref.
              </th>
              <th scope="col" className="th-num">
                <span className="role-dot role-dot-current" aria-hidden="true" /> Cur.
              </th>
              <th scope="col" className="th-num">
                <abbr title="Change in share (current − reference)">Δ</abbr>
              </th>
              <th scope="col" className="th-num">
                <abbr title="This bin's term of the PSI">PSI</abbr>
              </th>
              <th scope="col" className="th-num">
                <abbr title="This bin's term of the Jensen–Shannon divergence">JS</abbr>
              </th>
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
                  <td className="td-num" title={`${formatInteger(detail.referenceCounts[bin])} rows`}>
                    {formatPercent(detail.reference[bin])}
                  </td>
                  <td className="td-num" title={`${formatInteger(detail.currentCounts[bin])} rows`}>
                    {formatPercent(detail.current[bin])}
                  </td>
                  <td className={`td-num ${delta > 0 ? 'delta-up' : delta < 0 ? 'delta-down' : ''}`}>
                    {signedPercent(delta)}
                  </td>
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
