import { useRef } from 'react';
import type { LoadProgress } from '../../../../shared/api';
import { ProgressTrack } from '../../components/progress-track';
import { formatBytes, formatInteger } from '../../lib/format';

/** Rows per second since the first progress event of this load (null until there is a rate to show). */
function useRowsPerSecond(progress: LoadProgress | null): number | null {
  const start = useRef<{ time: number; rows: number } | null>(null);
  if (!progress) {
    start.current = null;
    return null;
  }
  const now = performance.now();
  if (!start.current) start.current = { time: now, rows: progress.rows };
  const seconds = (now - start.current.time) / 1000;
  if (seconds < 0.25) return null;
  return (progress.rows - start.current.rows) / seconds;
}

/** "Row group 2 of 5 · " for a Parquet file (read one row group at a time), else ''. */
function rowGroups(progress: LoadProgress): string {
  const { rowGroupsRead: read, rowGroupsTotal: total } = progress;
  if (read === undefined || total === undefined) return '';
  return `${formatInteger(read)} of ${formatInteger(total)} row groups · `;
}

/** Bytes read of one file, with the rows parsed so far; indeterminate until the first progress event. */
export function ProgressBar({ progress, label }: { progress: LoadProgress | null; label: string }) {
  const total = progress?.bytesTotal ?? 0;
  const fraction = progress && total > 0 ? Math.min(1, progress.bytesRead / total) : null;
  const rate = useRowsPerSecond(progress);
  return (
    <div className="progress" data-testid="load-progress">
      <ProgressTrack fraction={fraction} label={label} />
      <div className="progress-text" data-testid="load-progress-text">
        {progress
          ? `${rowGroups(progress)}${formatBytes(progress.bytesRead)} of ${formatBytes(progress.bytesTotal)} · ${formatInteger(progress.rows)} rows${
              rate !== null ? ` · ${formatInteger(rate)} rows/s` : ''
            }`
          : 'Waiting for the file…'}
      </div>
    </div>
  );
}
