/**
 * The top bar's Monitoring menu: "Save as baseline…" (the loaded reference with the current settings, the
 * same file as `driftscope baseline`), "Open baseline…" (its reference and settings loaded, to open current
 * data against) and "Open monitor history…" (a monitor's SQLite history in the Timeline view, read-only).
 */
import { useRef } from 'react';

interface Props {
  canSaveBaseline: boolean;
  onSaveBaseline(): void;
  onOpenBaseline(): void;
  onOpenHistory(): void;
}

export function MonitoringMenu(props: Props) {
  const menu = useRef<HTMLDetailsElement>(null);
  const item = (testId: string, label: string, run: () => void, disabled = false) => (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      data-testid={testId}
      disabled={disabled}
      onClick={() => {
        if (menu.current) menu.current.open = false;
        run();
      }}
    >
      <span className="menu-label">{label}</span>
    </button>
  );
  return (
    <details className="menu" ref={menu} data-testid="monitoring-menu">
      <summary className="btn btn-quiet">Monitoring</summary>
      <div className="menu-list" role="menu" aria-label="Monitoring">
        {item('baseline-save', 'Save as baseline…', props.onSaveBaseline, !props.canSaveBaseline)}
        {item('baseline-open', 'Open baseline…', props.onOpenBaseline)}
        {item('history-open', 'Open monitor history…', props.onOpenHistory)}
      </div>
    </details>
  );
}
