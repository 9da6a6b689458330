/** The selected feature: its verdict, the distribution chart and the summary statistics side by side. */
import { useMemo } from 'react';
import type { ColumnResult } from '../../../../shared/report/analysis-result';
import { PlotlyChart } from '../../components/plotly-chart';
import { distributionLayout, distributionTraces } from '../../lib/chart-data';
import { formatNumber } from '../../lib/format';
import { scoreMeaning, testLabel } from '../../lib/test-names';
import { useColorScheme } from '../../lib/use-color-scheme';
import { SummaryTable } from './summary-table';

export function FeatureDetail({ column }: { column: ColumnResult }) {
  const scheme = useColorScheme();
  const { distribution } = column;
  const data = useMemo(
    () => (distribution ? distributionTraces(distribution, scheme) : null),
    [distribution, scheme],
  );
  const layout = useMemo(
    () => (distribution ? distributionLayout(distribution, column.name, scheme) : null),
    [distribution, column.name, scheme],
  );
  const tested = column.test !== null && column.score !== null;
  return (
    <section
      className="detail"
      data-testid="feature-detail"
      data-column={column.name}
      aria-label="Feature detail"
    >
      <header className="detail-head">
        <h2 className="detail-title" data-testid="detail-title" title={column.name}>
          {column.name}
        </h2>
        <span className="chip">{column.type ?? 'unknown type'}</span>
        {tested ? (
          column.driftDetected ? (
            <span className="badge badge-drift">Drift</span>
          ) : (
            <span className="badge badge-ok">No drift</span>
          )
        ) : (
          <span className="badge badge-muted">Not tested</span>
        )}
      </header>
      {tested && (
        <div className="detail-test" data-testid="detail-test">
          {testLabel(column.test)} · score {formatNumber(column.score)} · threshold{' '}
          {formatNumber(column.threshold)} <span className="muted">({scoreMeaning(column.testKind)})</span>
        </div>
      )}
      {column.note && (
        <div className="detail-note" data-testid="detail-note">
          {column.note}
        </div>
      )}
      {data && layout && distribution ? (
        <PlotlyChart
          className="chart"
          testId={distribution.kind === 'histogram' ? 'histogram' : 'category-bars'}
          data={data}
          layout={layout}
          label={`Distribution of ${column.name}: reference and current`}
        />
      ) : (
        <div className="chart-empty muted">No distribution to plot for this column.</div>
      )}
      <SummaryTable column={column} />
    </section>
  );
}
