/**
 * Top-bar Export menu: HTML, PDF (A4 or Letter), JSON and CSV through 'report:export'. Main shows the Save
 * dialog and writes the file; the renderer only says which format and the table's current column order.
 */
import { useRef, useState } from 'react';
import type { ReportExportFormat, ReportExportOptions } from '../../../../shared/api';
import { getApi } from '../../api';
import { formatBytes } from '../../lib/format';

interface Choice {
  id: string;
  label: string;
  format: ReportExportFormat;
  options?: ReportExportOptions;
}

const CHOICES: Choice[] = [
  { id: 'html', label: 'HTML report (offline, interactive)', format: 'html' },
  { id: 'pdf-a4', label: 'PDF report (A4)', format: 'pdf', options: { pageSize: 'A4' } },
  { id: 'pdf-letter', label: 'PDF report (Letter)', format: 'pdf', options: { pageSize: 'Letter' } },
  { id: 'json', label: 'JSON (full analysis)', format: 'json' },
  { id: 'csv', label: 'CSV (drift table)', format: 'csv' },
];

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved' | 'error'; message: string };

/** `getColumnOrder`: the drift table's column order when Export is chosen (null: drifted first). */
export function ExportMenu({ getColumnOrder }: { getColumnOrder(): string[] | null }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const run = async (choice: Choice) => {
    if (menu.current) menu.current.open = false;
    setStatus({ kind: 'busy' });
    try {
      const outcome = await getApi().exportReport(choice.format, getColumnOrder(), choice.options);
      setStatus(
        outcome === null
          ? { kind: 'idle' }
          : { kind: 'saved', message: `Saved ${outcome.fileName} (${formatBytes(outcome.bytes)})` },
      );
    } catch (error) {
      const message =
        error instanceof Error
          ? error.message.replace(/^Error invoking remote method '[^']+': /, '')
          : String(error);
      setStatus({ kind: 'error', message: `Export failed: ${message}` });
    }
  };

  return (
    <div className="export" data-testid="export">
      <details className="menu" ref={menu} data-testid="export-menu">
        <summary className="btn btn-quiet" aria-disabled={status.kind === 'busy'}>
          {status.kind === 'busy' ? 'Exporting…' : 'Export'}
        </summary>
        <div className="menu-list" role="menu" aria-label="Export a report">
          {CHOICES.map((choice) => (
            <button
              key={choice.id}
              type="button"
              role="menuitem"
              className="menu-item"
              data-testid={`export-${choice.id}`}
              disabled={status.kind === 'busy'}
              onClick={() => void run(choice)}
            >
              {choice.label}
            </button>
          ))}
        </div>
      </details>
      {(status.kind === 'saved' || status.kind === 'error') && (
        <span
          className={status.kind === 'error' ? 'export-status export-error' : 'export-status muted'}
          role="status"
          data-testid="export-status"
          data-status={status.kind}
        >
          {status.message}
        </span>
      )}
    </div>
  );
}
