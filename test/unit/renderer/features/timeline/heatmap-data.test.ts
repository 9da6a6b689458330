/**
 * The Timeline view's pure logic on the demo's real weekly timeline: which rows the heatmap has, each
 * cell's colour value (log₂ of the score relative to its threshold), alerts, gaps, sorting, and the chunk
 * positions the engine's focus-chunk request takes.
 */
import { describe, expect, it } from 'vitest';
import {
  analysisPosition,
  colourValue,
  type HeatRow,
  heatmapRows,
  latestChunk,
  SEVERITY_LIMIT,
  severity,
  sortHeatRows,
} from '../../../../../renderer/src/features/timeline/heatmap-data';
import { chunkTicks, heatColourScale } from '../../../../../renderer/src/features/timeline/timeline-charts';
import { TEST_REGISTRY } from '../../../../../shared/drift/methods/registry';
import { sliceTable } from '../../../../../shared/timeline/slice-table';
import { demoExpected } from '../../../../helpers/demo-expected';
import { demoCurrent, demoTimeline } from './demo-timeline';

const weekly = demoTimeline();

describe('severity and colour value', () => {
  it('puts the threshold at 1 for distances (score / threshold) and p-values (threshold / score)', () => {
    expect(severity('wasserstein', 0.2, 0.1)).toBe(2);
    expect(severity('wasserstein', 0.05, 0.1)).toBe(0.5);
    expect(severity('ks', 0.01, 0.05)).toBeCloseTo(5, 12);
    expect(severity('ks', 0.5, 0.05)).toBeCloseTo(0.1, 12);
    expect(severity('ks', 0, 0.05)).toBe(Number.POSITIVE_INFINITY);
    expect(severity(null, 0.2, 0.1)).toBeNull();
    expect(severity('wasserstein', null, 0.1)).toBeNull();
    expect(severity('wasserstein', 0.2, null)).toBeNull();
  });

  it('is log₂ of the severity, clamped to ±2, monotone, with the threshold at 0', () => {
    expect(colourValue(1)).toBe(0);
    expect(colourValue(2)).toBe(1);
    expect(colourValue(0.5)).toBe(-1);
    expect(colourValue(100)).toBe(SEVERITY_LIMIT);
    expect(colourValue(Number.POSITIVE_INFINITY)).toBe(SEVERITY_LIMIT);
    expect(colourValue(0)).toBe(-SEVERITY_LIMIT);
    expect(colourValue(null)).toBeNull();
    const values = [0.01, 0.3, 0.9, 1, 1.1, 3, 50].map(colourValue) as number[];
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('the colour scale steps from greens to reds at the threshold (z = 0, the middle of ±2)', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const scale = heatColourScale(scheme);
      expect(scale[0][0]).toBe(0);
      expect(scale.at(-1)![0]).toBe(1);
      const below = scale.filter(([at]) => at < 0.5);
      const above = scale.filter(([at]) => at >= 0.5);
      expect(below.length).toBeGreaterThan(0);
      expect(above[0][0]).toBe(0.5);
    }
  });
});

describe('heatmap rows of the demo timeline', () => {
  const rows = heatmapRows(weekly);

  it('has one row per tested feature and one cell per chunk; the time axis and the id are not features', () => {
    const tested = new Set(
      weekly.chunks.flatMap((c) => c.columns.filter((col) => col.test).map((col) => col.name)),
    );
    expect(rows.map((r) => r.name).sort()).toEqual([...tested].sort());
    expect(rows.map((r) => r.name)).not.toContain('application_date');
    expect(rows.map((r) => r.name)).not.toContain('customer_id');
    for (const row of rows) expect(row.cells).toHaveLength(12);
  });

  it('colours each cell by log₂(score / threshold) and marks the chunks whose test drifted', () => {
    for (const row of rows) {
      row.cells.forEach((cell, i) => {
        const column = weekly.chunks[i].columns.find((c) => c.name === row.name)!;
        expect(cell.score).toBe(column.score);
        expect(cell.alert).toBe(column.driftDetected);
        if (column.test === null) {
          // Not tested in this chunk (no value): no colour, no alert, the reason as the cell's note.
          expect(cell.z).toBeNull();
          expect(cell.note).toBe(column.note);
          return;
        }
        const kind = TEST_REGISTRY[column.test!].kind;
        const ratio =
          kind === 'p_value' ? column.threshold! / column.score! : column.score! / column.threshold!;
        expect(cell.z).toBeCloseTo(Math.max(-2, Math.min(2, Math.log2(ratio))), 12);
        // Past the threshold is drift: the colour's sign agrees with the verdict (no correction is set).
        if (cell.z !== 0) expect(cell.z! > 0).toBe(column.driftDetected);
      });
      expect(row.alerts).toBe(row.cells.filter((c) => c.alert).length);
    }
  });

  it('income, scaled by 0.82 from week 6 on (shared/demo/loan-default.ts), first alerts in week 6 and then every week', () => {
    const income = rows.find((r) => r.name === 'income')!;
    expect(weekly.chunks[5].label).toBe('2024-W28');
    expect(income.firstAlert).toBe(5);
    expect(income.alerts).toBe(7);
    // age is a control (same population throughout): it never alerts as often as income.
    expect(rows.find((r) => r.name === 'age')!.alerts).toBeLessThan(income.alerts);
  });

  it('default, whose labels have not arrived in weeks 10-12, is an untested cell there, never drift', () => {
    const target = rows.find((r) => r.name === 'default')!;
    // Labelled rows per week, pandas on current.csv (test/fixtures/gen_demo_expected.py): none in weeks 10-12.
    const unlabelled = demoExpected.weeks.flatMap((w, i) => (w.labelled === 0 ? [i] : []));
    expect(unlabelled).toEqual([9, 10, 11]);
    target.cells.forEach((cell, i) => {
      if (unlabelled.includes(i)) {
        expect(cell).toMatchObject({ score: null, z: null, alert: false, gap: false });
        expect(cell.note).toMatch(/No values in current\.csv \[2024-W3[234]\].*not tested/);
      } else expect(cell.z).not.toBeNull();
    });
  });

  it('shows an empty week as a gap (no colour, no alert), never as drift', () => {
    // The demo's current file without its third week (2024-06-17 .. 2024-06-23).
    const dates = demoCurrent.columns.find((c) => c.name === 'application_date')!;
    if (dates.storage !== 'string') throw new Error('application_date is text');
    const keep: number[] = [];
    for (let i = 0; i < demoCurrent.rowCount; i++) {
      const d = dates.dictionary[dates.codes[i]];
      if (d < '2024-06-17' || d > '2024-06-23') keep.push(i);
    }
    const gapped = demoTimeline(undefined, sliceTable(demoCurrent, Int32Array.from(keep), 'gapped.csv'));
    expect(gapped.chunks[2].rows).toBe(0);
    for (const row of heatmapRows(gapped)) {
      expect(row.cells[2]).toMatchObject({ gap: true, z: null, alert: false, score: null });
    }
  });
});

describe('sorting', () => {
  const row = (name: string, alerts: number, firstAlert: number | null): HeatRow => ({
    name,
    test: 'wasserstein',
    cells: [],
    alerts,
    firstAlert,
  });
  const rows = [row('b', 2, 4), row('a', 0, null), row('c', 5, 4), row('d', 1, 0), row('e', 5, 6)];

  it('by first alert: earliest first, never-alerting last, ties by count then name', () => {
    expect(sortHeatRows(rows, 'first-alert').map((r) => r.name)).toEqual(['d', 'c', 'b', 'e', 'a']);
  });

  it('by alert count: most first, ties by first alert then name', () => {
    expect(sortHeatRows(rows, 'alert-count').map((r) => r.name)).toEqual(['c', 'e', 'b', 'd', 'a']);
  });

  it('by name, without changing the input', () => {
    expect(sortHeatRows(rows, 'name').map((r) => r.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(rows.map((r) => r.name)).toEqual(['b', 'a', 'c', 'd', 'e']);
  });

  it('on the demo, first-alert order puts the week-6 drifts above the controls', () => {
    const sorted = sortHeatRows(heatmapRows(weekly), 'first-alert');
    const firsts = sorted.map((r) => r.firstAlert ?? Number.POSITIVE_INFINITY);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });
});

describe('chunk positions', () => {
  it('counts analysis chunks only (reference chunks come first), and finds the latest chunk with rows', () => {
    const withReference = demoTimeline({ ...weeklySpec(), referenceChunks: true });
    const first = withReference.chunks.findIndex((c) => c.period === 'analysis');
    expect(first).toBeGreaterThan(0);
    expect(analysisPosition(withReference, 0)).toBeNull();
    expect(analysisPosition(withReference, first)).toBe(0);
    expect(analysisPosition(withReference, first + 7)).toBe(7);
    expect(latestChunk(withReference)?.label).toBe('2024-W34');
    expect(latestChunk(weekly)).toBe(weekly.chunks[11]);
  });

  it('ticks at most ~16 labels, evenly spaced, as text', () => {
    const labels = Array.from({ length: 65 }, (_, i) => `c<${i}>`);
    const ticks = chunkTicks(labels);
    expect(ticks.tickvals.length).toBeLessThanOrEqual(17);
    expect(ticks.tickvals[1] - ticks.tickvals[0]).toBe(5);
    expect(ticks.ticktext[0]).toBe('c&lt;0&gt;');
  });
});

function weeklySpec() {
  return { chunking: { kind: 'period' as const, period: 'week' as const, timeColumn: 'application_date' } };
}
