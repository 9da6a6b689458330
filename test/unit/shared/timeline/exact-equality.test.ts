// @vitest-environment node
/**
 * A chunk's scores are exactly those of the plain two-file analysis of the reference against that chunk
 * alone. Oracle: the file is cut by hand (its text lines grouped by row number or by the date's text),
 * each group written as its own CSV, loaded by the real loader (electron/engine/load-csv.ts) and analysed
 * by analyzeTables (shared/drift/analyze.ts) against the reference, with the same settings (the time
 * column ignored, as chunkSettings does: it is the axis); every score, threshold, test, verdict and model
 * metric must be identical to the last bit (Object.is).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCsv } from '../../../../electron/engine/load-csv';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { type AnalysisSettings, DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import { analyzeTimeline, chunkSettings } from '../../../../shared/timeline/analyze-timeline';
import type { Chunking, TimelineChunk } from '../../../../shared/timeline/types';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const CONTEXT = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };
const tmp = mkdtempSync(path.join(tmpdir(), 'driftscope-timeline-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Header and data lines of a CSV file (these fixtures have no quoted newlines). */
function lines(file: string): { header: string; rows: string[] } {
  const all = readFileSync(path.join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  return { header: all[0], rows: all.slice(1) };
}

/** Writes each group of lines as its own CSV and analyses it against the reference. */
async function byHand(reference: string, current: string, groups: number[][], settings: AnalysisSettings) {
  const ref = await loadCsv(path.join(FIXTURES, reference));
  const { header, rows } = lines(current);
  const results: AnalysisResult[] = [];
  for (const [g, group] of groups.entries()) {
    const file = path.join(tmp, `${path.basename(current, '.csv')}-${g}.csv`);
    writeFileSync(file, `${[header, ...group.map((i) => rows[i])].join('\n')}\n`);
    results.push(analyzeTables(ref, await loadCsv(file), settings, CONTEXT));
  }
  return results;
}

function expectSame(chunks: TimelineChunk[], results: AnalysisResult[]) {
  const analysed = chunks.filter((c) => c.period === 'analysis' && c.rows > 0);
  expect(analysed.length).toBe(results.length);
  let scored = 0;
  analysed.forEach((chunk, i) => {
    const r = results[i];
    expect(chunk.rows).toBe(r.current.rows);
    expect(chunk.dataset?.driftShare).toBe(r.dataset.driftShare);
    expect(chunk.dataset?.driftDetected).toBe(r.dataset.driftDetected);
    expect(chunk.columns.map((c) => c.name)).toEqual(r.columns.map((c) => c.name));
    chunk.columns.forEach((c, j) => {
      const want = r.columns[j];
      expect(c.test).toBe(want.test);
      expect(Object.is(c.score, want.score), `${chunk.label} ${c.name}: ${c.score} vs ${want.score}`).toBe(
        true,
      );
      expect(Object.is(c.threshold, want.threshold)).toBe(true);
      expect(c.driftDetected).toBe(want.driftDetected);
      expect(Object.is(c.missingShare, want.current.missing / r.current.rows)).toBe(true);
      if (c.score !== null) scored++;
    });
    if (r.performance) {
      for (const d of r.performance.decay)
        expect(Object.is(chunk.performance?.metrics[d.metric], d.current)).toBe(true);
      expect(chunk.performance?.modelDegraded).toBe(r.performance.modelDegraded);
      expect(Object.is(chunk.performance?.targetDrift.score, r.performance.targetDrift.score)).toBe(true);
    } else expect(chunk.performance).toBeNull();
  });
  expect(scored).toBeGreaterThan(analysed.length); // scores were compared, not only nulls
}

async function timeline(reference: string, current: string, chunking: Chunking, settings: AnalysisSettings) {
  const ref = await loadCsv(path.join(FIXTURES, reference));
  const cur = await loadCsv(path.join(FIXTURES, current));
  return analyzeTimeline(ref, cur, settings, CONTEXT, { chunking });
}

/** Row numbers grouped by a key of their line, in first-seen order of the key. */
function groupBy(rows: string[], key: (line: string) => string): number[][] {
  const groups = new Map<string, number[]>();
  rows.forEach((line, i) => {
    const k = key(line);
    groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  return [...groups.keys()].sort().map((k) => groups.get(k)!);
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('chunk scores equal the two-file analysis of each hand-cut chunk (Object.is)', () => {
  const seattle = ['realdata/seattle-weather.ref.csv', 'realdata/seattle-weather.cur.csv'] as const;

  it('period:month on the date column (ks, chisquare on 28..31 rows per chunk)', async () => {
    const { rows } = lines(seattle[1]);
    const groups = groupBy(rows, (l) => l.slice(0, 7)); // "2015-01"
    const chunking: Chunking = { kind: 'period', period: 'month', timeColumn: 'date' };
    const t = await timeline(...seattle, chunking, DEFAULT_SETTINGS);
    expect(t.chunks.map((c) => c.label)).toEqual(groups.map((g) => rows[g[0]].slice(0, 7)));
    expect(t.chunks[0].columns.map((c) => c.name)).not.toContain('date');
    expectSame(t.chunks, await byHand(...seattle, groups, chunkSettings(DEFAULT_SETTINGS, chunking)));
  });

  it('period:week (weeks from Monday; the first chunk holds 2015-01-01 Thu .. 2015-01-04 Sun)', async () => {
    const { rows } = lines(seattle[1]);
    // Monday of the week of each date, by hand: day number since 1970-01-05 (a Monday) divided by 7.
    const monday = (l: string) =>
      String(Math.floor((Date.parse(l.slice(0, 10)) / 86_400_000 - 4) / 7)).padStart(6, '0');
    const groups = groupBy(rows, monday);
    expect(groups[0].length).toBe(4);
    const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, correction: 'benjamini_hochberg' };
    const chunking: Chunking = { kind: 'period', period: 'week', timeColumn: 'date' };
    const t = await timeline(...seattle, chunking, settings);
    expect(t.chunks.length).toBe(53);
    expect(t.chunks[0].columns.find((c) => c.name === 'wind')?.note).toMatch(/fewer than 30/);
    expectSame(t.chunks, await byHand(...seattle, groups, chunkSettings(settings, chunking)));
  });

  const flights = ['realdata/flights-20k.ref.csv', 'realdata/flights-20k.cur.csv'] as const;

  it('size:3000 (wasserstein and jensenshannon; the last chunk of 1000 rows is incomplete)', async () => {
    const t = await timeline(...flights, { kind: 'size', size: 3000 }, DEFAULT_SETTINGS);
    expect(t.chunks.map((c) => c.rows)).toEqual([3000, 3000, 3000, 1000]);
    expect(t.chunks.map((c) => c.incomplete ?? false)).toEqual([false, false, false, true]);
    const groups = [range(0, 3000), range(3000, 6000), range(6000, 9000), range(9000, 10000)];
    expectSame(t.chunks, await byHand(...flights, groups, DEFAULT_SETTINGS));
  });

  it('count:7 with per-column overrides (psi on distance, a threshold on delay)', async () => {
    const settings: AnalysisSettings = {
      ...DEFAULT_SETTINGS,
      columns: { distance: { test: 'psi' }, delay: { threshold: 0.02 } },
    };
    const t = await timeline(...flights, { kind: 'count', count: 7 }, settings);
    // np.array_split(np.arange(10000), 7): four chunks of 1429, three of 1428 (rows.json has the oracle)
    const lengths = [1429, 1429, 1429, 1429, 1428, 1428, 1428];
    expect(t.chunks.map((c) => c.rows)).toEqual(lengths);
    const starts = lengths.map((_, i) => lengths.slice(0, i).reduce((a, b) => a + b, 0));
    const groups = starts.map((s, i) => range(s, s + lengths[i]));
    expectSame(t.chunks, await byHand(...flights, groups, settings));
    expect(t.chunks[0].columns.find((c) => c.name === 'distance')?.test).toBe('psi');
  });

  it('count:4 on a binary model: every metric, decay and target drift per chunk', async () => {
    const files = ['performance/binary_reference.csv', 'performance/binary_current.csv'] as const;
    const t = await timeline(...files, { kind: 'count', count: 4 }, DEFAULT_SETTINGS);
    expect(t.chunks[0].performance?.metrics.accuracy).not.toBeUndefined();
    const groups = [range(0, 72), range(72, 143), range(143, 214), range(214, 285)];
    expect(t.chunks.map((c) => c.rows)).toEqual(groups.map((g) => g.length));
    expectSame(t.chunks, await byHand(...files, groups, DEFAULT_SETTINGS));
  });
});
