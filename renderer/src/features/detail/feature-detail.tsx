/** The selected feature: its verdict, the distribution chart and the summary statistics side by side. */
import { useMemo } from 'react';
import type { ColumnResult } from '../../../../shared/report/analysis-result';
import { PlotlyChart } from '../../components/plotly-chart';
import { distributionLayout, distributionTraces } from '../../lib/chart-data';
import { formatInteger, formatNumber, formatPercent } from '../../lib/format';
import { scoreMeaning, testLabel } from '../../lib/test-names';
import { useColorScheme } from '../../lib/use-color-scheme';
import { SummaryTable } from './summary-table';

function CategoryChanges({
  label,
  categories,
  testId,
}: {
  label: string;
  categories: { value: string; count: number }[] | null;
  testId: string;
}) {
  if (!categories || categories.length === 0) return null;
  return (
    <div className="category-changes" data-testid={testId}>
      <span className="muted">{label}:</span>
      {categories.slice(0, 12).map((category) => (
        <span
          key={category.value}
          className="chip"
          title={`${category.value} (${formatInteger(category.count)})`}
        >
          {category.value} <span className="muted">{formatInteger(category.count)}</span>
        </span>
      ))}
      {categories.length > 12 && <span className="muted">and {categories.length - 12} more</span>}
    </div>
  );
}

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
      {column.missingDrift?.driftDetected && (
        <div className="detail-note" data-testid="detail-missing-drift">
          Missing share changed: {formatPercent(column.missingDrift.reference)} in reference,{' '}
          {formatPercent(column.missingDrift.current)} in current (p ={' '}
          {formatNumber(column.missingDrift.pValue)})
        </div>
      )}
      <CategoryChanges label="New in current" categories={column.newCategories} testId="new-categories" />
      <CategoryChanges
        label="Gone from current"
        categories={column.vanishedCategories}
        testId="vanished-categories"
      />
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
