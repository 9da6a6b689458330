/** The session hook: wires the reducer to window.driftscope (loads, progress, cancel, analysis). */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { DatasetRole, LoadOutcome, SessionOpenOutcome } from '../../../shared/api';
import { DEMO_TIMELINE } from '../../../shared/demo/generate-demo';
import type { AnalysisSettings, ColumnOverride } from '../../../shared/drift/settings';
import type { BinChoice } from '../../../shared/explore/types';
import type { TimelineSpec } from '../../../shared/timeline/analyze-timeline';
import { getApi } from '../api';
import { initialSession, type SessionState, sessionReducer } from './session';

export interface SessionActions {
  pick(role: DatasetRole): void;
  openDropped(role: DatasetRole, path: string): void;
  loadDemo(): void;
  cancel(role: DatasetRole): void;
  select(column: string | null): void;
  dropRejected(role: DatasetRole, message: string): void;
  /** Sets (or, with null, clears) one column's type/test/threshold override and re-tests that column. */
  setColumnOverride(column: string, override: ColumnOverride | null): void;
  /**
   * Replaces the whole settings object (dataset-level settings, column overrides, model quality mapping)
   * and re-runs the analysis with it; on failure the previous settings come back with a notice.
   */
  applySettings(settings: AnalysisSettings): void;
  setView(view: { bins?: BinChoice; logY?: boolean }): void;
  /** Sets the timeline's chunking (settings.timeline); the timeline re-computes, the analysis does not. */
  setTimeline(spec: TimelineSpec): void;
  openSession(): void;
  saveSession(): void;
  openRecent(id: string): void;
  /** Saves the loaded reference with the current settings as a baseline (a Save dialog in main). */
  saveBaseline(): void;
  /** Opens a baseline: its reference (hash checked) replaces the reference, its settings the settings. */
  openBaseline(): void;
  dismissNotice(): void;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unexpected error';
}

export function useSession(): [SessionState, SessionActions] {
  const [state, dispatch] = useReducer(sessionReducer, initialSession);
  const stateRef = useRef(state);
  stateRef.current = state;
  const analysisSeq = useRef(0);
  const recomputeSeq = useRef(0);

  /** Loads both files through `open` (a session or a recent pair); a cancelled dialog restores the slots. */
  const runSessionLoad = useCallback((open: () => Promise<SessionOpenOutcome | null>) => {
    const previous = { reference: stateRef.current.reference, current: stateRef.current.current };
    dispatch({ type: 'load-start', role: 'reference' });
    dispatch({ type: 'load-start', role: 'current' });
    open().then(
      (outcome) => {
        if (outcome === null) {
          dispatch({ type: 'load-aborted', role: 'reference', previous: previous.reference });
          dispatch({ type: 'load-aborted', role: 'current', previous: previous.current });
          return;
        }
        const { session } = outcome;
        dispatch({
          type: 'session-opened',
          settings: session.settings,
          selected: session.ui.selected,
          bins: session.ui.bins,
          logY: session.ui.logY,
          name: session.fileName || null,
        });
        dispatch({ type: 'load-done', role: 'reference', outcome: outcome.reference });
        dispatch({ type: 'load-done', role: 'current', outcome: outcome.current });
      },
      (error: unknown) => {
        dispatch({ type: 'load-aborted', role: 'reference', previous: previous.reference });
        dispatch({ type: 'load-aborted', role: 'current', previous: previous.current });
        dispatch({ type: 'notice', message: errorMessage(error) });
      },
    );
  }, []);

  useEffect(() => getApi().onProgress((progress) => dispatch({ type: 'load-progress', progress })), []);

  const runLoad = useCallback((role: DatasetRole, load: () => Promise<LoadOutcome | null>) => {
    const previous = stateRef.current[role];
    dispatch({ type: 'load-start', role });
    load().then(
      (outcome) => {
        if (outcome === null) dispatch({ type: 'load-aborted', role, previous });
        else dispatch({ type: 'load-done', role, outcome });
      },
      (error: unknown) => dispatch({ type: 'load-failed', role, message: errorMessage(error) }),
    );
  }, []);

  const actions: SessionActions = {
    pick: useCallback((role) => runLoad(role, () => getApi().pickDataset(role)), [runLoad]),
    openDropped: useCallback(
      (role, path) => runLoad(role, () => getApi().openDroppedDataset(role, path)),
      [runLoad],
    ),
    loadDemo: useCallback(() => {
      // The demo's current set spans twelve weeks: its timeline is weekly on application_date.
      dispatch({ type: 'timeline-spec', spec: DEMO_TIMELINE });
      dispatch({ type: 'load-start', role: 'reference' });
      dispatch({ type: 'load-start', role: 'current' });
      getApi()
        .loadDemo()
        .then(
          (outcomes) => {
            dispatch({ type: 'load-done', role: 'reference', outcome: outcomes.reference });
            dispatch({ type: 'load-done', role: 'current', outcome: outcomes.current });
          },
          (error: unknown) => {
            dispatch({ type: 'load-failed', role: 'reference', message: errorMessage(error) });
            dispatch({ type: 'load-failed', role: 'current', message: errorMessage(error) });
          },
        );
    }, []),
    cancel: useCallback((role) => {
      getApi()
        .cancelLoad(role)
        .catch(() => undefined);
    }, []),
    select: useCallback((column) => dispatch({ type: 'select', column }), []),
    dropRejected: useCallback((role, message) => dispatch({ type: 'load-failed', role, message }), []),
    setColumnOverride: useCallback((column, override) => {
      const { settings } = stateRef.current;
      const columns = { ...settings.columns };
      if (override === null) delete columns[column];
      else columns[column] = override;
      const next = { ...settings, columns };
      const seq = ++recomputeSeq.current;
      dispatch({ type: 'recompute-start', column, settings: next });
      getApi()
        .recomputeColumn(column, next)
        .then(
          (result) => {
            if (seq === recomputeSeq.current) dispatch({ type: 'recompute-done', result });
          },
          (error: unknown) => {
            if (seq === recomputeSeq.current)
              dispatch({ type: 'recompute-failed', message: errorMessage(error) });
          },
        );
    }, []),
    applySettings: useCallback((settings) => {
      const previous = stateRef.current.settings;
      const seq = ++analysisSeq.current;
      recomputeSeq.current++; // a column re-test in flight would answer for the old settings
      dispatch({ type: 'settings-start', settings });
      getApi()
        .runAnalysis(settings)
        .then(
          (result) => {
            if (seq === analysisSeq.current) dispatch({ type: 'analysis-done', result });
          },
          (error: unknown) => {
            if (seq === analysisSeq.current)
              dispatch({ type: 'settings-failed', previous, message: errorMessage(error) });
          },
        );
    }, []),
    setView: useCallback((view) => dispatch({ type: 'view', ...view }), []),
    setTimeline: useCallback((spec) => dispatch({ type: 'timeline-spec', spec }), []),
    openSession: useCallback(() => runSessionLoad(() => getApi().openSession()), [runSessionLoad]),
    openRecent: useCallback((id) => runSessionLoad(() => getApi().openRecent(id)), [runSessionLoad]),
    saveSession: useCallback(() => {
      const { settings, selected, bins, logY } = stateRef.current;
      getApi()
        .saveSession({ settings, ui: { selected, bins, logY } })
        .then(
          (saved) => {
            if (saved) dispatch({ type: 'session-saved', name: saved.fileName });
          },
          (error: unknown) => dispatch({ type: 'notice', message: errorMessage(error) }),
        );
    }, []),
    saveBaseline: useCallback(() => {
      getApi()
        .saveBaseline(stateRef.current.settings)
        .then(
          (saved) => {
            if (saved)
              dispatch({
                type: 'notice',
                message: `Saved the baseline ${saved.fileName}: model "${saved.model}", ${saved.columns} columns, ${saved.rows} reference rows.`,
              });
          },
          (error: unknown) => dispatch({ type: 'notice', message: errorMessage(error) }),
        );
    }, []),
    openBaseline: useCallback(() => {
      const previous = stateRef.current.reference;
      dispatch({ type: 'load-start', role: 'reference' });
      getApi()
        .openBaseline()
        .then(
          (opened) => {
            if (opened === null) {
              dispatch({ type: 'load-aborted', role: 'reference', previous });
              return;
            }
            const { settings, fileName, model } = opened.baseline;
            const { selected, bins, logY } = stateRef.current;
            dispatch({ type: 'session-opened', settings, selected, bins, logY, name: null });
            dispatch({ type: 'load-done', role: 'reference', outcome: opened.reference });
            dispatch({
              type: 'notice',
              message: `Opened the baseline ${fileName} (model "${model}"): its reference and settings are loaded; open current data to compare.`,
            });
          },
          (error: unknown) => {
            dispatch({ type: 'load-aborted', role: 'reference', previous });
            dispatch({ type: 'notice', message: errorMessage(error) });
          },
        );
    }, []),
    dismissNotice: useCallback(() => dispatch({ type: 'notice', message: null }), []),
  };

  // Analyse whenever both files are loaded and one of them changed since the last run: the key holds
  // each role's load generation, which increments when a file is replaced.
  const { reference: ref, current: cur } = state;
  const analysisKey =
    ref.status === 'loaded' && cur.status === 'loaded' ? `${ref.generation}:${cur.generation}` : null;
  useEffect(() => {
    if (analysisKey === null) return;
    const seq = ++analysisSeq.current;
    dispatch({ type: 'analysis-start' });
    getApi()
      .runAnalysis(stateRef.current.settings)
      .then(
        (result) => {
          if (seq === analysisSeq.current) dispatch({ type: 'analysis-done', result });
        },
        (error: unknown) => {
          if (seq === analysisSeq.current)
            dispatch({ type: 'analysis-failed', message: errorMessage(error) });
        },
      );
  }, [analysisKey]);

  return [state, actions];
}
