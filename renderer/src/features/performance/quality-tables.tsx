/**
 * The tables of the Model quality tab: metrics with their decay, drift checks of target / prediction /
 * confidence, confusion matrices and per-class metrics. All cells are React text (labels come from
 * data files).
 */
import { isTested } from '../../../../shared/drift/is-tested';
import type {
  ClassificationMetrics,
  DriftCheck,
  PerformanceResult,
  SideMetrics,
} from '../../../../shared/performance/types';
import { NumHead, RoleCells, RoleHeads, RoleName } from '../../components/table-cells';
import { formatInteger, formatNumber, formatPercent } from '../../lib/format';
import { testLabel } from '../../lib/test-names';
import {
  formatDelta,
  formatMetric,
  formatRelative,
  METRIC_HINTS,
  METRICS,
  metricValue,
} from './quality-format';

function excludedTitle(side: SideMetrics): string {
  const { missingTarget, missingPrediction } = side.excluded;
  return `Missing target: ${formatInteger(missingTarget)}; missing prediction or probability: ${formatInteger(missingPrediction)} (a row can miss both)`;
}

export function MetricsTable({ p }: { p: PerformanceResult }) {
  const kind = p.reference.kind;
  const sameKind = p.current.kind === kind;
  return (
    <table className="summary-table pq-table" data-testid="metrics-table">
      <caption className="pq-caption">Metrics</caption>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <RoleHeads />
          <NumHead>Change</NumHead>
          <NumHead>Relative</NumHead>
          <th scope="col">Decay</th>
        </tr>
      </thead>
      <tbody>
        {METRICS[kind].map(([key, label]) => {
          const ref = metricValue(p.reference, key);
          const cur = sameKind ? metricValue(p.current, key) : null;
          if (ref === null && cur === null) return null;
          const decay = p.decay.find((d) => d.metric === key) ?? null;
          // The mean error is signed and ~0 on a fitted reference: a change relative to it means nothing
          // (−1e-14 → 31 read +238,085,167,150,395,264%).
          const relative =
            decay?.relativeChange ??
            (key !== 'meanError' && ref !== null && cur !== null && ref !== 0
              ? (cur - ref) / Math.abs(ref)
              : null);
          const isMape = key === 'mape';
          return (
            <tr
              key={key}
              data-testid="metric-row"
              data-metric={key}
              data-degraded={decay?.degraded ? 'true' : 'false'}
            >
              <th scope="row" title={METRIC_HINTS[key]}>
                {label}
              </th>
              <RoleCells
                testId="metric"
                reference={isMape ? formatPercent(ref) : formatMetric(ref, kind)}
                current={isMape ? formatPercent(cur) : formatMetric(cur, kind)}
              />
              <td className="td-num">{ref !== null && cur !== null ? formatDelta(cur - ref, kind) : '—'}</td>
              <td className="td-num">{formatRelative(relative)}</td>
              <td>
                {decay === null ? (
                  <span className="muted">—</span>
                ) : decay.degraded ? (
                  <span
                    className="badge badge-drift"
                    title={`Worse by more than ${formatPercent(decay.threshold, 0)} (${decay.direction === 'higher_is_better' ? 'higher is better' : 'lower is better'})`}
                  >
                    Degraded
                  </span>
                ) : (
                  <span className="badge badge-ok" title={`Threshold ${formatPercent(decay.threshold, 0)}`}>
                    OK
                  </span>
                )}
              </td>
            </tr>
          );
        })}
        <tr className="pq-row-muted">
          <th scope="row">Rows evaluated</th>
          <RoleCells
            testId="rows"
            reference={formatInteger(p.reference.n)}
            current={formatInteger(p.current.n)}
          />
          <td colSpan={3} />
        </tr>
        <tr className="pq-row-muted">
          <th scope="row">Rows excluded</th>
          <RoleCells
            titles={[excludedTitle(p.reference), excludedTitle(p.current)]}
            reference={formatInteger(p.reference.excluded.total)}
            current={formatInteger(p.current.excluded.total)}
          />
          <td colSpan={3} className="muted pq-small">
            {p.reference.excluded.total + p.current.excluded.total > 0 ? 'missing target or prediction' : ''}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function Verdict({ check }: { check: DriftCheck }) {
  if (!isTested(check)) return <span className="badge badge-muted">Not tested</span>;
  return check.driftDetected ? (
    <span className="badge badge-drift">Drift</span>
  ) : (
    <span className="badge badge-ok">No drift</span>
  );
}

export function DriftChecksTable({ p }: { p: PerformanceResult }) {
  const rows: [string, DriftCheck][] = [['Target', p.targetDrift]];
  if (p.predictionDrift) rows.push(['Prediction', p.predictionDrift]);
  if (p.confidence) rows.push(['Confidence', p.confidence.drift]);
  return (
    <table className="summary-table pq-table" data-testid="drift-checks">
      <caption className="pq-caption">Target and prediction drift</caption>
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">Column</th>
          <th scope="col">Test</th>
          <NumHead>Score</NumHead>
          <NumHead>Threshold</NumHead>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, check]) => (
          <tr key={label} data-testid={`drift-check-${label.toLowerCase()}`}>
            <th scope="row">{label}</th>
            <td className="pq-name-cell" title={check.column}>
              {check.column}
              {check.note && <div className="muted pq-small">{check.note}</div>}
            </td>
            <td>{testLabel(check.test)}</td>
            <td className="td-num">{formatNumber(check.score)}</td>
            <td className="td-num">{formatNumber(check.threshold)}</td>
            <td>
              <Verdict check={check} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Rows = true class, columns = predicted class; each cell shows the count and its share of the row. */
export function ConfusionMatrix({
  side,
  dataset: role,
}: {
  side: ClassificationMetrics;
  dataset: 'reference' | 'current';
}) {
  const { classes, confusionMatrix } = side;
  const colour = role === 'reference' ? 'var(--ref)' : 'var(--cur)';
  return (
    <div className="pq-matrix-wrap">
      <table className="pq-matrix" data-testid={`confusion-${role}`}>
        <caption className="pq-caption">
          <RoleName side={role} /> <span className="muted">· {formatInteger(side.n)} rows</span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className="pq-matrix-corner">
              <span className="muted">
                predicted →<br />
                true ↓
              </span>
            </th>
            {classes.map((c) => (
              <th key={c} scope="col" title={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {classes.map((truth, i) => {
            const row = confusionMatrix[i] ?? [];
            const total = row.reduce((a, b) => a + b, 0);
            return (
              <tr key={truth}>
                <th scope="row" title={truth}>
                  {truth}
                </th>
                {classes.map((predicted, j) => {
                  const count = row[j] ?? 0;
                  const share = total > 0 ? count / total : 0;
                  return (
                    <td
                      key={predicted}
                      className={i === j ? 'pq-cell pq-cell-diag' : 'pq-cell'}
                      style={{
                        // --pq-heat-max (performance.css) caps the tint so the cell text keeps 4.5:1 in both themes.
                        background: `color-mix(in srgb, ${colour} calc(var(--pq-heat-max) * ${share.toFixed(3)}), transparent)`,
                      }}
                      title={`true ${truth}, predicted ${predicted}: ${formatInteger(count)} (${formatPercent(share)} of true ${truth})`}
                    >
                      <span className="pq-cell-count">{formatInteger(count)}</span>
                      <span className="pq-cell-share">{formatPercent(share)}</span>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function PerClassTable({
  reference,
  current,
}: {
  reference: ClassificationMetrics;
  current: ClassificationMetrics;
}) {
  const labels: string[] = [];
  for (const c of [...reference.perClass, ...current.perClass])
    if (!labels.includes(c.label)) labels.push(c.label);
  const cell = (side: ClassificationMetrics, label: string, key: 'precision' | 'recall' | 'f1') => {
    const entry = side.perClass.find((c) => c.label === label);
    return entry ? entry[key].toFixed(3) : '—';
  };
  const support = (side: ClassificationMetrics, label: string) =>
    formatInteger(side.perClass.find((c) => c.label === label)?.support ?? null);
  return (
    <table className="summary-table pq-table" data-testid="per-class-table">
      <caption className="pq-caption">Per class (reference → current)</caption>
      <thead>
        <tr>
          <th scope="col">Class</th>
          <NumHead>Precision</NumHead>
          <NumHead>Recall</NumHead>
          <NumHead>F1</NumHead>
          <NumHead>Support</NumHead>
        </tr>
      </thead>
      <tbody>
        {labels.map((label) => (
          <tr key={label} data-testid="per-class-row" data-label={label}>
            <th scope="row" className="top-value" title={label}>
              {label}
            </th>
            {(['precision', 'recall', 'f1'] as const).map((key) => (
              <td key={key} className="td-num" data-testid={`per-class-${key}`}>
                {cell(reference, label, key)} → {cell(current, label, key)}
              </td>
            ))}
            <td className="td-num" data-testid="per-class-support">
              {support(reference, label)} → {support(current, label)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
