/**
 * The command line's timeline lines (electron/cli-format.ts) on the demo's real weekly timeline: a week
 * whose labels have not arrived says so, with the CBPE estimate's verdict, instead of "model ok".
 */
import { describe, expect, it } from 'vitest';
import { formatTimeline } from '../../../electron/cli-format';
import { demoExpected } from '../../helpers/demo-expected';
import { demoTimeline } from '../renderer/features/timeline/demo-timeline';

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
