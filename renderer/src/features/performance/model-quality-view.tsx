/**
 * The Model quality tab (Issue 6): the verdict and the editable column mapping, the metrics with their
 * decay, target and prediction drift, then per task the confusion matrices and ROC / PR / calibration
 * curves, class balance and confidence (classification) or the error distribution and predicted vs
 * actual (regression), and concept drift. When the analysis has no model quality block, the note says
 * why and the mapping editor lets the user pick the columns.
 */
import { useId, useMemo } from 'react';
import type { PerformanceSettings } from '../../../../shared/drift/settings';
import type {
  ClassificationMetrics,
  PerformanceResult,
  RegressionMetrics,
} from '../../../../shared/performance/types';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import { formatNumber } from '../../lib/format';
import { testLabel } from '../../lib/test-names';
import { useColorScheme } from '../../lib/use-color-scheme';
import { ChartCard } from './chart-card';
import { ConceptDriftSection } from './concept-drift-section';
import { EstimationSection } from './estimation-section';
import { MappingEditor } from './mapping-editor';
import {
  calibrationChart,
  classBalanceChart,
  prChart,
  predictedVsActualChart,
  rocChart,
  type Scheme,
  sharedHistogramChart,
} from './quality-charts';
import { TASK_LABELS } from './quality-format';
import { ConfusionMatrix, DriftChecksTable, MetricsTable, PerClassTable } from './quality-tables';
import { ServingSection } from './serving-section';
import { ShadowSection } from './shadow-section';
import { QUALITY_PANEL_ID, WorkspaceTabs } from './workspace-tabs';

function ClassificationSection({
  p,
  reference,
  current,
  scheme,
}: {
  p: PerformanceResult;
  reference: ClassificationMetrics;
  current: ClassificationMetrics;
  scheme: Scheme;
}) {
  const sides = useMemo(() => ({ reference, current }), [reference, current]);
  const roc = useMemo(() => rocChart(sides, scheme), [sides, scheme]);
  const pr = useMemo(() => prChart(sides, p.posLabel, scheme), [sides, p.posLabel, scheme]);
  const calibration = useMemo(() => calibrationChart(sides, scheme), [sides, scheme]);
  const balance = useMemo(() => classBalanceChart(sides, scheme), [sides, scheme]);
  const binaryOnly = 'Binary tasks with a probability column only.';
  return (
    <>
      <div className="pq-grid pq-grid-matrices">
        <section className="pq-card" aria-label="Confusion matrices" data-testid="confusion-matrices">
          <h3 className="pq-card-title">
            Confusion matrices <span className="muted pq-small">(share of each true class)</span>
          </h3>
          <div className="pq-matrices">
            <ConfusionMatrix side={reference} dataset="reference" />
            <ConfusionMatrix side={current} dataset="current" />
          </div>
        </section>
        <ChartCard
          title="Class balance"
          chart={balance}
          testId="class-balance-chart"
          label="Share of each target class in reference and current"
          empty="No classes."
          short
        />
      </div>
      <div className="pq-grid pq-grid-3">
        <ChartCard
          title="ROC curve"
          chart={roc}
          testId="roc-chart"
          label="ROC curves of reference and current with the chance diagonal"
          empty={binaryOnly}
        />
        <ChartCard
          title="Precision–recall curve"
          chart={pr}
          testId="pr-chart"
          label="Precision–recall curves of reference and current"
          empty={binaryOnly}
        />
        <ChartCard
          title="Calibration"
          chart={calibration}
          testId="calibration-chart"
          label="Calibration: mean predicted probability against observed share, with the diagonal"
          empty="Needs a probability column."
        />
      </div>
      {p.task === 'multiclass' && (
        <section className="pq-card">
          <PerClassTable reference={reference} current={current} />
        </section>
      )}
    </>
  );
}

function ConfidenceChart({ p, scheme }: { p: PerformanceResult; scheme: Scheme }) {
  const chart = useMemo(
    () =>
      p.confidence ? sharedHistogramChart(p.confidence.histogram, 'Top-class probability', scheme) : null,
    [p.confidence, scheme],
  );
  const drift = p.confidence?.drift ?? null;
  if (!chart || !drift) return null;
  return (
    <ChartCard
      title="Prediction confidence"
      chart={chart}
      testId="confidence-chart"
      label="Distribution of the top-class probability in reference and current"
      empty="Needs probability columns."
      short
    >
      <span className="pq-check" data-testid="confidence-verdict">
        {testLabel(drift.test)} {formatNumber(drift.score)} (threshold {formatNumber(drift.threshold)}){' '}
        {drift.driftDetected ? (
          <span className="badge badge-drift">Drift</span>
        ) : (
          <span className="badge badge-ok">No drift</span>
        )}
      </span>
    </ChartCard>
  );
}

function RegressionSection({
  p,
  reference,
  current,
  scheme,
}: {
  p: PerformanceResult;
  reference: RegressionMetrics;
  current: RegressionMetrics;
  scheme: Scheme;
}) {
  const errors = useMemo(
    () => (p.errorHistogram ? sharedHistogramChart(p.errorHistogram, 'Prediction − target', scheme) : null),
    [p.errorHistogram, scheme],
  );
  const scatter = useMemo(
    () => predictedVsActualChart({ reference, current }, p.target, scheme),
    [reference, current, p.target, scheme],
  );
  return (
    <div className="pq-grid pq-grid-2">
      <ChartCard
        title="Error distribution"
        chart={errors}
        testId="error-chart"
        label="Distribution of prediction minus target in reference and current"
        empty="No errors to plot."
      />
      <ChartCard
        title="Predicted vs actual"
        chart={scatter}
        testId="scatter-chart"
        label="Predicted against actual values in reference and current, with the diagonal"
        empty="No rows to plot."
      />
    </div>
  );
}

function Notes({ p }: { p: PerformanceResult }) {
  const notes = [
    ...p.notes,
    ...p.reference.notes.map((n) => `Reference: ${n}`),
    ...p.current.notes.map((n) => `Current: ${n}`),
  ];
  if (notes.length === 0) return null;
  return (
    <ul className="pq-notes" data-testid="performance-notes">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

interface ViewProps {
  result: AnalysisResult;
  /** The session's performance settings (state.settings.performance), undefined when all automatic. */
  performance: PerformanceSettings | undefined;
  /** An analysis with new settings is running (the result on show is the previous one). */
  running: boolean;
  /** Re-runs the analysis with these performance settings (undefined: back to automatic). */
  onApply(performance: PerformanceSettings | undefined): void;
}

export function ModelQualityView({ result: shown, performance, running, onApply }: ViewProps) {
  const scheme = useColorScheme();
  const titleId = useId();
  // The mapping the result on show was made with (the engine's parsed copy of the settings).
  const settings: PerformanceSettings = shown.settings.performance ?? {};
  const p = shown.performance;
  const degradedCount = p ? p.decay.filter((d) => d.degraded).length : 0;
  const customised = performance !== undefined && Object.keys(performance).length > 0;

  return (
    <main className="workspace pq-workspace">
      <WorkspaceTabs result={shown} />
      <div
        className="pq-scroll"
        role="tabpanel"
        id={QUALITY_PANEL_ID}
        aria-labelledby="workspace-tab-quality"
        data-testid="model-quality"
        data-quality-state={running ? 'running' : 'ready'}
        data-generated-at={shown.generatedAt}
      >
        <section className="pq-card pq-header" aria-labelledby={titleId}>
          <div className="pq-header-top">
            <h2 id={titleId} className="pq-title">
              Model quality
            </h2>
            {p ? (
              p.modelDegraded ? (
                <span className="badge badge-drift pq-verdict" data-testid="quality-verdict">
                  Model degraded
                </span>
              ) : (
                <span className="badge badge-ok pq-verdict" data-testid="quality-verdict">
                  Not degraded
                </span>
              )
            ) : (
              <span className="badge badge-muted pq-verdict" data-testid="quality-verdict">
                Not computed
              </span>
            )}
            {p && (
              <span className="chip" data-testid="quality-task">
                {TASK_LABELS[p.task]}
              </span>
            )}
            {p && (
              <span className="muted" data-testid="quality-summary">
                {degradedCount} of {p.decay.length} metrics worse than their threshold
              </span>
            )}
            <span className="pq-spacer" />
            {running && (
              <span className="analysing" data-testid="quality-running">
                <span className="spinner" aria-hidden="true" /> Re-analysing…
              </span>
            )}
          </div>
          {!p && (
            <div className="detail-note" data-testid="performance-note">
              {shown.performanceNote ?? 'Model quality was not computed.'} Pick the columns below and apply.
            </div>
          )}
          <MappingEditor
            key={`${shown.generatedAt}:${JSON.stringify(settings)}`}
            result={shown}
            settings={settings}
            running={running}
            onApply={onApply}
            onReset={customised ? () => onApply(undefined) : null}
          />
          {p && <Notes p={p} />}
        </section>

        {p && (
          <>
            <div className="pq-grid pq-grid-2">
              <section className="pq-card">
                <MetricsTable p={p} />
              </section>
              <div className="pq-stack">
                <section className="pq-card">
                  <DriftChecksTable p={p} />
                </section>
                <ConfidenceChart p={p} scheme={scheme} />
              </div>
            </div>
            {p.reference.kind === 'classification' && p.current.kind === 'classification' && (
              <ClassificationSection p={p} reference={p.reference} current={p.current} scheme={scheme} />
            )}
            {p.reference.kind === 'regression' && p.current.kind === 'regression' && (
              <RegressionSection p={p} reference={p.reference} current={p.current} scheme={scheme} />
            )}
            {p.estimated && <EstimationSection estimated={p.estimated} scheme={scheme} />}
            {p.shadow && (
              <ShadowSection key={`shadow:${shown.generatedAt}`} shadow={p.shadow} task={p.task} />
            )}
            <ConceptDriftSection
              key={shown.generatedAt}
              concept={p.conceptDrift}
              note={p.notes.find((n) => /concept/i.test(n)) ?? null}
              scheme={scheme}
            />
          </>
        )}
        {shown.serving && <ServingSection serving={shown.serving} scheme={scheme} />}
      </div>
    </main>
  );
}
