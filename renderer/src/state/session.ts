/**
 * The renderer's session state as a pure reducer: what is loaded per role, load progress, the analysis
 * and the selected feature. Side effects (calls to window.driftscope) live in use-session.ts.
 */
import type {
  DatasetRole,
  DatasetSummary,
  LoadOutcome,
  LoadProgress,
  UserFacingError,
} from '../../../shared/api';
import type { BinChoice } from '../../../shared/explore/types';
import {
  type AnalysisResult,
  type AnalysisSettings,
  DEFAULT_SETTINGS,
} from '../../../shared/report/analysis-result';
import type { TimelineSpec } from '../../../shared/timeline/analyze-timeline';

export type AppState = 'empty' | 'loading' | 'analysing' | 'ready' | 'error';

export interface RoleState {
  status: 'idle' | 'loading' | 'loaded' | 'error';
  dataset: DatasetSummary | null;
  progress: LoadProgress | null;
  error: UserFacingError | null;
  /** Increments on every successful load, so the analysis reruns when a file is replaced. */
  generation: number;
}

export interface AnalysisState {
  status: 'idle' | 'running' | 'done' | 'error';
  result: AnalysisResult | null;
  error: string | null;
}

export interface SessionState {
  reference: RoleState;
  current: RoleState;
  analysis: AnalysisState;
  selected: string | null;
  /**
   * The one settings object of the analysis (the same JSON as `driftscope analyze --config`): dataset-level
   * settings from the Analysis settings panel, column overrides from the column settings, the model
   * quality mapping from the Model quality tab, or all of them from a session. Saved with a session.
   */
  settings: AnalysisSettings;
  /** Histogram bins and y scale of the feature detail (saved with a session). */
  bins: BinChoice;
  logY: boolean;
  /** A column being re-tested after a settings change (null when none). */
  recomputing: string | null;
  /** Name of the session file last saved or opened (null when none). */
  sessionName: string | null;
  /** A problem with a session or recent file, shown in the top bar. */
  notice: string | null;
}

export type SessionAction =
  | { type: 'load-start'; role: DatasetRole }
  | { type: 'load-progress'; progress: LoadProgress }
  | { type: 'load-aborted'; role: DatasetRole; previous: RoleState }
  | { type: 'load-done'; role: DatasetRole; outcome: LoadOutcome }
  | { type: 'load-failed'; role: DatasetRole; message: string }
  | { type: 'analysis-start' }
  | { type: 'analysis-done'; result: AnalysisResult }
  | { type: 'analysis-failed'; message: string }
  | { type: 'select'; column: string | null }
  | { type: 'view'; bins?: BinChoice; logY?: boolean }
  | { type: 'recompute-start'; column: string; settings: AnalysisSettings }
  | { type: 'settings-start'; settings: AnalysisSettings }
  | { type: 'settings-failed'; previous: AnalysisSettings; message: string }
  | { type: 'recompute-done'; result: AnalysisResult }
  | { type: 'recompute-failed'; message: string }
  | {
      type: 'session-opened';
      settings: AnalysisSettings;
      selected: string | null;
      bins: BinChoice;
      logY: boolean;
      name: string | null;
    }
  | { type: 'session-saved'; name: string }
  | { type: 'timeline-spec'; spec: TimelineSpec }
  | { type: 'notice'; message: string | null };

const idleRole: RoleState = { status: 'idle', dataset: null, progress: null, error: null, generation: 0 };

export const initialSession: SessionState = {
  reference: idleRole,
  current: idleRole,
  analysis: { status: 'idle', result: null, error: null },
  selected: null,
  settings: { ...DEFAULT_SETTINGS },
  bins: 'auto',
  logY: false,
  recomputing: null,
  sessionName: null,
  notice: null,
};

const idleAnalysis: AnalysisState = { status: 'idle', result: null, error: null };

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'load-start':
      return {
        ...state,
        [action.role]: { ...state[action.role], status: 'loading', progress: null, error: null },
      };
    case 'load-progress': {
      const role = state[action.progress.role];
      if (role.status !== 'loading') return state;
      return { ...state, [action.progress.role]: { ...role, progress: action.progress } };
    }
    case 'load-aborted':
      return { ...state, [action.role]: action.previous };
    case 'load-done': {
      const role = state[action.role];
      const { outcome } = action;
      if (outcome.ok) {
        const next: RoleState = {
          status: 'loaded',
          dataset: outcome.dataset,
          progress: null,
          error: null,
          generation: role.generation + 1,
        };
        return { ...state, [action.role]: next };
      }
      if (outcome.cancelled) {
        return {
          ...state,
          [action.role]: { ...idleRole, generation: role.generation },
          analysis: idleAnalysis,
        };
      }
      const error = outcome.error ?? {
        message: 'The file could not be loaded.',
        file: null,
        line: null,
        column: null,
      };
      return {
        ...state,
        [action.role]: { status: 'error', dataset: null, progress: null, error, generation: role.generation },
        analysis: idleAnalysis,
      };
    }
    case 'load-failed': {
      const role = state[action.role];
      const error: UserFacingError = { message: action.message, file: null, line: null, column: null };
      return {
        ...state,
        [action.role]: { status: 'error', dataset: null, progress: null, error, generation: role.generation },
        analysis: idleAnalysis,
      };
    }
    case 'analysis-start':
      return { ...state, analysis: { status: 'running', result: state.analysis.result, error: null } };
    case 'analysis-done': {
      const names = action.result.columns.map((c) => c.name);
      const selected = state.selected !== null && names.includes(state.selected) ? state.selected : null;
      return { ...state, analysis: { status: 'done', result: action.result, error: null }, selected };
    }
    case 'analysis-failed':
      return { ...state, analysis: { status: 'error', result: null, error: action.message } };
    case 'select':
      return { ...state, selected: action.column };
    case 'view':
      return { ...state, bins: action.bins ?? state.bins, logY: action.logY ?? state.logY };
    case 'recompute-start':
      return { ...state, settings: action.settings, recomputing: action.column };
    case 'settings-start':
      // The whole analysis re-runs with the new settings; the result on show stays until it is replaced.
      return {
        ...state,
        settings: action.settings,
        recomputing: null,
        analysis: { status: 'running', result: state.analysis.result, error: null },
      };
    case 'settings-failed': {
      // Back to the settings the result on show was made with; the message says what was wrong.
      const { result } = state.analysis;
      return {
        ...state,
        settings: action.previous,
        analysis: result
          ? { status: 'done', result, error: null }
          : { status: 'error', result: null, error: action.message },
        notice: action.message,
      };
    }
    case 'recompute-done':
      return {
        ...state,
        analysis: { status: 'done', result: action.result, error: null },
        recomputing: null,
      };
    case 'recompute-failed':
      return { ...state, recomputing: null, notice: action.message };
    case 'session-opened':
      return {
        ...state,
        settings: action.settings,
        selected: action.selected,
        bins: action.bins,
        logY: action.logY,
        sessionName: action.name,
        notice: null,
      };
    case 'session-saved':
      return { ...state, sessionName: action.name, notice: null };
    case 'timeline-spec':
      // The chunking lives in the settings (saved with a session, the config's `timeline` block); the
      // two-file analysis does not read it, so it does not re-run.
      return { ...state, settings: { ...state.settings, timeline: action.spec } };
    case 'notice':
      return { ...state, notice: action.message };
  }
}

/** The value of `data-app-state` on the root element. */
export function appState(state: SessionState): AppState {
  if (state.reference.status === 'loading' || state.current.status === 'loading') return 'loading';
  if (state.analysis.status === 'running') return 'analysing';
  if (
    state.reference.status === 'error' ||
    state.current.status === 'error' ||
    state.analysis.status === 'error'
  ) {
    return 'error';
  }
  if (state.analysis.status === 'done') return 'ready';
  return 'empty';
}

export function nothingOpened(state: SessionState): boolean {
  return (
    state.reference.dataset === null &&
    state.current.dataset === null &&
    state.reference.status !== 'loading' &&
    state.current.status !== 'loading'
  );
}
