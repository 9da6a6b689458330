/**
 * The command line's timeline lines (electron/cli-format.ts) on the demo's real weekly timeline: a week
 * whose labels have not arrived says so, with the CBPE estimate's verdict, instead of "model ok"; with the
 * multivariate detectors on, each chunk's AUC and reconstruction error.
 */
import { describe, expect, it } from 'vitest';
import { chunkMultivariateText, formatTimeline } from '../../../electron/cli-format';
import { formatNumber } from '../../../electron/cli-text';
import { DEFAULT_SETTINGS } from '../../../shared/drift/settings';
import { DEFAULT_MULTIVARIATE } from '../../../shared/multivariate/analyze-multivariate';
import { analyzeTimeline } from '../../../shared/timeline/analyze-timeline';
import { demoExpected } from '../../helpers/demo-expected';
import {
  demoCurrent,
  demoReference,
  demoTimeline,
  WEEKLY,
} from '../renderer/features/timeline/demo-timeline';

const context = { version: '0.1.0-test', now: new Date('2026-01-02T03:04:05Z') };

describe('formatTimeline on the demo', () => {
  const timeline = demoTimeline();
  const lines = formatTimeline(timeline, 'period:week on application_date').split('\n');
  const line = (label: string) => lines.find((l) => l.includes(label))!;

  it('prints each week with its drifted and tested columns (gen_demo_expected.py) and its model verdict', () => {
    for (const w of demoExpected.weeks) {
      const text = line(w.label);
      expect(text, w.label).toContain(`${w.dataset.drifted}/${w.dataset.tested}`);
      expect(text, w.label).toMatch(w.dataset.driftDetected ? / DRIFT / : / ok /);
      if (w.labelled === 0) {
        const d = w.cbpe.degraded;
        expect(text, w.label).toMatch(
          d.length === 0 ? /no labels; estimate ok$/ : `no labels; estimate DEGRADED (${d.join(', ')})`,
        );
      } else expect(text, w.label).toMatch(/(model ok|MODEL DEGRADED)$/);
      // The chunk's estimate as the oracle's (isotonic calibration, NannyML's formulas).
      const chunk = timeline.chunks.find((c) => c.label === w.label)!;
      expect(chunk.performance!.estimated!.metrics.accuracy).toBeCloseTo(w.cbpe.metrics.accuracy, 9);
    }
    // Weeks 6-9 (labelled, drifted) degrade; weeks 10-12 have no label yet, and CBPE, blind to the
    // reversed debt_to_income effect, does not see their degradation (docs/estimation.md).
    expect(line('2024-W28')).toMatch(/MODEL DEGRADED$/);
    expect(line('2024-W34')).toMatch(/no labels; estimate ok$/);
  });
});

describe('formatTimeline with the multivariate detectors on', () => {
  const settings = { ...DEFAULT_SETTINGS, multivariate: { ...DEFAULT_MULTIVARIATE, enabled: true } };
  const timeline = analyzeTimeline(demoReference, demoCurrent, settings, context, WEEKLY);
  const lines = formatTimeline(timeline, 'period:week on application_date').split('\n');

  it('adds a multivariate column: each chunk shows its own AUC and reconstruction error with their verdicts', () => {
    expect(lines.find((l) => l.startsWith('chunk'))).toMatch(/dataset +multivariate +model/);
    // The oracle is the engine's own chunk figures (chunk-multivariate.test.ts checks them against the
    // two-file analysis); this checks that the text carries each of them, with the right verdict word.
    for (const chunk of timeline.chunks) {
      const text = lines.find((l) => l.includes(` ${chunk.label} `))!;
      const dc = chunk.multivariate!.domainClassifier!;
      const r = chunk.multivariate!.reconstruction!;
      expect(text, chunk.label).toContain(`AUC ${formatNumber(dc.auc)} ${dc.driftDetected ? 'DRIFT' : 'ok'}`);
      expect(text, chunk.label).toContain(
        `error ${formatNumber(r.error)} ${r.driftDetected ? 'DRIFT' : 'ok'}`,
      );
    }
    // The demo's drift starts in week 6 (index 5): the classifier separates the late weeks from the reference.
    expect(timeline.chunks.at(-1)!.multivariate!.domainClassifier!.driftDetected).toBe(true);
  });

  it("says '-' where neither detector ran", () => {
    expect(chunkMultivariateText(undefined)).toBe('-');
    expect(chunkMultivariateText({ domainClassifier: null, reconstruction: null })).toBe('-');
  });
});
