/** The workspace's tab bar: "Drift" (the shell's overview), "Timeline" and "Model quality" (this feature). */
import { type KeyboardEvent, useEffect } from 'react';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import { setWorkspaceView, useWorkspaceView, type WorkspaceView } from './quality-store';

export const QUALITY_PANEL_ID = 'workspace-panel-quality';

const TABS: [WorkspaceView, string][] = [
  ['drift', 'Drift'],
  ['timeline', 'Timeline'],
  ['quality', 'Model quality'],
];

/**
 * Set by an arrow key: each view renders its own tab bar, so the newly active tab only exists after the
 * switch has rendered, and the bar that mounts then takes the focus.
 */
let focusAfterSwitch = false;

export function WorkspaceTabs({ result }: { result: AnalysisResult }) {
  const view = useWorkspaceView();
  const { performance } = result;
  useEffect(() => {
    if (!focusAfterSwitch) return;
    focusAfterSwitch = false;
    document.getElementById(`workspace-tab-${view}`)?.focus();
  }, [view]);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const at = TABS.findIndex(([tab]) => tab === view);
    const step = event.key === 'ArrowRight' ? 1 : TABS.length - 1;
    const next: WorkspaceView = TABS[(at + step) % TABS.length][0];
    focusAfterSwitch = true;
    setWorkspaceView(next);
  };
  return (
    <div className="pq-tabs" role="tablist" aria-label="Workspace views" data-testid="workspace-tabs">
      {TABS.map(([tab, label]) => {
        const active = view === tab;
        return (
          <button
            key={tab}
            id={`workspace-tab-${tab}`}
            type="button"
            role="tab"
            className={active ? 'pq-tab pq-tab-active' : 'pq-tab'}
            aria-selected={active}
            aria-controls={tab === 'quality' && active ? QUALITY_PANEL_ID : undefined}
            tabIndex={active ? 0 : -1}
            data-testid={`tab-${tab}`}
            onClick={() => setWorkspaceView(tab)}
            onKeyDown={onKeyDown}
          >
            {label}
            {tab === 'quality' && performance?.modelDegraded && (
              <span className="pq-tab-flag" data-testid="tab-quality-degraded">
                degraded
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
