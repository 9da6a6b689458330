/**
 * The overview headline (renderer/src/features/overview/headline.ts) on the demo's real analysis and
 * timeline: a degraded model, or drift in the latest chunk, is never an all-clear.
 */
import { describe, expect, it } from 'vitest';
import { headlineOf } from '../../../../../renderer/src/features/overview/headline';
import { latestChunk } from '../../../../../renderer/src/features/timeline/heatmap-data';
import type { AnalysisResult } from '../../../../../shared/report/analysis-result';
import type { TimelineChunk } from '../../../../../shared/timeline/types';
import { demoExpected } from '../../../../helpers/demo-expected';
import { demoResult, demoTimeline } from './demo-timeline';

const result = demoResult();
const latest = latestChunk(demoTimeline())!;

function variant(changes: { drift?: boolean; drifted?: number; degraded?: boolean }): AnalysisResult {
  return {
    ...result,
    dataset: {
      ...result.dataset,
      driftDetected: changes.drift ?? result.dataset.driftDetected,
      driftedColumns: changes.drifted ?? result.dataset.driftedColumns,
    },
    performance:
      changes.degraded === undefined
        ? result.performance
        : { ...result.performance!, modelDegraded: changes.degraded },
  };
}

function chunk(drift: boolean, degraded: boolean): TimelineChunk {
  return {
    ...latest,
    dataset: { ...latest.dataset!, driftDetected: drift },
    performance: { ...latest.performance!, modelDegraded: degraded },
  };
}

describe('headline', () => {
  it('the demo: no dataset drift over the twelve weeks, but its latest week drifted and its model degraded', () => {
    // The demo's whole-period analysis: 7 of 17 tested columns drifted (< 50 %), model degraded
    // (test/unit/shared/performance/demo.test.ts). Its latest week, 2024-W34, has 8 drifted of 16 tested
    // columns (default has no label there, so it is not tested): the share reaches 50 %. scipy
    // wasserstein_distance / std and jensenshannon per column, test/fixtures/gen_demo_expected.py.
    const whole = demoExpected.drift;
    const week12 = demoExpected.weeks[11];
    expect(result.dataset).toMatchObject({ driftedColumns: whole.drifted, testedColumns: whole.tested });
    expect(result.dataset.driftDetected).toBe(false);
    expect(result.performance?.modelDegraded).toBe(true);
    expect(latest.label).toBe(week12.label);
    expect(latest.dataset).toMatchObject({
      driftedColumns: week12.dataset.drifted,
      testedColumns: week12.dataset.tested,
      driftDetected: true,
    });
    expect(week12.dataset.driftDetected).toBe(true);
    const h = headlineOf(result, latest);
    expect(h.tone).toBe('drift');
    expect(h.title).toBe('Drift in the latest chunk (2024-W34)');
    expect(h.also).toEqual([
      'Model quality degraded',
      `${whole.drifted} columns drifted, below the dataset drift share`,
    ]);
  });

  it('dataset drift comes first; the other findings follow', () => {
    const h = headlineOf(variant({ drift: true }), chunk(true, false));
    expect(h).toEqual({
      tone: 'drift',
      title: 'Dataset drift detected',
      also: [`Drift in the latest chunk (${latest.label})`, 'Model quality degraded'],
    });
  });

  it('drift in the latest chunk alone is never all-clear', () => {
    const h = headlineOf(variant({ drifted: 0, degraded: false }), chunk(true, false));
    expect(h.tone).toBe('drift');
    expect(h.title).toBe(`Drift in the latest chunk (${latest.label})`);
  });

  it('a model degraded in the latest chunk only is named with the chunk', () => {
    const h = headlineOf(variant({ drifted: 0, degraded: false }), chunk(false, true));
    expect(h.title).toBe(`Model quality degraded in the latest chunk (${latest.label})`);
  });

  it('drifted columns below the share are a caution; nothing at all is the all-clear', () => {
    expect(headlineOf(variant({ drifted: 1, degraded: false }), null)).toEqual({
      tone: 'caution',
      title: '1 column drifted, below the dataset drift share',
      also: [],
    });
    expect(headlineOf(variant({ drifted: 0, degraded: false }), chunk(false, false))).toEqual({
      tone: 'ok',
      title: 'No dataset drift',
      also: [],
    });
  });

  it('multivariate drift with no drifted column is never the all-clear', () => {
    const quiet = variant({ drifted: 0, degraded: false });
    const classifier = {
      auc: 0.9,
      aucLow: 0.88,
      aucHigh: 0.92,
      threshold: 0.55,
      driftDetected: true,
      rows: 100,
      folds: 5,
      foldAuc: [],
      importance: [],
      interactions: [],
    };
    const h = headlineOf(
      {
        ...quiet,
        multivariate: { columns: [], domainClassifier: classifier, reconstruction: null, notes: [] },
      },
      null,
    );
    expect(h).toEqual({ tone: 'drift', title: 'Multivariate drift detected', also: [] });
    const calm = { ...classifier, auc: 0.5, driftDetected: false };
    const ok = headlineOf(
      { ...quiet, multivariate: { columns: [], domainClassifier: calm, reconstruction: null, notes: [] } },
      null,
    );
    expect(ok.tone).toBe('ok');
  });
});
