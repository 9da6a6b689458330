import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { parseSettings } from '../../../../shared/drift/settings';
import { detectChallenger, detectServing } from '../../../../shared/performance/shadow-serving-mapping';
import { closeRecord, expected, shadowTable } from './shadow-fixtures';

const ctx = { version: 'test', now: new Date('2026-12-04T00:00:00Z') };
const root = path.resolve(__dirname, '..', '..', '..', '..');
const schema = JSON.parse(readFileSync(path.join(root, 'docs', 'schema', 'report-v1.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

describe('detection of challenger and serving columns', () => {
  const mapping = {
    task: 'binary' as const,
    target: 't',
    prediction: 'Prediction',
    proba: ['proba'],
    posLabel: '1',
    id: null,
  };
  it('finds C_challenger and shadow_C, and serving columns by name', () => {
    expect(
      detectChallenger(['Prediction', 'proba', 'prediction_challenger', 'shadow_proba'], mapping),
    ).toEqual({
      prediction: 'prediction_challenger',
      proba: ['shadow_proba'],
    });
    expect(detectChallenger(['Prediction', 'proba'], mapping)).toBeNull();
    expect(detectChallenger(['Prediction'], mapping, { prediction: 'other' })).toEqual({
      prediction: 'other',
      proba: null,
    });
    expect(detectServing(['x', 'Latency_S', 'status_code'])).toEqual({
      latency: { column: 'Latency_S', unit: 's' },
      status: 'status_code',
    });
    expect(detectServing(['x', 'error'], { latency: 'rt', latencyUnit: 's' })).toEqual({
      latency: { column: 'rt', unit: 's' },
      status: 'error',
    });
    expect(detectServing(['x'])).toEqual({ latency: null, status: null });
  });
});

describe('analyzeTables carries shadow, serving and the estimate (binary fixture files)', () => {
  const reference = shadowTable('binary_reference.csv');
  const current = shadowTable('binary_current.csv');
  const result = analyzeTables(reference, current, parseSettings({}), ctx);

  it('detects the columns and fills performance.shadow, performance.estimated and serving', () => {
    const perf = result.performance!;
    expect(perf.shadow!.challengerPrediction).toBe('prediction_challenger');
    expect(perf.shadow!.challengerProba).toEqual(['proba_challenger']);
    expect(closeRecord(perf.shadow!.champion, expected.shadowBinary.champion)).toEqual([]);
    expect(perf.shadow!.mcnemar!.b).toBe(expected.shadowBinary.mcnemar.b);
    expect(perf.estimated!.method).toBe('cbpe');
    expect(closeRecord(perf.estimated!.metrics, expected.cbpeBinary.metrics, 1e-10)).toEqual([]);
    expect(perf.estimated!.labelledShare).toBeCloseTo(0.602, 12);
    expect(result.serving!.latency!.column).toBe('latency_ms');
    expect(result.serving!.errorRate!.pValue).toBeCloseTo(expected.serving.errorRate.pValue, 12);
  });

  it('writes JSON the report schema accepts', () => {
    const json = JSON.parse(JSON.stringify(result));
    expect(validate(json)).toBe(true);
    expect(json.performance.shadow.difference.rocAuc).toHaveProperty('ciLow');
    expect(json.serving.latency.ks).toHaveProperty('pValue');
  });

  it('estimates on a current file with no target column at all', () => {
    const unlabelled = { ...current, columns: current.columns.filter((c) => c.name !== 'target') };
    const r = analyzeTables(reference, unlabelled, parseSettings({}), ctx);
    expect(r.performanceNote).toBeNull();
    expect(closeRecord(r.performance!.estimated!.metrics, expected.cbpeBinary.metrics, 1e-10)).toEqual([]);
    expect(r.performance!.estimated!.labelledShare).toBe(0);
    expect(r.performance!.shadow!.verdict).toBeNull();
    expect(r.performance!.notes.join(' ')).toMatch(
      /has no target column "target": every current row is unlabelled/,
    );
  });

  it('honours the settings: challenger columns, shadow options, estimation off, serving columns and unit', () => {
    const r = analyzeTables(
      reference,
      current,
      parseSettings({
        performance: {
          estimation: false,
          challengerPrediction: 'prediction_challenger',
          challengerProba: ['proba_challenger'],
          shadow: { alpha: 0.1, primaryMetric: 'f1', resamples: 200, seed: 5 },
          latency: 'latency_ms',
          latencyUnit: 's',
          status: 'status_code',
        },
      }),
      ctx,
    );
    expect(r.performance!.estimated).toBeNull();
    expect(r.performance!.shadow!.primaryMetric).toBe('f1');
    expect(r.performance!.shadow!.bootstrap).toEqual({ resamples: 200, seed: 5, confidence: 0.9 });
    expect(r.serving!.latency!.unit).toBe('s');
  });

  it('names a challenger column missing from a file', () => {
    const noChallenger = {
      ...current,
      columns: current.columns.filter((c) => c.name !== 'proba_challenger'),
    };
    const r = analyzeTables(
      reference,
      noChallenger,
      parseSettings({ performance: { challengerProba: ['proba_challenger'] } }),
      ctx,
    );
    expect(r.performance!.shadow).toBeNull();
    expect(r.performance!.notes).toContain(
      'binary_current.csv has no challenger column "proba_challenger": champion against challenger not computed.',
    );
  });

  it('rejects bad settings with the key named', () => {
    expect(() => parseSettings({ performance: { shadow: { alpha: 2 } } }, 'cfg.json')).toThrow(
      /cfg.json: performance.shadow.alpha must be in \(0, 1\)/,
    );
    expect(() => parseSettings({ performance: { shadow: { primaryMetric: 'auc' } } })).toThrow(
      /primaryMetric must be one of/,
    );
    expect(() => parseSettings({ performance: { latencyUnit: 'min' } })).toThrow(
      /latencyUnit must be "ms" or "s"/,
    );
    expect(() => parseSettings({ performance: { shadow: { extra: 1 } } })).toThrow(
      /performance.shadow: unknown key "extra"/,
    );
  });
});
