/** The session hook: wires the reducer to window.driftscope (loads, progress, cancel, analysis). */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { DatasetRole, LoadOutcome } from '../../../shared/api';
import { DEFAULT_SETTINGS } from '../../../shared/report/analysis-result';
import { getApi } from '../api';
import { initialSession, type SessionState, sessionReducer } from './session';

export interface SessionActions {
  pick(role: DatasetRole): void;
  openDropped(role: DatasetRole, path: string): void;
  loadDemo(): void;
  cancel(role: DatasetRole): void;
  select(column: string | null): void;
  dropRejected(role: DatasetRole, message: string): void;
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
      .runAnalysis({ ...DEFAULT_SETTINGS })
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
