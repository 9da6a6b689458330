/**
 * The rows of the current file behind a clicked bar (dataset:rows): the first 50, all columns as text,
 * the clicked column highlighted. Cells come from a data file: React text only.
 */
import { useEffect, useState } from 'react';
import type { RowSelector, RowsResult } from '../../../../shared/explore/types';
import { getApi } from '../../api';
import { formatInteger } from '../../lib/format';

export const ROWS_SHOWN = 50;

export interface RowsRequest {
  column: string;
  selector: RowSelector;
  /** What was clicked, e.g. "12.5 – 15" or "premium". */
  label: string;
}

export function RowsPanel({ request, onClose }: { request: RowsRequest; onClose(): void }) {
  const [state, setState] = useState<{ rows: RowsResult | null; error: string | null }>({
    rows: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    setState({ rows: null, error: null });
    getApi()
      .getRows(request.column, request.selector, ROWS_SHOWN)
      .then(
        (rows) => live && setState({ rows, error: null }),
        (error: unknown) =>
          live && setState({ rows: null, error: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, [request]);
  const { rows, error } = state;
  const highlight = rows ? rows.header.indexOf(request.column) : -1;
  return (
    <section
      className="rows-panel"
      data-testid="rows-panel"
      aria-label={`Current rows where ${request.column} is ${request.label}`}
    >
      <header className="rows-head">
        <h3 className="rows-title">
          Current rows where <span className="mono">{request.column}</span> is{' '}
          <span className="mono">{request.label}</span>
        </h3>
        {rows && (
          <span className="muted" data-testid="rows-count">
            {rows.matched > rows.rows.length
              ? `first ${formatInteger(rows.rows.length)} of ${formatInteger(rows.matched)}`
              : `${formatInteger(rows.matched)} ${rows.matched === 1 ? 'row' : 'rows'}`}
          </span>
        )}
        <button type="button" className="btn btn-quiet" data-testid="rows-close" onClick={onClose}>
          Close
        </button>
      </header>
      {error && <div className="detail-note">{error}</div>}
      {!rows && !error && <div className="muted">Reading rows…</div>}
      {rows && rows.rows.length > 0 && (
        // Scrolls: focusable so the keyboard can scroll it (axe scrollable-region-focusable).
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container takes the focus to scroll by keyboard.
        <section className="rows-scroll" aria-label="Rows, scrollable" tabIndex={0}>
          <table className="rows-table" data-testid="rows-table">
            <thead>
              <tr>
                <th scope="col">Row</th>
                {rows.header.map((name, i) => (
                  <th key={name} scope="col" className={i === highlight ? 'rows-hl' : undefined} title={name}>
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.rows.map((row) => (
                <tr key={row.row} data-testid="rows-row">
                  <th scope="row" className="td-num">
                    {row.row}
                  </th>
                  {row.cells.map((cell, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                    <td key={i} className={i === highlight ? 'rows-hl' : undefined} title={cell}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {rows && rows.rows.length === 0 && <div className="muted">No current row falls here.</div>}
    </section>
  );
}
