/**
 * The Serving section of the Model quality tab (docs/serving.md): latency p50 / p95 / p99 / mean of
 * reference and current with the KS test and the p95 difference's bootstrap interval, the overlaid latency
 * distributions on a log axis, and the error rates with the two-proportion z-test. Engine numbers as they
 * are (analysis result `serving`); column names from data files are React text.
 */
import { useId, useMemo } from 'react';
import type { ServingResult } from '../../../../shared/performance/serving-types';
import { NumHead, RoleCells, RoleHeads, RoleName } from '../../components/table-cells';
import { formatInteger, formatNumber, formatPercent } from '../../lib/format';
import { ChartCard } from './chart-card';
import type { Scheme } from './quality-charts';
import { formatPValue } from './quality-format';
import { latencyChart } from './serving-charts';

const QUANTILES = [
  ['p50', 'p50 (median)'],
  ['p95', 'p95'],
  ['p99', 'p99'],
  ['mean', 'Mean'],
] as const;

function Significance({ pValue }: { pValue: number | null }) {
  if (pValue === null) return <span className="badge badge-muted">Not tested</span>;
  return pValue < 0.05 ? (
    <span className="badge badge-drift">Changed (p &lt; 0.05)</span>
  ) : (
    <span className="badge badge-ok">No significant change</span>
  );
}

export function ServingSection({ serving, scheme }: { serving: ServingResult; scheme: Scheme }) {
  const titleId = useId();
  const { latency, errorRate } = serving;
  const chart = useMemo(() => (latency ? latencyChart(latency, scheme) : null), [latency, scheme]);
  return (
    <section className="pq-card" aria-labelledby={titleId} data-testid="serving-section">
      <h3 id={titleId} className="pq-card-title">
        Serving
      </h3>
      <div className="pq-grid pq-grid-2">
        <div className="pq-stack">
          {latency && (
            <table className="summary-table pq-table" data-testid="serving-latency">
              <caption className="pq-caption">
                Latency{' '}
                <span className="muted">
                  · column {latency.column}, in {latency.unit}
                </span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">Statistic</th>
                  <RoleHeads />
                </tr>
              </thead>
              <tbody>
                {QUANTILES.map(([key, label]) => (
                  <tr key={key} data-testid="latency-row" data-stat={key}>
                    <th scope="row">{label}</th>
                    <RoleCells
                      testId="latency"
                      reference={formatNumber(latency.reference?.[key] ?? null)}
                      current={formatNumber(latency.current?.[key] ?? null)}
                    />
                  </tr>
                ))}
                <tr className="pq-row-muted">
                  <th scope="row">Requests</th>
                  <RoleCells
                    reference={formatInteger(latency.reference?.n ?? null)}
                    current={formatInteger(latency.current?.n ?? null)}
                  />
                </tr>
              </tbody>
            </table>
          )}
          {latency && (
            <dl className="pq-facts" data-testid="serving-latency-tests">
              <dt>p95 difference (current − reference)</dt>
              <dd data-testid="p95-difference">
                {latency.p95Difference === null ? (
                  '—'
                ) : (
                  <>
                    {formatNumber(latency.p95Difference.value)} {latency.unit}{' '}
                    <span className="muted">
                      95 % interval [{formatNumber(latency.p95Difference.ciLow)},{' '}
                      {formatNumber(latency.p95Difference.ciHigh)}] · bootstrap,{' '}
                      {formatInteger(latency.p95Difference.resamples)} resamples
                    </span>
                  </>
                )}
              </dd>
              <dt>Kolmogorov–Smirnov on the latency</dt>
              <dd data-testid="latency-ks">
                {latency.ks === null ? (
                  '—'
                ) : (
                  <>
                    D = {formatNumber(latency.ks.statistic)}, p = {formatPValue(latency.ks.pValue)}{' '}
                    <Significance pValue={latency.ks.pValue} />
                  </>
                )}
              </dd>
            </dl>
          )}
          {errorRate && (
            <table className="summary-table pq-table" data-testid="serving-errors">
              <caption className="pq-caption">
                Error rate{' '}
                <span className="muted">
                  · column {errorRate.column},{' '}
                  {errorRate.coding === 'http' ? 'HTTP codes (5xx = error)' : 'error flag (1 = error)'}
                </span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <NumHead>Errors</NumHead>
                  <NumHead>Requests</NumHead>
                  <NumHead>Rate</NumHead>
                </tr>
              </thead>
              <tbody>
                {(['reference', 'current'] as const).map((role) => (
                  <tr key={role} data-testid={`error-rate-${role}`}>
                    <th scope="row">
                      <RoleName side={role} />
                    </th>
                    <td className="td-num">{formatInteger(errorRate[`${role}Errors`])}</td>
                    <td className="td-num">{formatInteger(errorRate[`${role}N`])}</td>
                    <td className="td-num" data-testid="error-rate">
                      {formatPercent(errorRate[role], 2)}
                    </td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Two-proportion z-test</th>
                  <td colSpan={3} className="td-num" data-testid="error-rate-test">
                    z = {formatNumber(errorRate.statistic)}, p = {formatPValue(errorRate.pValue)}{' '}
                    <Significance pValue={errorRate.pValue} />
                  </td>
                </tr>
              </tbody>
            </table>
          )}
        </div>
        {latency && (
          <ChartCard
            title="Latency distribution"
            chart={chart}
            testId="latency-chart"
            label="Latency distributions of reference and current on a log axis, with each p95"
            empty="No positive latency to plot."
          />
        )}
      </div>
      {serving.notes.length > 0 && (
        <ul className="pq-notes" data-testid="serving-notes">
          {serving.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
