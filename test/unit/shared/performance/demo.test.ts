/**
 * The built-in demo (shared/demo): a loan-default model whose current set has, from week 6 of its twelve
 * weeks on, covariate shift and a reversed debt_to_income effect, so model quality must show decay and
 * concept drift there (weeks 1-5 are drawn from the reference population). Its production log adds a
 * challenger, latency and status, and labels for the first two thirds of the current rows only; the whole
 * analysis is checked against the Python oracle (test/fixtures/gen_demo_expected.py).
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../shared/demo/generate-demo';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import { analyzePerformance, detectMapping } from '../../../../shared/performance';
import type { ClassificationMetrics } from '../../../../shared/performance/types';
import { sliceTable } from '../../../../shared/timeline/slice-table';
import { demoExpected } from '../../../helpers/demo-expected';
import { tableFromCsv } from './fixture-tables';

describe('built-in demo', () => {
  const demo = generateDemo();
  const reference = tableFromCsv(demo.reference, 'reference.csv');
  const current = tableFromCsv(demo.current, 'current.csv');
  const names = reference.columns.map((c) => c.name);
  // 'default' is a domain name, not a generic target name: the user maps it.
  const mapping = detectMapping(names, { table: reference, override: { target: 'default' } });
  const whole = analyzePerformance(reference, current, mapping);
  // The rows dated from Monday of week 6 (2024-07-08) on, where the drifts are built in.
  const dates = demo.current
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[11]);
  const fromWeek6 = Int32Array.from(dates.flatMap((d, i) => (d >= '2024-07-08' ? [i] : [])));
  const result = analyzePerformance(reference, sliceTable(current, fromWeek6, 'weeks 6-12'), mapping);

  it('maps the demo columns', () => {
    expect(detectMapping(names).target).toBeNull();
    expect(mapping).toMatchObject({
      task: 'binary',
      target: 'default',
      prediction: 'prediction',
      proba: ['probability'],
      posLabel: '1',
      id: 'customer_id',
    });
  });

  it('agrees with the accuracy the generator computed', () => {
    const ref = whole.reference as ClassificationMetrics;
    const cur = whole.current as ClassificationMetrics;
    // generateDemo().metrics: share of the labelled rows where prediction equals default
    expect(ref.accuracy).toBeCloseTo(demo.metrics.referenceAccuracy, 12);
    expect(cur.accuracy).toBeCloseTo(demo.metrics.currentAccuracy, 12);
    expect(ref.n).toBe(5000);
    // Only the labelled current rows count (sklearn on the rows with a default, gen_demo_expected.py).
    expect(cur.n).toBe(demoExpected.currentLabelled);
  });

  it('flags the model as degraded from week 6 on', () => {
    expect(fromWeek6.length).toBe(5000 - Math.ceil((35 * 5000) / 84));
    const lines = result.decay.map(
      (d) => `${d.metric}: ${d.reference} → ${d.current} (${d.relativeChange}) ${d.degraded}`,
    );
    console.info(lines.join('\n'));
    expect(result.modelDegraded).toBe(true);
    expect(result.decay.find((d) => d.metric === 'rocAuc')!.degraded).toBe(true);
  });

  it('reads concept drift with debt_to_income among the changed relations', () => {
    const cd = result.conceptDrift!;
    console.info(
      cd.features
        .map(
          (f) =>
            `${f.feature}: p=${f.pValue} effect=${f.effect?.toFixed(3)} cmh p=${f.cmh?.pValue} changed=${f.relationChanged} drift=${f.inputDrift.test}:${f.inputDrift.driftDetected}`,
        )
        .join('\n'),
    );
    expect(['both', 'concept_drift']).toContain(cd.reading);
    expect(cd.changed).toContain('debt_to_income');
    const dti = cd.features.find((f) => f.feature === 'debt_to_income')!;
    // The reversal: in reference the default rate rises across debt_to_income bins, in current it falls.
    // bins[0] and the last bin hold values outside the reference range; the decile bins lie between.
    const first = dti.bins[1];
    const last = dti.bins[dti.bins.length - 2];
    expect(last.referenceValue!).toBeGreaterThan(first.referenceValue!);
    expect(last.currentValue!).toBeLessThan(first.currentValue!);
    // Features that are not inputs are never concept-tested.
    for (const name of ['default', 'prediction', 'probability', 'customer_id', 'application_date']) {
      expect(cd.features.map((f) => f.feature)).not.toContain(name);
    }
  });

  it('reports target and prediction drift with the tests statistics.md §3 selects', () => {
    // 5000 reference rows, two labels → jensenshannon at 0.1
    expect(result.targetDrift).toMatchObject({ column: 'default', test: 'jensenshannon', threshold: 0.1 });
    expect(result.predictionDrift).toMatchObject({
      column: 'prediction',
      test: 'jensenshannon',
      threshold: 0.1,
    });
    expect(result.confidence!.drift.test).toBe('wasserstein');
    console.info(
      JSON.stringify({
        target: result.targetDrift,
        prediction: result.predictionDrift,
        confidence: result.confidence!.drift,
      }),
    );
  });
});

describe('built-in demo, whole analysis, against the oracle (test/fixtures/gen_demo_expected.py)', () => {
  const demo = generateDemo();
  const context = { version: '0.1.0-test', now: new Date('2026-01-02T03:04:05Z') };
  const result = analyzeTables(
    tableFromCsv(demo.reference, 'reference.csv'),
    tableFromCsv(demo.current, 'current.csv'),
    DEFAULT_SETTINGS,
    context,
  );
  const perf = result.performance!;
  const e = demoExpected;

  it('model quality on the labelled rows: sklearn metrics and confusion matrices', () => {
    for (const side of ['reference', 'current'] as const) {
      const m = perf[side] as ClassificationMetrics;
      const x = e.quality[side];
      expect(m.n).toBe(x.n);
      for (const k of [
        'accuracy',
        'precision',
        'recall',
        'f1',
        'rocAuc',
        'prAuc',
        'logLoss',
        'brier',
      ] as const)
        expect(m[k], `${side} ${k}`).toBeCloseTo(x[k], 9);
      expect(m.confusionMatrix).toEqual(x.confusion);
    }
    expect(perf.modelDegraded).toBe(true);
  });

  it('drift table and dataset verdict: scipy wasserstein / std and jensenshannon per column', () => {
    for (const [name, x] of Object.entries(e.drift.columns)) {
      const c = result.columns.find((col) => col.name === name)!;
      expect(c.score, name).toBeCloseTo(x!.score, 9);
      expect(c.driftDetected, name).toBe(x!.drift);
    }
    expect(result.dataset).toMatchObject({
      testedColumns: e.drift.tested,
      driftedColumns: e.drift.drifted,
      driftDetected: e.drift.driftDetected,
    });
  });

  it('champion against challenger: challenger better on ROC AUC, the paired bootstrap interval above 0', () => {
    const s = perf.shadow!;
    expect(s.challengerPrediction).toBe('prediction_challenger');
    expect(s.challengerProba).toEqual(['probability_challenger']);
    expect(s.n).toBe(e.shadow.n);
    expect(s.labelled).toBe(e.shadow.labelled);
    expect(s.agreement).toBeCloseTo(e.shadow.agreement, 12);
    for (const [k, d] of Object.entries(e.shadow.difference)) {
      expect(s.champion[k], k).toBeCloseTo(e.shadow.champion[k as keyof typeof e.shadow.champion], 9);
      expect(s.challenger[k], k).toBeCloseTo(e.shadow.challenger[k as keyof typeof e.shadow.challenger], 9);
      expect(s.difference[k].value, k).toBeCloseTo(d.value, 9);
      expect(s.difference[k].ciLow, k).toBeCloseTo(d.ciLow, 9);
      expect(s.difference[k].ciHigh, k).toBeCloseTo(d.ciHigh, 9);
    }
    expect(s.bootstrap).toMatchObject({ resamples: e.shadow.resamples, seed: e.shadow.seed });
    expect(s.mcnemar).toMatchObject({ b: e.shadow.mcnemar.b, c: e.shadow.mcnemar.c });
    expect(s.mcnemar!.pValue).toBeCloseTo(e.shadow.mcnemar.pValue, 12);
    expect(s.primaryMetric).toBe('rocAuc');
    // "Where they differ" bins the features only: never the serving columns or a model's outputs.
    const features = s.disagreementFeatures.map((f) => f.feature);
    expect(features).toContain('debt_to_income');
    for (const name of ['latency_ms', 'status_code', 'probability', 'probability_challenger', 'default'])
      expect(features).not.toContain(name);
    expect(e.shadow.difference.rocAuc.ciLow).toBeGreaterThan(0);
    expect(s.verdict).toBe('challenger_better');
  });

  it('serving health: latency percentiles, KS, p95 interval, 5xx rate and its z-test', () => {
    const v = result.serving!;
    const latency = v.latency!;
    expect(latency).toMatchObject({ column: 'latency_ms', unit: 'ms' });
    for (const side of ['reference', 'current'] as const)
      for (const k of ['n', 'p50', 'p95', 'p99', 'mean'] as const)
        expect(latency[side]![k], `${side} ${k}`).toBeCloseTo(e.serving[side][k], 9);
    expect(latency.ks!.statistic).toBeCloseTo(e.serving.ks.statistic, 12);
    expect(latency.ks!.pValue / e.serving.ks.pValue).toBeCloseTo(1, 6);
    for (const k of ['value', 'ciLow', 'ciHigh'] as const)
      expect(latency.p95Difference![k], k).toBeCloseTo(e.serving.p95Difference[k], 9);
    expect(v.errorRate).toMatchObject({
      column: 'status_code',
      coding: 'http',
      referenceErrors: e.serving.errorRate.referenceErrors,
      currentErrors: e.serving.errorRate.currentErrors,
    });
    expect(v.errorRate!.statistic).toBeCloseTo(e.serving.errorRate.statistic, 9);
    expect(v.errorRate!.pValue).toBeCloseTo(e.serving.errorRate.pValue, 12);
    expect(v.notes).toEqual([]);
  });

  it('CBPE on all rows, realised on the labelled ones; blind to the concept drift', () => {
    const c = perf.estimated!;
    expect(c.calibrated).toBe(e.cbpe.calibrated);
    expect(c.n).toBe(5000);
    expect(c.labelledShare).toBeCloseTo(e.cbpe.labelledShare, 12);
    expect(c.realised!.n).toBe(e.cbpe.realised.n);
    for (const k of ['accuracy', 'precision', 'recall', 'f1', 'rocAuc'] as const) {
      expect(c.metrics[k], k).toBeCloseTo(e.cbpe.metrics[k], 9);
      expect(c.samplingError[k], k).toBeCloseTo(e.cbpe.samplingError[k], 9);
      expect(c.realised!.metrics[k], k).toBeCloseTo(e.cbpe.realised.metrics[k], 9);
      // The reversed debt_to_income effect is a concept drift: CBPE assumes P(y | x) held, so every
      // estimate stays above the realised metric (docs/estimation.md).
      expect(e.cbpe.metrics[k], k).toBeGreaterThan(e.cbpe.realised.metrics[k]);
    }
    // ... and the estimate says so, naming the changed relation.
    expect(c.notes.join(' ')).toMatch(/concept drift: debt_to_income\)\. CBPE assumes it held/);
  });

  it('concept drift tests the inputs only: not the challenger, the latency or the status', () => {
    const tested = perf.conceptDrift!.features.map((f) => f.feature);
    for (const name of ['prediction_challenger', 'probability_challenger', 'latency_ms', 'status_code'])
      expect(tested).not.toContain(name);
    expect(tested).toContain('debt_to_income');
    expect(perf.conceptDrift!.changed).toContain('debt_to_income');
  });
});
