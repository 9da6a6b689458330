import type { LoadProgress } from '../../../../shared/api';
import { formatBytes, formatInteger } from '../../lib/format';

/** Bytes read of one file, with the rows parsed so far; indeterminate until the first progress event. */
export function ProgressBar({ progress, label }: { progress: LoadProgress | null; label: string }) {
  const total = progress?.bytesTotal ?? 0;
  const fraction = progress && total > 0 ? Math.min(1, progress.bytesRead / total) : null;
  return (
    <div className="progress" data-testid="load-progress">
      <div
        className={fraction === null ? 'progress-track indeterminate' : 'progress-track'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
      >
        <div
          className="progress-fill"
          style={{ width: fraction === null ? undefined : `${fraction * 100}%` }}
        />
      </div>
      <div className="progress-text">
        {progress
          ? `${formatBytes(progress.bytesRead)} of ${formatBytes(progress.bytesTotal)} · ${formatInteger(progress.rows)} rows`
          : 'Waiting for the file…'}
      </div>
    </div>
  );
}
