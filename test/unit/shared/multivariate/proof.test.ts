/**
 * Proof of the multivariate detectors on generated pairs (generated-pairs.ts): identical distributions do
 * not drift, a correlation flip that no per-feature test sees drifts in both detectors, and one strongly
 * shifted feature tops the importance table.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import {
  analyzeMultivariate,
  DEFAULT_MULTIVARIATE,
} from '../../../../shared/multivariate/analyze-multivariate';
import { GENERATED_COLUMNS, generatedTable } from './generated-pairs';

const context = { version: 'test', now: new Date(0) };

describe('multivariate drift on generated pairs', () => {
  it('identical distributions: AUC near 0.5 and below the threshold for each of 20 seeds', () => {
    const aucs: number[] = [];
    let reconstructionAlerts = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const ref = generatedTable('ref.csv', { n: 2000, rho: 0.6 }, 1000 + seed);
      const cur = generatedTable('cur.csv', { n: 2000, rho: 0.6 }, 2000 + seed);
      const r = analyzeMultivariate(ref, cur, GENERATED_COLUMNS, { ...DEFAULT_MULTIVARIATE, enabled: true });
      const dc = r.domainClassifier!;
      expect(dc.driftDetected).toBe(false);
      expect(dc.auc).toBeLessThan(0.55);
      expect(dc.aucLow).toBeLessThanOrEqual(dc.auc);
      expect(dc.aucHigh).toBeGreaterThanOrEqual(dc.auc);
      aucs.push(dc.auc);
      if (r.reconstruction!.driftDetected) reconstructionAlerts++;
    }
    const mean = aucs.reduce((a, b) => a + b, 0) / aucs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    // mean ± 3·sd bounds: about 0.3 % false alarms per comparison when errors are normal; allow one in 20.
    expect(reconstructionAlerts).toBeLessThanOrEqual(1);
  });

  it('a correlation flip with unchanged marginals: no per-feature drift at n = 5,000, both detectors drift', () => {
    const ref = generatedTable('ref.csv', { n: 5000, rho: 0.8 }, 11);
    const cur = generatedTable('cur.csv', { n: 5000, rho: -0.8 }, 12);
    const plain = analyzeTables(ref, cur, DEFAULT_SETTINGS, context);
    expect(plain.columns.filter((c) => c.driftDetected).map((c) => c.name)).toEqual([]);
    expect(plain.dataset.driftDetected).toBe(false);
    const r = analyzeMultivariate(ref, cur, GENERATED_COLUMNS, { ...DEFAULT_MULTIVARIATE, enabled: true });
    expect(r.domainClassifier!.driftDetected).toBe(true);
    expect(r.domainClassifier!.aucLow).toBeGreaterThan(0.55);
    expect(
      r
        .domainClassifier!.importance.slice(0, 2)
        .map((x) => x.feature)
        .sort(),
    ).toEqual(['x1', 'x2']);
    expect(r.domainClassifier!.interactions[0]).toEqual(['x1', 'x2']);
    const rc = r.reconstruction!;
    expect(rc.driftDetected).toBe(true);
    expect(rc.current).toBeGreaterThan(rc.threshold!);
    expect(rc.referenceChunks).toBe(10);
  });

  it('one strongly shifted feature tops the importance table', () => {
    const ref = generatedTable('ref.csv', { n: 5000, rho: 0.5 }, 21);
    const cur = generatedTable('cur.csv', { n: 5000, rho: 0.5, shift: 1 }, 22);
    const dc = analyzeMultivariate(ref, cur, GENERATED_COLUMNS, { ...DEFAULT_MULTIVARIATE, enabled: true })
      .domainClassifier!;
    expect(dc.driftDetected).toBe(true);
    expect(dc.importance[0].feature).toBe('x3');
    expect(dc.importance[0].value).toBeGreaterThan(10 * Math.abs(dc.importance[1].value));
  });
});
