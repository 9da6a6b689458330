/**
 * The timeline of the session: computed in the engine worker ('timeline:run') whenever the settings'
 * `timeline` block or the analysis result changes (a new file, new settings), with progress per chunk
 * and cancel. A newer run supersedes an older one (the engine cancels it too).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TimelineProgress, TimelineRunOptions } from '../../../../shared/api';
import type { AnalysisResult, AnalysisSettings } from '../../../../shared/report/analysis-result';
import type { Timeline } from '../../../../shared/timeline/types';
import { getApi } from '../../api';

export interface TimelineState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  timeline: Timeline | null;
  /** The options the shown timeline was computed with. */
  spec: TimelineRunOptions | null;
  progress: TimelineProgress | null;
  error: string | null;
  /** Milliseconds the last run took, from the request to the answer. */
  elapsedMs: number | null;
}

export const IDLE_TIMELINE: TimelineState = {
  status: 'idle',
  timeline: null,
  spec: null,
  progress: null,
  error: null,
  elapsedMs: null,
};

/** The settings of the timeline run: the analysis settings without the timeline block itself. */
export function runSettings(settings: AnalysisSettings): AnalysisSettings {
  const { timeline: _spec, ...rest } = settings;
  return rest;
}

export function useTimeline(
  settings: AnalysisSettings,
  result: AnalysisResult | null,
): { state: TimelineState; cancel(): void; retry(): void } {
  const [state, setState] = useState<TimelineState>(IDLE_TIMELINE);
  const seq = useRef(0);
  const [attempt, setAttempt] = useState(0);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const spec = settings.timeline ?? null;
  const specKey = spec === null ? null : JSON.stringify(spec);

  useEffect(
    () =>
      getApi().onTimelineProgress((progress) =>
        setState((s) => (s.status === 'running' ? { ...s, progress } : s)),
      ),
    [],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: specKey stands for the spec; attempt re-runs on demand.
  useEffect(() => {
    const options = settingsRef.current.timeline;
    if (!result || !options) {
      setState(IDLE_TIMELINE);
      return;
    }
    const mine = ++seq.current;
    const started = performance.now();
    setState((s) => ({ ...s, status: 'running', progress: null, error: null }));
    getApi()
      .runTimeline(runSettings(settingsRef.current), options)
      .then(
        (timeline) => {
          if (mine !== seq.current) return;
          setState({
            status: 'done',
            timeline,
            spec: options,
            progress: null,
            error: null,
            elapsedMs: performance.now() - started,
          });
        },
        (error: unknown) => {
          if (mine !== seq.current) return;
          const message = error instanceof Error ? error.message : String(error);
          const cancelled = /cancelled/i.test(message);
          setState((s) => ({
            ...s,
            status: cancelled ? 'cancelled' : 'error',
            progress: null,
            error: cancelled ? null : message,
          }));
        },
      );
  }, [result, specKey, attempt]);

  const cancel = useCallback(() => {
    void getApi()
      .cancelTimeline()
      .catch(() => undefined);
  }, []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, cancel, retry };
}
