/** The Driftscope window: dataset slots, then the verdict, the drift table and the selected feature. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DatasetRole } from '../../shared/api';
import type { MonitorHistory } from '../../shared/monitoring/history-timeline';
import type { AnalysisResult, ColumnResult } from '../../shared/report/analysis-result';
import { getApi } from './api';
import { MonitoringMenu } from './features/baseline/monitoring-menu';
import { FeatureDetail } from './features/detail/feature-detail';
import { useColumnDetail } from './features/detail/use-column-detail';
import { DatasetSlot } from './features/open/dataset-slot';
import { AnalysisSettingsButton } from './features/overview/analysis-settings';
import { DriftTable } from './features/overview/drift-table';
import { MultivariateCard } from './features/overview/multivariate-card';
import { OnlyInFiles } from './features/overview/only-in-files';
import { VerdictCard } from './features/overview/verdict-card';
import { ModelQualityView } from './features/performance/model-quality-view';
import { useWorkspaceView } from './features/performance/quality-store';
import { WorkspaceTabs } from './features/performance/workspace-tabs';
import { ExportMenu } from './features/report/export-menu';
import { SessionMenu } from './features/session/session-menu';
import { latestChunk } from './features/timeline/heatmap-data';
import { HistoryView } from './features/timeline/history-view';
import { TimelineView } from './features/timeline/timeline-view';
import { useTimeline } from './features/timeline/use-timeline';
import { setThemePreference } from './lib/theme';
import { appState, nothingOpened, type SessionState } from './state/session';
import { type SessionActions, useSession } from './state/use-session';

const ROLES: DatasetRole[] = ['reference', 'current'];
let launchHandled = false;

/** The feature detail of the selected column, with its detail data fetched from the engine. */
function DetailPane({
  column,
  result,
  state,
  actions,
}: {
  column: ColumnResult;
  result: AnalysisResult;
  state: SessionState;
  actions: SessionActions;
}) {
  const detailState = useColumnDetail(column.name, state.bins, result);
  return (
    <FeatureDetail
      column={column}
      detailState={detailState}
      override={state.settings.columns?.[column.name]}
      recomputing={state.recomputing === column.name}
      bins={state.bins}
      logY={state.logY}
      onView={actions.setView}
      onOverride={(override) => actions.setColumnOverride(column.name, override)}
      fromProfiles={result.reference.format === 'profile' || result.current.format === 'profile'}
    />
  );
}

export function App() {
  const [state, actions] = useSession();
  const view = useWorkspaceView();
  // The drift table's sort order, read when a report is exported (columns in the order the user sees).
  const tableOrder = useRef<string[] | null>(null);
  const setTableOrder = useCallback((names: string[]) => {
    tableOrder.current = names;
  }, []);
  const { result } = state.analysis;
  const timeline = useTimeline(state.settings, result);
  const latest = timeline.state.timeline ? latestChunk(timeline.state.timeline) : null;
  // An opened monitor history takes the window until it is closed (the loaded files stay loaded).
  const [history, setHistory] = useState<MonitorHistory | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const openHistory = useCallback(() => {
    getApi()
      .openHistory()
      .then(
        (opened) => {
          if (opened) {
            setHistory(opened);
            setHistoryError(null);
          }
        },
        (error: unknown) => setHistoryError(error instanceof Error ? error.message : String(error)),
      );
  }, []);

  useEffect(() => {
    getApi()
      .getPreferences()
      .then(
        (preferences) => setThemePreference(preferences.theme),
        () => undefined,
      );
  }, []);

  useEffect(() => {
    // Main loads the window with ?demo=1 (`npm start` without files) or ?reference=PATH&current=PATH
    // (`driftscope-app ref.csv cur.csv`); the flag guards against effects running twice.
    if (launchHandled) return;
    launchHandled = true;
    const params = new URLSearchParams(window.location.search);
    if (params.get('demo') === '1') {
      actions.loadDemo();
      return;
    }
    for (const role of ROLES) {
      const launchPath = params.get(role);
      if (launchPath) actions.openDropped(role, launchPath);
    }
  }, [actions.loadDemo, actions.openDropped]);

  // One element per settings and result, so the (memoised) drift table does not re-render when only the
  // feature detail's view changes (re-binning).
  const toolbarExtra = useMemo(
    () =>
      result ? (
        <AnalysisSettingsButton settings={state.settings} result={result} onApply={actions.applySettings} />
      ) : null,
    [state.settings, result, actions.applySettings],
  );

  const selected = result?.columns.find((column) => column.name === state.selected) ?? null;
  const workspace = result !== null && history === null;
  const empty = nothingOpened(state);

  return (
    <div className="app" data-testid="app" data-app-state={appState(state)}>
      <header className="topbar">
        <div className="brand">
          <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M3 17c3-8 6-8 9-3s6 5 9-3" />
          </svg>
          <span>Driftscope</span>
        </div>
        {workspace && (
          <div className="topbar-slots">
            {ROLES.map((role) => (
              <DatasetSlot key={role} role={role} state={state[role]} actions={actions} compact />
            ))}
          </div>
        )}
        {state.analysis.status === 'running' && (
          <div className="analysing" data-testid="analysing">
            <span className="spinner" aria-hidden="true" /> Analysing…
          </div>
        )}
        {workspace && <ExportMenu getColumnOrder={() => tableOrder.current} />}
        <MonitoringMenu
          canSaveBaseline={state.reference.status === 'loaded'}
          onSaveBaseline={actions.saveBaseline}
          onOpenBaseline={() => {
            setHistory(null);
            actions.openBaseline();
          }}
          onOpenHistory={openHistory}
        />
        <SessionMenu actions={actions} canSave={workspace} />
      </header>
      {historyError && (
        <div className="notice" role="alert" data-testid="history-error">
          <span>{historyError}</span>
          <button type="button" className="btn btn-quiet" onClick={() => setHistoryError(null)}>
            Dismiss
          </button>
        </div>
      )}
      {history && <HistoryView history={history} onClose={() => setHistory(null)} />}
      {state.notice && (
        <div className="notice" role="alert" data-testid="notice">
          <span>{state.notice}</span>
          <button type="button" className="btn btn-quiet" onClick={actions.dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      {state.sessionName && workspace && (
        <div className="sr-only" data-testid="session-name">
          {state.sessionName}
        </div>
      )}

      {!workspace && history === null && (
        <main className="welcome">
          <div className="welcome-intro">
            <h1>Compare two datasets for drift</h1>
            <p className="muted">
              Open the reference data your model learned from and the current data it sees now. Driftscope
              tests every column and shows what changed.
            </p>
          </div>
          <div className="welcome-slots">
            {ROLES.map((role) => (
              <DatasetSlot key={role} role={role} state={state[role]} actions={actions} compact={false} />
            ))}
          </div>
          {state.analysis.status === 'error' && (
            <div className="load-error" role="alert" data-testid="analysis-error">
              <div className="load-error-title">The analysis failed</div>
              <div className="load-error-message">{state.analysis.error}</div>
            </div>
          )}
          {empty && (
            <div className="welcome-demo">
              <span className="muted">No data at hand?</span>
              <button type="button" className="btn" data-testid="demo" onClick={actions.loadDemo}>
                Open the demo
              </button>
            </div>
          )}
        </main>
      )}

      {workspace && result && view === 'quality' && (
        <ModelQualityView
          result={result}
          performance={state.settings.performance}
          running={state.analysis.status === 'running'}
          onApply={(performance) => {
            const { performance: _old, ...rest } = state.settings;
            actions.applySettings(performance === undefined ? rest : { ...rest, performance });
          }}
        />
      )}
      {workspace && result && view === 'timeline' && (
        <TimelineView
          result={result}
          settings={state.settings}
          columns={state.current.dataset?.columns ?? []}
          timeline={timeline.state}
          bins={state.bins}
          logY={state.logY}
          onView={actions.setView}
          onSpec={actions.setTimeline}
          onCancel={timeline.cancel}
          onRetry={timeline.retry}
        />
      )}
      {workspace && result && view === 'drift' && (
        <main className="workspace">
          <WorkspaceTabs result={result} />
          <div className="overview">
            <VerdictCard result={result} latest={latest} />
            <MultivariateCard
              result={result}
              settings={state.settings}
              running={state.analysis.status === 'running'}
              onApply={actions.applySettings}
              onSelect={actions.select}
            />
            <OnlyInFiles result={result} />
          </div>
          <div className="split">
            <DriftTable
              result={result}
              selected={state.selected}
              onSelect={actions.select}
              onOrderChange={setTableOrder}
              toolbarExtra={toolbarExtra}
            />
            <aside className="detail-pane">
              {selected ? (
                <DetailPane column={selected} result={result} state={state} actions={actions} />
              ) : (
                <div className="detail-placeholder muted" data-testid="detail-placeholder">
                  Select a column in the table to see its distributions.
                </div>
              )}
            </aside>
          </div>
        </main>
      )}
    </div>
  );
}
