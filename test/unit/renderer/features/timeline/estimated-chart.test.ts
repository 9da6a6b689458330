// @vitest-environment node
/**
 * The Timeline view's "Estimated and realised" figure on a real timeline: the engine's analyzeTimeline of
 * test/fixtures/shadow/degradation_reference.csv against test/fixtures/timeline/estimated_current.csv in
 * chunks of 1,000 rows (the known-degradation chunks with labels thinning out; gen_estimated_fixture.py).
 * Oracles: estimated_expected.json (labelled shares, realised accuracy, reference accuracy and decay limit,
 * counted by gen_estimated_fixture.py); the estimates and sampling errors are the engine's own (checked
 * against NannyML's formulas in cbpe.test.ts), so the figure must carry them unchanged.
 */
import { describe, expect, it } from 'vitest';
import { estimatedFigure } from '../../../../../renderer/src/features/timeline/estimated-chart';
import { DEFAULT_SETTINGS } from '../../../../../shared/drift/settings';
import { CBPE_METRICS } from '../../../../../shared/performance/cbpe-types';
import { analyzeTimeline } from '../../../../../shared/timeline/analyze-timeline';
import {
  estimatedMetrics,
  estimatedSeries,
  hasEstimates,
} from '../../../../../shared/timeline/estimated-series';
import type { Timeline } from '../../../../../shared/timeline/types';
import {
  ESTIMATED_CHUNKING,
  estimatedExpected as expected,
  loadEstimatedPair,
} from '../../../../helpers/estimated-pair';

const CONTEXT = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };
const { reference, current } = await loadEstimatedPair();
const t = analyzeTimeline(reference, current, DEFAULT_SETTINGS, CONTEXT, { chunking: ESTIMATED_CHUNKING });
const byName = (fig: ReturnType<typeof estimatedFigure>, name: string) => {
  const trace = fig.data.find((d) => typeof d.name === 'string' && d.name.startsWith(name));
  expect(trace, name).toBeDefined();
  return trace!;
};

describe('estimated and realised figure', () => {
  it('holds every CBPE metric for the 8 chunks', () => {
    expect(t.chunks.length).toBe(8);
    expect(hasEstimates(t)).toBe(true);
    expect(estimatedMetrics(t)).toEqual(CBPE_METRICS);
  });

  it('draws the estimate inside a band of ± 3 sampling errors and the realised value with its bars', () => {
    const s = estimatedSeries(t, 'accuracy')!;
    const fig = estimatedFigure(t, s, 'light');
    const low = fig.data[0].y as (number | null)[];
    const high = byName(fig, 'estimate ± 3 sampling errors').y as (number | null)[];
    const estimate = byName(fig, 'estimated').y as (number | null)[];
    const realised = byName(fig, 'realised');
    t.chunks.forEach((c, i) => {
      const e = c.performance!.estimated!;
      expect(estimate[i]).toBe(e.metrics.accuracy);
      expect(low[i]).toBe(e.metrics.accuracy! - 3 * e.samplingError.accuracy!);
      expect(high[i]).toBe(e.metrics.accuracy! + 3 * e.samplingError.accuracy!);
      // realised accuracy counted by gen_estimated_fixture.py
      const want = expected.chunks[i].realisedAccuracy;
      if (want === null) expect((realised.y as (number | null)[])[i]).toBeNull();
      else expect((realised.y as number[])[i]).toBeCloseTo(want, 12);
      const bar = (realised.error_y as { array: number[] }).array[i];
      expect(bar).toBe(want === null ? 0 : 3 * e.realised.samplingError.accuracy!);
    });
    // Fewer labels, wider bars: the 10 % chunk's bar is wider than the fully labelled chunk's.
    const bars = (realised.error_y as { array: number[] }).array;
    expect(bars[6]).toBeGreaterThan(2 * bars[0]);
  });

  it('draws the reference and the decay limit as horizontal lines', () => {
    const s = estimatedSeries(t, 'accuracy')!;
    const fig = estimatedFigure(t, s, 'light');
    // reference accuracy and decay limit counted by gen_estimated_fixture.py
    const reference = byName(fig, 'reference').y as number[];
    expect(reference.every((v) => Math.abs(v - expected.referenceAccuracy) < 1e-12)).toBe(true);
    const limit = byName(fig, 'decay limit (20% below').y as number[];
    expect(limit.every((v) => Math.abs(v - expected.decayLimitAccuracy) < 1e-12)).toBe(true);
  });

  it('rings the chunks the verdict calls degraded: exactly those whose band lies below the reference', () => {
    for (const metric of CBPE_METRICS) {
      const s = estimatedSeries(t, metric)!;
      const fig = estimatedFigure(t, s, 'dark');
      const rings = byName(fig, 'estimate degraded').y as (number | null)[];
      const high = byName(fig, 'estimate ± 3 sampling errors').y as number[];
      t.chunks.forEach((c, i) => {
        const degraded = c.performance!.estimated!.degraded.includes(metric);
        expect(rings[i] !== null, `${metric} chunk ${i}`).toBe(degraded);
        expect(high[i] < s.baseline!, `${metric} chunk ${i}`).toBe(degraded);
      });
    }
    // The first two chunks are degradation_chunk0.csv, drawn like the reference (spread 1.5): not degraded;
    // the inputs of the last six move towards the decision boundary and the estimate falls below it.
    const rings = byName(estimatedFigure(t, estimatedSeries(t, 'accuracy')!, 'light'), 'estimate degraded')
      .y as (number | null)[];
    expect(rings.map((v) => v !== null)).toEqual([false, false, true, true, true, true, true, true]);
  });

  it('shows the labelled share per chunk as bars on the second axis and in the hover text', () => {
    const s = estimatedSeries(t, 'rocAuc')!;
    const fig = estimatedFigure(t, s, 'light');
    const bars = byName(fig, 'labelled share');
    expect(bars.yaxis).toBe('y2');
    // labelled shares by construction of gen_estimated_fixture.py (LABELLED / 10)
    expect(bars.y).toEqual(expected.chunks.map((c: { labelledShare: number }) => c.labelledShare));
    const text = byName(fig, 'estimated').text as string[];
    expect(text[2]).toContain('on 900 labelled rows (90.0%)');
    expect(text[2]).toContain('Estimated ROC AUC');
    expect(text[7]).toContain('Realised: no labelled row yet (0.0% labelled)');
    expect(text[7]).toContain('DEGRADED');
    expect(fig.layout.yaxis).toMatchObject({ title: { text: 'ROC AUC' } });
    // The unlabelled last chunk has no bar; a note stands where it would be.
    const notes = (fig.layout.annotations as { text: string; x: number }[]).filter(
      (a) => a.text === 'no labels',
    );
    expect(notes.map((a) => a.x)).toEqual([7]);
  });

  it('escapes a hostile chunk label (a batch file name) in ticks and hover text', () => {
    const hostile: Timeline = structuredClone(t);
    hostile.chunks[0].label = '<img src=x onerror=alert(1)>.csv';
    const fig = estimatedFigure(hostile, estimatedSeries(hostile, 'accuracy')!, 'light');
    const json = JSON.stringify(fig);
    expect(json).not.toContain('<img');
    expect(json).toContain('&lt;img src=x onerror=alert(1)&gt;.csv');
  });
});
