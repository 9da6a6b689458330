import type { ReactNode } from 'react';
import { PlotlyChart } from '../../components/plotly-chart';

type ChartProps = Parameters<typeof PlotlyChart>[0];

/**
 * One card of the Timeline and History views: a section named for screen readers, an optional header, one
 * Plotly figure (`data-testid` = testId, described by chartLabel) and, below it, any caption given as children.
 */
export function TimelineCard({
  label,
  head,
  figure,
  testId,
  chartLabel,
  onPointClick,
  children,
}: {
  label: string;
  head?: ReactNode;
  figure: { data: ChartProps['data']; layout: ChartProps['layout'] };
  testId: string;
  chartLabel: string;
  onPointClick?: ChartProps['onPointClick'];
  children?: ReactNode;
}) {
  return (
    <section className="tl-card" aria-label={label}>
      {head !== undefined && <header className="tl-card-head">{head}</header>}
      <PlotlyChart
        data={figure.data}
        layout={figure.layout}
        testId={testId}
        className="tl-chart"
        label={chartLabel}
        onPointClick={onPointClick}
      />
      {children}
    </section>
  );
}

/** A card's verdict over its chunks: "Drift in D of N chunks" (red) or "No drift in N chunks" (green). */
export function ChunkDriftBadge({
  drifted,
  total,
  testId,
}: {
  drifted: number;
  total: number;
  testId: string;
}) {
  return (
    <span className={drifted > 0 ? 'badge badge-drift' : 'badge badge-ok'} data-testid={testId}>
      {drifted > 0 ? `Drift in ${drifted} of ${total} chunks` : `No drift in ${total} chunks`}
    </span>
  );
}
