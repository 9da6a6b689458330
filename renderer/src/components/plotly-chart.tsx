/**
 * A small React wrapper around Plotly's strict bundle (no eval, works under our CSP): Plotly.react on
 * every change, Plots.resize when the container resizes, Plotly.purge on unmount. The bundle (about
 * 5 MB) is loaded on first use, in its own chunk, so the window paints without it. Callers pass labels
 * that came from data files through plotlySafeText first.
 */
import type { PlotConfig, PlotData, PlotLayout, PlotlyApi } from 'plotly.js-strict-dist-min';
import { useEffect, useRef, useState } from 'react';

type PlotlyModule = PlotlyApi;

let plotlyPromise: Promise<PlotlyModule> | null = null;
function loadPlotly(): Promise<PlotlyModule> {
  if (!plotlyPromise) {
    // The UMD bundle arrives as the default export (CommonJS interop).
    plotlyPromise = import('plotly.js-strict-dist-min').then(
      (module): PlotlyModule => module.default ?? module,
    );
  }
  return plotlyPromise;
}

interface Props {
  data: PlotData[];
  layout: PlotLayout;
  config?: PlotConfig;
  className?: string;
  testId?: string;
  label: string;
  /**
   * Called with the trace and point index of a clicked bar or point, and the point's x and y (for a
   * heatmap cell, whose index is a [row, column] pair).
   */
  onPointClick?(curve: number, point: number, at: { x: unknown; y: unknown }): void;
  /** Set once the current data is drawn (data-chart-drawn increments), for tests and benchmarks. */
  onDrawn?(): void;
}

const DEFAULT_CONFIG: PlotConfig = {
  displaylogo: false,
  responsive: false,
  modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d', 'toImage'],
};

type PlotlyElement = HTMLElement & {
  on?(
    event: 'plotly_click',
    handler: (event: {
      points: {
        curveNumber: number;
        pointIndex?: number | number[];
        pointNumber?: number | number[];
        x?: unknown;
        y?: unknown;
      }[];
    }) => void,
  ): void;
  removeAllListeners?(event: string): void;
};

export function PlotlyChart({
  data,
  layout,
  config,
  className,
  testId,
  label,
  onPointClick,
  onDrawn,
}: Props) {
  const root = useRef<PlotlyElement>(null);
  const [drawn, setDrawn] = useState(0);
  const clickRef = useRef(onPointClick);
  clickRef.current = onPointClick;
  const drawnRef = useRef(onDrawn);
  drawnRef.current = onDrawn;
  // Draws run one after another, and purge waits for the last one: Plotly finishes an automargin redraw
  // asynchronously, and purging under it throws (reading _redrawFromAutoMarginCount of undefined).
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [plotly, setPlotly] = useState<PlotlyModule | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadPlotly().then(
      (module) => live && setPlotly(module),
      (error: unknown) => live && setLoadError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const element = root.current;
    if (!element || !plotly) return;
    let live = true;
    queue.current = queue.current
      .then(() =>
        live
          ? plotly.react(element, data, { autosize: true, ...layout }, { ...DEFAULT_CONFIG, ...config })
          : null,
      )
      .then((drawnElement) => {
        if (!live || drawnElement === null) return;
        // The figure's aria-label describes the drawing; its SVG (tick labels, legend, hover layer) would
        // only be noise to a screen reader. The modebar's buttons stay reachable.
        for (const svg of element.querySelectorAll('svg.main-svg')) svg.setAttribute('aria-hidden', 'true');
        setDrawn((n) => n + 1);
        drawnRef.current?.();
      })
      .catch((error: unknown) => console.warn('[plotly] draw failed', error));
    return () => {
      live = false;
    };
  }, [plotly, data, layout, config]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: Plotly adds `.on` at the first draw, so re-attach after each one.
  useEffect(() => {
    const element = root.current;
    if (!element || !plotly || !element.on) return;
    element.removeAllListeners?.('plotly_click');
    element.on('plotly_click', (event) => {
      const point = event.points[0];
      if (!point) return;
      const index = point.pointIndex ?? point.pointNumber ?? 0;
      clickRef.current?.(point.curveNumber, typeof index === 'number' ? index : 0, {
        x: point.x,
        y: point.y,
      });
    });
  }, [plotly, drawn]);

  useEffect(() => {
    const element = root.current;
    if (!element || !plotly) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // Plotly rejects a resize of a hidden or detached div (an unhandled rejection otherwise, seen when
        // a column's type changed and the chart was being replaced).
        if (!element.isConnected || element.offsetParent === null || !element.querySelector('.main-svg'))
          return;
        void Promise.resolve(plotly.Plots.resize(element)).catch(() => undefined);
      });
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      void queue.current.then(() => plotly.purge(element));
    };
  }, [plotly]);

  return (
    // A <figure> named by aria-label, not role="img": Plotly's modebar puts focusable buttons (zoom, pan,
    // reset) inside the container, and an img must not contain interactive content (axe: nested-interactive).
    <figure
      ref={root}
      className={className}
      data-testid={testId}
      data-chart-state={loadError ? 'error' : plotly ? 'ready' : 'loading'}
      data-chart-drawn={drawn}
      aria-label={label}
    >
      {loadError && <div className="chart-empty muted">The chart could not be drawn: {loadError}</div>}
    </figure>
  );
}
