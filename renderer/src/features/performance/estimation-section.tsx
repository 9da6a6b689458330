/**
 * Estimated against realised performance (docs/estimation.md): confidence-based performance estimation
 * (CBPE, NannyML's method) on every current row, the realised metrics on the labelled current rows only,
 * each with its sampling error, the reference baseline, the share of current rows labelled, whether the
 * probabilities were calibrated and the estimate's verdict (more than 3 sampling errors below the baseline).
 */
import type { PlotData } from 'plotly.js-strict-dist-min';
import { useId, useMemo } from 'react';
import { CBPE_METRICS, type EstimatedPerformance } from '../../../../shared/performance/cbpe-types';
import { metricLabel as label } from '../../../../shared/performance/metric-names';
import { ROLE_COLORS } from '../../../../shared/report/roles';
import { NumHead } from '../../components/table-cells';
import { THEMES } from '../../lib/chart-data';
import { formatInteger, formatPercent } from '../../lib/format';
import { ChartCard } from './chart-card';
import { baseLayout, type Chart, type Scheme } from './quality-charts';
import { formatMetric } from './quality-format';

function withError(value: number | null, error: number | null): string {
  if (value === null) return '—';
  return error === null
    ? formatMetric(value, 'classification')
    : `${formatMetric(value, 'classification')} ± ${formatMetric(error, 'classification')}`;
}

/** Baseline, estimate and realised value per metric; error bars = ±1 sampling error. */
function estimationChart(e: EstimatedPerformance, scheme: Scheme): Chart | null {
  const metrics = CBPE_METRICS.filter((m) => e.metrics[m] !== null || e.realised.metrics[m] !== null);
  if (metrics.length === 0) return null;
  // Three markers per metric side by side (offsets on a numeric axis, ticks at the metrics).
  const ticks = metrics.map((_, i) => i);
  const points = (
    name: string,
    values: (number | null)[],
    errors: (number | null)[] | null,
    color: string,
    symbol: string,
    offset: number,
  ): PlotData =>
    ({
      type: 'scatter',
      mode: 'markers',
      name,
      x: ticks.map((i) => i + offset),
      y: values,
      text: metrics.map(label),
      marker: { color, size: 10, symbol },
      ...(errors && {
        error_y: { type: 'data', array: errors.map((v) => v ?? 0), visible: true, color, thickness: 1.5 },
      }),
      hovertemplate: `${name}<br>%{text} %{y:.4f}<extra></extra>`,
    }) as PlotData;
  const data = [
    points(
      'Reference (baseline)',
      metrics.map((m) => e.reference[m]),
      null,
      THEMES[scheme].muted,
      'line-ew-open',
      -0.15,
    ),
    points(
      'Estimated (CBPE)',
      metrics.map((m) => e.metrics[m]),
      metrics.map((m) => e.samplingError[m]),
      ROLE_COLORS.current,
      'circle',
      0,
    ),
    points(
      'Realised (labelled rows)',
      metrics.map((m) => e.realised.metrics[m]),
      metrics.map((m) => e.realised.samplingError[m]),
      ROLE_COLORS.reference,
      'diamond',
      0.15,
    ),
  ];
  return {
    data,
    layout: baseLayout(scheme, '', 'Metric (± 1 sampling error)', {
      tickvals: ticks,
      ticktext: metrics.map(label),
      range: [-0.5, metrics.length - 0.5],
      zeroline: false,
    }),
  };
}

export function EstimationSection({
  estimated: e,
  scheme,
}: {
  estimated: EstimatedPerformance;
  scheme: Scheme;
}) {
  const titleId = useId();
  const chart = useMemo(() => estimationChart(e, scheme), [e, scheme]);
  const calibrated = e.calibration.filter((c) => c.calibrated).map((c) => c.label);
  return (
    <section className="pq-card" aria-labelledby={titleId} data-testid="estimation-section">
      <div className="pq-header-top">
        <h3 id={titleId} className="pq-card-title">
          Estimated performance before the labels arrive <span className="muted pq-small">(CBPE)</span>
        </h3>
        {e.degraded.length > 0 ? (
          <span className="badge badge-drift" data-testid="estimation-verdict">
            Estimate below baseline: {e.degraded.map(label).join(', ')}
          </span>
        ) : (
          <span className="badge badge-ok" data-testid="estimation-verdict">
            Estimate within 3 sampling errors of baseline
          </span>
        )}
        <span className="muted" data-testid="labelled-share">
          {formatPercent(e.labelledShare)} of current rows labelled · realised on{' '}
          {formatInteger(e.realised.n)}, estimated on {formatInteger(e.n)}
        </span>
      </div>
      <div className="pq-grid pq-grid-2">
        <table className="summary-table pq-table" data-testid="estimation-table">
          <caption className="pq-caption">
            Estimated on all current rows, realised on the labelled ones (± sampling error)
          </caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <NumHead>Reference</NumHead>
              <NumHead>Estimated</NumHead>
              <NumHead>Realised</NumHead>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {CBPE_METRICS.map((m) => (
              <tr key={m} data-testid="estimation-row" data-metric={m}>
                <th scope="row">{label(m)}</th>
                <td className="td-num" data-testid="estimation-reference">
                  {formatMetric(e.reference[m], 'classification')}
                </td>
                <td className="td-num" data-testid="estimation-estimated">
                  {withError(e.metrics[m], e.samplingError[m])}
                </td>
                <td className="td-num" data-testid="estimation-realised">
                  {withError(e.realised.metrics[m], e.realised.samplingError[m])}
                </td>
                <td>
                  {e.metrics[m] === null ? (
                    <span className="muted">—</span>
                  ) : e.degraded.includes(m) ? (
                    <span className="badge badge-drift">Below baseline</span>
                  ) : (
                    <span className="badge badge-ok">OK</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ChartCard
          title="Estimated and realised"
          chart={chart}
          testId="estimation-chart"
          label="Reference, estimated and realised metrics with sampling-error bars"
          empty="No metric to plot."
          short
        />
      </div>
      <ul className="pq-notes" data-testid="estimation-notes">
        <li data-testid="estimation-calibration">
          {e.calibrated
            ? `Probabilities calibrated on the reference (isotonic regression) for ${calibrated.join(', ')}: ${e.calibration.find((c) => c.calibrated)?.reason ?? ''}`
            : `Probabilities used as they are: ${e.calibration[0]?.reason ?? 'no calibration needed'}`}
        </li>
        {e.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
}
