/** A progress bar's track: `fraction` of 0–1 filled, or an indeterminate animation while it is null. */
export function ProgressTrack({ fraction, label }: { fraction: number | null; label: string }) {
  return (
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
  );
}
