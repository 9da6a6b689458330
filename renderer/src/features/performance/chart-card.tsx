/** A titled card of the Model quality tab holding one Plotly chart, or a note when there is nothing to draw. */
import { type ReactNode, useId } from 'react';
import { PlotlyChart } from '../../components/plotly-chart';
import type { Chart } from './quality-charts';

export function ChartCard({
  title,
  chart,
  testId,
  label,
  empty,
  short = false,
  children,
}: {
  title: string;
  chart: Chart | null;
  testId: string;
  label: string;
  empty: string;
  short?: boolean;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <section className="pq-card" aria-labelledby={id}>
      <div className="pq-chart-head">
        <h3 id={id} className="pq-card-title">
          {title}
        </h3>
        {children}
      </div>
      {chart ? (
        <PlotlyChart
          className={short ? 'pq-chart pq-chart-short' : 'pq-chart'}
          testId={testId}
          data={chart.data}
          layout={chart.layout}
          label={label}
        />
      ) : (
        <div className="chart-empty muted" data-testid={`${testId}-empty`}>
          {empty}
        </div>
      )}
    </section>
  );
}
