/**
 * The session reducer, driven by the actions use-session.ts dispatches with the answers of a fake
 * `window.driftscope` that loads and analyses the real e2e shop files. Oracle: the state machine in
 * session.ts's comments (a load bumps the role's generation; an analysis keeps the selection only when the
 * column is still there; a failed settings change goes back to the settings of the result on show).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { getApi } from '../../../../renderer/src/api';
import {
  appState,
  initialSession,
  nothingOpened,
  type SessionAction,
  type SessionState,
  sessionReducer,
} from '../../../../renderer/src/state/session';
import { DEFAULT_SETTINGS, parseSettings } from '../../../../shared/drift/settings';
import { fakeDriftscope, installDriftscope } from '../fixture';

const run = (actions: SessionAction[], from: SessionState = initialSession) =>
  actions.reduce(sessionReducer, from);

let undo: (() => void) | undefined;
afterEach(() => undo?.());

/** What use-session's loadDemo and the analysis effect dispatch, with the fake's answers. */
async function loadedAndAnalysed(): Promise<SessionState> {
  undo = installDriftscope(fakeDriftscope());
  const outcomes = await getApi().loadDemo();
  let state = run([
    { type: 'load-start', role: 'reference' },
    { type: 'load-start', role: 'current' },
  ]);
  expect(appState(state)).toBe('loading');
  state = run(
    [
      { type: 'load-done', role: 'reference', outcome: outcomes.reference },
      { type: 'load-done', role: 'current', outcome: outcomes.current },
      { type: 'analysis-start' },
    ],
    state,
  );
  expect(appState(state)).toBe('analysing');
  const result = await getApi().runAnalysis(state.settings);
  return sessionReducer(state, { type: 'analysis-done', result });
}

describe('getApi', () => {
  it('is the window.driftscope the host exposed', () => {
    const fake = fakeDriftscope();
    undo = installDriftscope(fake);
    expect(getApi()).toBe(fake);
  });
  it('says the preload is missing when there is none', () => {
    undo = installDriftscope(undefined);
    expect(() => getApi()).toThrow('window.driftscope is missing');
  });
});

describe('sessionReducer', () => {
  it('starts empty', () => {
    expect(appState(initialSession)).toBe('empty');
    expect(nothingOpened(initialSession)).toBe(true);
    expect(initialSession.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('loads both files, counts a generation each, and is ready after the analysis', async () => {
    const state = await loadedAndAnalysed();
    expect(appState(state)).toBe('ready');
    expect(nothingOpened(state)).toBe(false);
    // shop-reference.csv: 400 rows, shop-current.csv: 300 rows (the files' line counts minus the header)
    expect(state.reference).toMatchObject({ status: 'loaded', generation: 1, progress: null, error: null });
    expect(state.reference.dataset?.rows).toBe(400);
    expect(state.current.dataset?.rows).toBe(300);
    expect(state.analysis.result?.columns.map((c) => c.name)).toContain('channel');
  });

  it('ignores progress for a role that is not loading, and shows it while loading', async () => {
    const ready = await loadedAndAnalysed();
    const progress = { role: 'reference' as const, bytesRead: 10, bytesTotal: 100, rows: 1 };
    expect(sessionReducer(ready, { type: 'load-progress', progress })).toBe(ready);
    const loading = run(
      [
        { type: 'load-start', role: 'reference' },
        { type: 'load-progress', progress },
      ],
      ready,
    );
    expect(loading.reference.progress).toEqual(progress);
    expect(loading.reference.generation).toBe(1);
  });

  it('keeps the selection across an analysis only while the column is in the result', async () => {
    const ready = await loadedAndAnalysed();
    const result = ready.analysis.result;
    if (!result) throw new Error('no result');
    const kept = run(
      [
        { type: 'select', column: 'income' },
        { type: 'analysis-done', result },
      ],
      ready,
    );
    expect(kept.selected).toBe('income');
    const without = await getApi().runAnalysis(parseSettings({ ignore: ['income'] }));
    const dropped = run(
      [
        { type: 'select', column: 'income' },
        { type: 'analysis-done', result: without },
      ],
      ready,
    );
    expect(dropped.selected).toBeNull();
  });

  it('a failed settings change goes back to the previous settings and keeps the result on show', async () => {
    const ready = await loadedAndAnalysed();
    const changed = parseSettings({ correction: 'bonferroni' });
    const running = sessionReducer(ready, { type: 'settings-start', settings: changed });
    expect(running.settings).toBe(changed);
    expect(appState(running)).toBe('analysing');
    expect(running.analysis.result).toBe(ready.analysis.result);
    const failed = sessionReducer(running, {
      type: 'settings-failed',
      previous: ready.settings,
      message: 'drift.json: unknown key "corection"',
    });
    expect(failed.settings).toBe(ready.settings);
    expect(failed.analysis).toEqual({ status: 'done', result: ready.analysis.result, error: null });
    expect(failed.notice).toBe('drift.json: unknown key "corection"');
    expect(appState(failed)).toBe('ready');
  });

  it('a failed or cancelled load clears the analysis and keeps the generation', async () => {
    const ready = await loadedAndAnalysed();
    const failed = run(
      [
        { type: 'load-start', role: 'current' },
        {
          type: 'load-done',
          role: 'current',
          outcome: { ok: false, cancelled: false, error: null },
        },
      ],
      ready,
    );
    expect(failed.current).toEqual({
      status: 'error',
      dataset: null,
      progress: null,
      error: { message: 'The file could not be loaded.', file: null, line: null, column: null },
      generation: 1,
    });
    expect(failed.analysis).toEqual({ status: 'idle', result: null, error: null });
    expect(appState(failed)).toBe('error');
    const cancelled = run(
      [{ type: 'load-done', role: 'reference', outcome: { ok: false, cancelled: true, error: null } }],
      ready,
    );
    expect(cancelled.reference).toMatchObject({ status: 'idle', dataset: null, generation: 1 });
    expect(appState(cancelled)).toBe('empty');
  });

  it('an aborted load gives the role back as it was', async () => {
    const ready = await loadedAndAnalysed();
    const aborted = run(
      [
        { type: 'load-start', role: 'reference' },
        { type: 'load-aborted', role: 'reference', previous: ready.reference },
      ],
      ready,
    );
    expect(aborted.reference).toBe(ready.reference);
  });

  it('a recompute keeps its column until the result or the failure arrives', async () => {
    const ready = await loadedAndAnalysed();
    const settings = parseSettings({ columns: { age: { test: 'psi' } } });
    const started = sessionReducer(ready, { type: 'recompute-start', column: 'age', settings });
    expect(started).toMatchObject({ recomputing: 'age', settings });
    const result = await getApi().runAnalysis(settings);
    expect(sessionReducer(started, { type: 'recompute-done', result })).toMatchObject({
      recomputing: null,
      analysis: { status: 'done', result, error: null },
    });
    expect(sessionReducer(started, { type: 'recompute-failed', message: 'x' })).toMatchObject({
      recomputing: null,
      notice: 'x',
    });
  });

  it('opening a session replaces settings, selection and view, and clears the notice', () => {
    const settings = parseSettings({ shareThreshold: 0.3 });
    const opened = run([
      { type: 'notice', message: 'old' },
      { type: 'view', bins: 30 },
      { type: 'session-opened', settings, selected: 'age', bins: 10, logY: true, name: 'a.driftscope' },
    ]);
    expect(opened).toMatchObject({
      settings,
      selected: 'age',
      bins: 10,
      logY: true,
      sessionName: 'a.driftscope',
      notice: null,
    });
    expect(sessionReducer(opened, { type: 'view', logY: false })).toMatchObject({ bins: 10, logY: false });
    expect(sessionReducer(opened, { type: 'session-saved', name: 'b.driftscope' }).sessionName).toBe(
      'b.driftscope',
    );
  });
});
