// @vitest-environment node
// The timeline through the real engine worker (dist/electron/engine-worker.cjs): the demo's current file cut
// into size chunks, progress reported per chunk, and each chunk's scores equal, to the last bit, the worker's
// own two-file analysis of the reference against that chunk written out as a CSV file of its own lines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../../../electron/engine/engine-client';
import type { TimelineProgress } from '../../../../electron/engine/protocol';
import { CancelledError } from '../../../../electron/engine/serialize-error';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';

const root = path.resolve(__dirname, '../../../..');
const work = mkdtempSync(path.join(tmpdir(), 'ds-engine-timeline-'));
const demo = spawnSync(process.execPath, [path.join(root, 'dist/electron/cli.cjs'), 'demo', '--out', work], {
  encoding: 'utf8',
});
const engine = new EngineClient({ bundleDir: path.join(root, 'dist/electron') });
afterAll(() => engine.close());

describe('engine worker: timeline request', () => {
  it('cuts current into size chunks whose scores are those of the chunk analysed alone', async () => {
    expect(demo.status, demo.stderr).toBe(0);
    const reference = path.join(work, 'reference.csv');
    const current = path.join(work, 'current.csv');
    await engine.load('reference', reference);
    await engine.load('current', current);
    const progress: TimelineProgress[] = [];
    const off = engine.onTimelineProgress((p) => progress.push(p));
    const size = 700;
    const timeline = await engine.timeline(DEFAULT_SETTINGS, { chunking: { kind: 'size', size } });
    off();

    const [header, ...rows] = readFileSync(current, 'utf8').trimEnd().split('\n');
    const expected = Math.ceil(rows.length / size);
    expect(timeline.chunks).toHaveLength(expected);
    expect(progress.at(-1)).toEqual({ done: expected, total: expected });
    expect(timeline.chunks.at(-1)?.incomplete).toBe(rows.length % size !== 0);

    for (const chunk of timeline.chunks) {
      const file = path.join(work, `chunk-${chunk.index}.csv`);
      const lines = rows.slice(chunk.index * size, (chunk.index + 1) * size);
      writeFileSync(file, `${header}\n${lines.join('\n')}\n`);
      await engine.load('current', file);
      const alone = await engine.analyze(DEFAULT_SETTINGS);
      expect(chunk.rows).toBe(lines.length);
      for (const column of chunk.columns) {
        const twoFile = alone.columns.find((c) => c.name === column.name);
        expect(column.test, column.name).toBe(twoFile?.test ?? null);
        expect(column.score, column.name).toBe(twoFile?.score ?? null);
      }
      expect(chunk.dataset?.driftDetected).toBe(alone.dataset.driftDetected);
    }
  }, 60_000);

  it('cancels a running timeline between chunks, and the next request runs in full', async () => {
    await engine.load('reference', path.join(work, 'reference.csv'));
    await engine.load('current', path.join(work, 'current.csv'));
    const options = { chunking: { kind: 'size' as const, size: 50 } };
    const progress: TimelineProgress[] = [];
    // Cancel as soon as the first chunk is reported: the worker is then inside the synchronous analysis,
    // and only the shared flag can reach it.
    const off = engine.onTimelineProgress((p) => {
      progress.push(p);
      if (p.done === 1) engine.cancelTimeline();
    });
    const error = await engine.timeline(DEFAULT_SETTINGS, options).then(
      () => null,
      (e: unknown) => e,
    );
    off();
    expect(error).toBeInstanceOf(CancelledError);
    expect(progress[0]).toEqual({ done: 1, total: 100 });
    expect(progress.at(-1)!.done).toBeLessThan(100);
    const again = await engine.timeline(DEFAULT_SETTINGS, options);
    expect(again.chunks).toHaveLength(100);
  }, 60_000);

  it('a new timeline request cancels the one still running', async () => {
    const slow = engine.timeline(DEFAULT_SETTINGS, { chunking: { kind: 'size', size: 40 } });
    const fast = engine.timeline(DEFAULT_SETTINGS, { chunking: { kind: 'count', count: 3 } });
    await expect(slow).rejects.toBeInstanceOf(CancelledError);
    expect((await fast).chunks).toHaveLength(3);
  }, 60_000);

  it('focusChunk points the column detail at one chunk, scored as in the timeline, and back', async () => {
    const options = { chunking: { kind: 'size' as const, size: 700 } };
    const timeline = await engine.timeline(DEFAULT_SETTINGS, options);
    const whole = await engine.analyze(DEFAULT_SETTINGS);
    const wholeDetail = await engine.columnDetail('income', 'auto');
    const result = await engine.focusChunk(DEFAULT_SETTINGS, options, 2);
    expect(result?.current.rows).toBe(700);
    for (const column of timeline.chunks[2].columns) {
      const alone = result!.columns.find((c) => c.name === column.name);
      expect(alone?.score ?? null, column.name).toBe(column.score);
    }
    const detail = await engine.columnDetail('income', 'auto');
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(detail.kind === 'numeric' && sum(detail.currentCounts)).toBe(700);
    expect(await engine.focusChunk(DEFAULT_SETTINGS, options, null)).toBeNull();
    const back = await engine.columnDetail('income', 'auto');
    expect(back.kind === 'numeric' && sum(back.currentCounts)).toBe(whole.current.rows);
    expect(back).toEqual(wholeDetail);
    await expect(engine.focusChunk(DEFAULT_SETTINGS, options, 99)).rejects.toThrow(/no chunk 100/);
  }, 60_000);
});
