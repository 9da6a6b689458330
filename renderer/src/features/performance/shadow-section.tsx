/**
 * The Shadow section of the Model quality tab (docs/shadow.md): champion and challenger on the same current
 * rows, their metrics side by side with the difference (challenger − champion) and its paired bootstrap
 * 95 % interval, the verdict at its α on the primary metric, McNemar (classification) or Wilcoxon
 * (regression), the agreement and the drift tests between the two models' outputs, the features whose bins
 * hold the most disagreement and, on a click, the current rows behind them (dataset:rows). Labels and cells
 * come from data files: React text only.
 */
import { useId, useState } from 'react';
import { metricLabel } from '../../../../shared/performance/metric-names';
import type { ShadowResult } from '../../../../shared/performance/shadow-types';
import { SHADOW_VERDICT_LABELS } from '../../../../shared/performance/shadow-verdict-labels';
import type { DriftCheck, Task } from '../../../../shared/performance/types';
import { NumHead } from '../../components/table-cells';
import { formatInteger, formatNumber, formatPercent } from '../../lib/format';
import { testLabel } from '../../lib/test-names';
import { RowsPanel, type RowsRequest } from '../detail/rows-panel';
import { formatDelta, formatMetric, formatPValue } from './quality-format';

function VerdictBadge({ shadow }: { shadow: ShadowResult }) {
  if (shadow.verdict === null)
    return (
      <span className="badge badge-muted" data-testid="shadow-verdict">
        No verdict (no labelled rows)
      </span>
    );
  const tone =
    shadow.verdict === 'challenger_better'
      ? 'badge-ok'
      : shadow.verdict === 'challenger_worse'
        ? 'badge-drift'
        : 'badge-muted';
  return (
    <span className={`badge ${tone}`} data-testid="shadow-verdict" data-verdict={shadow.verdict}>
      {SHADOW_VERDICT_LABELS[shadow.verdict]}
    </span>
  );
}

function CheckCell({ check }: { check: DriftCheck }) {
  return (
    <>
      {testLabel(check.test)} {formatNumber(check.score)}{' '}
      {check.test === null ? null : check.driftDetected ? (
        <span className="badge badge-drift">Differ</span>
      ) : (
        <span className="badge badge-ok">Alike</span>
      )}
    </>
  );
}

export function ShadowSection({ shadow, task }: { shadow: ShadowResult; task: Task }) {
  const titleId = useId();
  const [rows, setRows] = useState<RowsRequest | null>(null);
  const kind = task === 'regression' ? 'regression' : 'classification';
  const keys = Object.keys(shadow.champion);
  const confidence = `${Math.round(shadow.bootstrap.confidence * 100)} %`;
  return (
    <section className="pq-card" aria-labelledby={titleId} data-testid="shadow-section">
      <div className="pq-header-top">
        <h3 id={titleId} className="pq-card-title">
          Shadow: champion against challenger
        </h3>
        <VerdictBadge shadow={shadow} />
        <span className="muted" data-testid="shadow-basis">
          on {metricLabel(shadow.primaryMetric)} at α = {formatNumber(shadow.alpha)} ·{' '}
          {formatInteger(shadow.labelled)} labelled of {formatInteger(shadow.n)} rows · challenger{' '}
          {[shadow.challengerPrediction, ...(shadow.challengerProba ?? [])]
            .filter((c): c is string => c !== null)
            .join(', ')}
        </span>
      </div>
      <div className="pq-grid pq-grid-2">
        <table className="summary-table pq-table" data-testid="shadow-metrics">
          <caption className="pq-caption">
            Metrics on the same labelled rows · difference = challenger − champion, paired bootstrap{' '}
            {confidence} interval ({formatInteger(shadow.bootstrap.resamples)} resamples, seed{' '}
            {shadow.bootstrap.seed})
          </caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <NumHead>Champion</NumHead>
              <NumHead>Challenger</NumHead>
              <NumHead>Difference</NumHead>
              <NumHead>{confidence} interval</NumHead>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => {
              const d = shadow.difference[key];
              return (
                <tr
                  key={key}
                  data-testid="shadow-metric-row"
                  data-metric={key}
                  className={key === shadow.primaryMetric ? 'pq-row-primary' : undefined}
                >
                  <th scope="row">
                    {metricLabel(key)}
                    {key === shadow.primaryMetric && <span className="muted pq-small"> (primary)</span>}
                  </th>
                  <td className="td-num" data-testid="shadow-champion">
                    {formatMetric(shadow.champion[key], kind)}
                  </td>
                  <td className="td-num" data-testid="shadow-challenger">
                    {formatMetric(shadow.challenger[key], kind)}
                  </td>
                  <td className="td-num" data-testid="shadow-difference">
                    {formatDelta(d?.value ?? null, kind)}
                  </td>
                  <td className="td-num" data-testid="shadow-interval">
                    {d && d.ciLow !== null && d.ciHigh !== null
                      ? `[${formatDelta(d.ciLow, kind)}, ${formatDelta(d.ciHigh, kind)}]`
                      : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <dl className="pq-facts" data-testid="shadow-tests">
          {shadow.mcnemar && (
            <>
              <dt>McNemar's exact test (rows each model gets right)</dt>
              <dd data-testid="shadow-mcnemar">
                p = {formatPValue(shadow.mcnemar.pValue)}{' '}
                <span className="muted">
                  · only champion right b = {formatInteger(shadow.mcnemar.b)}, only challenger right c ={' '}
                  {formatInteger(shadow.mcnemar.c)}
                </span>
              </dd>
            </>
          )}
          {shadow.wilcoxon && (
            <>
              <dt>Wilcoxon signed-rank test on the absolute errors</dt>
              <dd data-testid="shadow-wilcoxon">
                W = {formatNumber(shadow.wilcoxon.statistic)}, p = {formatPValue(shadow.wilcoxon.pValue)}{' '}
                <span className="muted">({shadow.wilcoxon.method})</span>
              </dd>
            </>
          )}
          {shadow.agreement !== null && (
            <>
              <dt>Agreement (same predicted label)</dt>
              <dd data-testid="shadow-agreement">{formatPercent(shadow.agreement, 2)}</dd>
            </>
          )}
          <dt>Predictions, challenger against champion</dt>
          <dd data-testid="shadow-prediction-drift">
            <CheckCell check={shadow.predictionDistribution} />
          </dd>
          {shadow.confidenceDistribution && (
            <>
              <dt>Confidence, challenger against champion</dt>
              <dd data-testid="shadow-confidence-drift">
                <CheckCell check={shadow.confidenceDistribution} />
              </dd>
            </>
          )}
        </dl>
      </div>
      {shadow.disagreementFeatures.length > 0 && (
        <table className="summary-table pq-table" data-testid="shadow-disagreement">
          <caption className="pq-caption">
            Where they disagree: the bin of each feature holding the most disagreement (lift = its
            disagreement over all rows'){task === 'regression' ? ', disagreement = mean |Δ prediction|' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col">Bin</th>
              <NumHead>Rows</NumHead>
              <NumHead>Disagreement</NumHead>
              <NumHead>Lift</NumHead>
              <th scope="col">
                <span className="sr-only">Rows</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shadow.disagreementFeatures.map((f) => (
              <tr key={f.feature} data-testid="disagreement-row" data-feature={f.feature}>
                <th scope="row" className="pq-name-cell" title={f.feature}>
                  {f.feature}
                </th>
                <td className="pq-name-cell" title={f.top.label}>
                  {f.top.label}
                </td>
                <td className="td-num">{formatInteger(f.top.rows)}</td>
                <td className="td-num" data-testid="disagreement-value">
                  {task === 'regression'
                    ? formatNumber(f.top.disagreement)
                    : formatPercent(f.top.disagreement)}
                </td>
                <td className="td-num" data-testid="disagreement-lift">
                  {formatNumber(f.lift)}×
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn-quiet"
                    data-testid="disagreement-rows"
                    disabled={f.rows.length === 0}
                    onClick={() =>
                      setRows({
                        column: f.feature,
                        selector: { kind: 'rows', rows: f.rows },
                        label: f.top.label,
                      })
                    }
                  >
                    {f.rows.length} rows
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows && <RowsPanel request={rows} onClose={() => setRows(null)} />}
      {shadow.disagreementRows.length > 0 && (
        <details className="pq-details" data-testid="shadow-top-rows">
          <summary>The {shadow.disagreementRows.length} rows where they disagree most</summary>
          <table className="summary-table pq-table">
            <thead>
              <tr>
                <NumHead>Row</NumHead>
                <th scope="col">Champion</th>
                <th scope="col">Challenger</th>
                <NumHead>Gap</NumHead>
              </tr>
            </thead>
            <tbody>
              {shadow.disagreementRows.map((r) => (
                <tr key={r.row} data-testid="shadow-top-row">
                  <td className="td-num">{formatInteger(r.row + 1)}</td>
                  <td>{r.champion === null ? '—' : String(r.champion)}</td>
                  <td>{r.challenger === null ? '—' : String(r.challenger)}</td>
                  <td className="td-num">{formatNumber(r.gap)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {shadow.notes.length > 0 && (
        <ul className="pq-notes" data-testid="shadow-notes">
          {shadow.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
