// @vitest-environment node
/**
 * The Timeline view's "Multivariate: domain classifier per chunk" figure on the built-in demo's weekly
 * timeline with the detectors on (analyzeTimeline). Oracle: each chunk's own domain classifier figures
 * (chunk-multivariate.test.ts checks those against the two-file analysis of the reference against the chunk
 * alone). A column name or chunk label that holds markup reaches the hover escaped (plotlySafeText).
 */
import { describe, expect, it } from 'vitest';
import { domainAucFigure } from '../../../../../renderer/src/features/timeline/domain-auc-card';
import { DEFAULT_SETTINGS } from '../../../../../shared/drift/settings';
import { DEFAULT_MULTIVARIATE } from '../../../../../shared/multivariate/analyze-multivariate';
import { analyzeTimeline } from '../../../../../shared/timeline/analyze-timeline';
import { demoCurrent, demoReference, WEEKLY } from './demo-timeline';

const CONTEXT = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };
const settings = { ...DEFAULT_SETTINGS, multivariate: { ...DEFAULT_MULTIVARIATE, enabled: true } };
const timeline = analyzeTimeline(demoReference, demoCurrent, settings, CONTEXT, WEEKLY);

describe('domain classifier figure', () => {
  it('plots each chunk’s AUC with its interval as bars, the threshold dashed, drifted chunks red', () => {
    const fig = domainAucFigure(timeline, 'light');
    const auc = fig.data.find((d) => String(d.name).startsWith('cross-validated ROC AUC'))!;
    const threshold = fig.data.find((d) => d.name === 'drift threshold')!;
    const dc = timeline.chunks.map((c) => c.multivariate!.domainClassifier!);
    expect(auc.y).toEqual(dc.map((d) => d.auc));
    expect(threshold.y).toEqual(dc.map((d) => d.threshold));
    const bars = auc.error_y as { array: number[]; arrayminus: number[] };
    dc.forEach((d, i) => {
      expect(d.auc + bars.array[i]).toBeCloseTo(d.aucHigh, 12);
      expect(d.auc - bars.arrayminus[i]).toBeCloseTo(d.aucLow, 12);
    });
    const colours = (auc.marker as { color: string[] }).color;
    const drift = new Set(colours.filter((_, i) => dc[i].driftDetected));
    const ok = new Set(colours.filter((_, i) => !dc[i].driftDetected));
    // The demo drifts from week 6 (index 5) on (shared/demo/generate-demo.ts): both colours are used, apart.
    expect(drift.size).toBe(1);
    expect(ok.size).toBe(1);
    expect([...drift][0]).not.toBe([...ok][0]);
    expect(String((auc.text as string[])[0])).toContain(`separated most by`);
  });

  it('escapes a column name and a chunk label that hold markup', () => {
    const hostile = {
      ...timeline,
      chunks: timeline.chunks.map((c, i) => {
        if (i !== 0) return c;
        const d = c.multivariate!.domainClassifier!;
        return {
          ...c,
          label: '<b>w</b>',
          multivariate: {
            ...c.multivariate!,
            domainClassifier: { ...d, importance: [{ feature: '<img src=x>', value: 1 }] },
          },
        };
      }),
    };
    const text = (domainAucFigure(hostile, 'light').data[1].text as string[])[0];
    expect(text).not.toContain('<img');
    expect(text).not.toContain('<b>');
  });
});
