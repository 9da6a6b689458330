/**
 * A small React wrapper around Plotly's strict bundle (no eval, works under our CSP): Plotly.react on
 * every change, Plots.resize when the container resizes, Plotly.purge on unmount. Callers pass labels
 * that came from data files through plotlySafeText first.
 */
import Plotly, { type PlotConfig, type PlotData, type PlotLayout } from 'plotly.js-strict-dist-min';
import { useEffect, useRef } from 'react';

interface Props {
  data: PlotData[];
  layout: PlotLayout;
  config?: PlotConfig;
  className?: string;
  testId?: string;
  label: string;
}

const DEFAULT_CONFIG: PlotConfig = {
  displaylogo: false,
  responsive: false,
  modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d', 'toImage'],
};

export function PlotlyChart({ data, layout, config, className, testId, label }: Props) {
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    void Plotly.react(element, data, { autosize: true, ...layout }, { ...DEFAULT_CONFIG, ...config });
  }, [data, layout, config]);

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (element.querySelector('.main-svg')) Plotly.Plots.resize(element);
      });
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      Plotly.purge(element);
    };
  }, []);

  return <div ref={root} className={className} data-testid={testId} role="img" aria-label={label} />;
}
