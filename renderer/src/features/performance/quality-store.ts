/**
 * State of the Model quality tab that outlives the tab's components: which workspace view is shown, the
 * performance settings the user applied, and the analysis re-run with them. The session hook owns the
 * shell's result (run with the shell's settings); a re-run from here merges the shell result's own
 * settings with `applied` (so the drift part is unchanged) and is shown on this tab only while it belongs
 * to the same shell result (`base`).
 */
import { useSyncExternalStore } from 'react';
import type { PerformanceSettings } from '../../../../shared/drift/settings';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import { getApi } from '../../api';

export type WorkspaceView = 'drift' | 'quality';

export interface QualityState {
  view: WorkspaceView;
  /** Performance settings the user applied on this tab; null: the shell's settings as they are. */
  applied: PerformanceSettings | null;
  /** The shell result the re-run was made from, and the re-run's result. */
  base: AnalysisResult | null;
  result: AnalysisResult | null;
  status: 'idle' | 'running' | 'error';
  error: string | null;
}

let state: QualityState = {
  view: 'drift',
  applied: null,
  base: null,
  result: null,
  status: 'idle',
  error: null,
};
const listeners = new Set<() => void>();
let runSeq = 0;
let lastSynced: AnalysisResult | null = null;
/** The newest shell result seen, so a run that finishes after the shell moved on catches up. */
let latestShell: AnalysisResult | null = null;

function set(changes: Partial<QualityState>): void {
  state = { ...state, ...changes };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useQualityState(): QualityState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  );
}

export function useWorkspaceView(): WorkspaceView {
  return useQualityState().view;
}

export function setWorkspaceView(view: WorkspaceView): void {
  if (state.view !== view) set({ view });
}

/** Identity of the two files behind a result (name, rows and content hash). */
export function filesKey(result: AnalysisResult): string {
  const one = (f: AnalysisResult['reference']) => `${f.file}\u0000${f.rows}\u0000${f.sha256 ?? ''}`;
  return `${one(result.reference)}\u0001${one(result.current)}`;
}

/** The result this tab shows for a shell result: the re-run when it was made from it, else the shell's. */
export function effectiveResult(shell: AnalysisResult, s: QualityState = state): AnalysisResult {
  return s.result !== null && s.base === shell ? s.result : shell;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unexpected error';
}

/** Re-runs the analysis of the loaded files with the shell's settings and `performance` merged in. */
export function applyPerformance(shell: AnalysisResult, performance: PerformanceSettings): Promise<void> {
  const seq = ++runSeq;
  set({ status: 'running', error: null });
  return getApi()
    .runAnalysis({ ...shell.settings, performance })
    .then(
      (result) => {
        if (seq !== runSeq) return;
        set({ applied: performance, base: shell, result, status: 'idle' });
        if (latestShell !== null && latestShell !== shell) syncWithShell(latestShell);
      },
      (error: unknown) => {
        if (seq === runSeq) set({ status: 'error', error: errorMessage(error) });
      },
    );
}

/** Back to the shell's settings (and its result). */
export function resetPerformance(): void {
  runSeq++;
  set({ applied: null, base: null, result: null, status: 'idle', error: null });
}

/**
 * Keeps the applied settings across shell re-runs: when the shell produced a new result for the same
 * files, re-run with the applied settings; when the files changed, forget them.
 */
export function syncWithShell(shell: AnalysisResult): void {
  latestShell = shell;
  if (state.applied === null || state.base === shell || state.status === 'running') return;
  if (lastSynced === shell) return; // one attempt per shell result (no retry loop after an error)
  lastSynced = shell;
  if (state.base !== null && filesKey(state.base) !== filesKey(shell)) {
    resetPerformance();
    return;
  }
  void applyPerformance(shell, state.applied);
}
