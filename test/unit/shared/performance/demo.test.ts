/**
 * The built-in demo (shared/demo): a loan-default model whose current set has, from week 6 of its twelve
 * weeks on, covariate shift and a reversed debt_to_income effect, so model quality must show decay and
 * concept drift there (weeks 1-5 are drawn from the reference population).
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../shared/demo/generate-demo';
import { analyzePerformance, detectMapping } from '../../../../shared/performance';
import type { ClassificationMetrics } from '../../../../shared/performance/types';
import { sliceTable } from '../../../../shared/timeline/slice-table';
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
    // generateDemo().metrics: share of rows where prediction equals default
    expect(ref.accuracy).toBeCloseTo(demo.metrics.referenceAccuracy, 12);
    expect(cur.accuracy).toBeCloseTo(demo.metrics.currentAccuracy, 12);
    expect(ref.n).toBe(5000);
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
