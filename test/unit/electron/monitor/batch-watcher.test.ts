/**
 * BatchWatcher (electron/monitor/batch-watcher.ts) on a real folder with a fake clock: a file is returned
 * once it has kept its size and modification time for settleMs, temporaries are skipped, a returned file
 * is not returned again, and a file that left the folder is forgotten, so the same name written again is
 * a new file (the monitor's history, keyed by name and SHA-256, decides whether it was already analysed).
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchWatcher } from '../../../../electron/monitor/batch-watcher';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-watcher-'));
  dirs.push(dir);
  let t = 0;
  const watcher = new BatchWatcher(dir, 1000, () => t);
  const names = () => watcher.poll().map((f) => f.name);
  const write = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    utimesSync(path.join(dir, name), 1_700_000_000, 1_700_000_000); // the same mtime each time
  };
  return { dir, names, write, advance: (ms: number) => (t += ms) };
}

describe('BatchWatcher', () => {
  it('returns a file once it has settled, once, and skips temporaries', () => {
    const w = setup();
    w.write('batch-1.csv', 'a\n1\n');
    w.write('.batch-2.csv.tmp', 'a\n1\n');
    expect(w.names()).toEqual([]); // first sight
    w.advance(999);
    expect(w.names()).toEqual([]); // not settled yet
    w.advance(1);
    expect(w.names()).toEqual(['batch-1.csv']);
    w.advance(5000);
    expect(w.names()).toEqual([]); // already returned
  });

  it('forgets a file that left the folder: written again under the same name, it is returned again', () => {
    const w = setup();
    w.write('batch-1.csv', 'a\n1\n');
    w.names();
    w.advance(1000);
    expect(w.names()).toEqual(['batch-1.csv']);
    rmSync(path.join(w.dir, 'batch-1.csv'));
    expect(w.names()).toEqual([]);
    // Same name, size and modification time: without forgetting, the watcher would take it for the old file.
    w.write('batch-1.csv', 'a\n1\n');
    expect(w.names()).toEqual([]);
    w.advance(1000);
    expect(w.names()).toEqual(['batch-1.csv']);
  });

  it('files first seen together settle together, in name order, even when the clock ticks during a poll', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ds-watcher-'));
    dirs.push(dir);
    for (const name of ['batch-001.csv', 'batch-002.csv', 'batch-003.csv'])
      writeFileSync(path.join(dir, name), 'a\n1\n');
    // The clock's readings, one list per poll: in the second poll it crosses the 100 ms settle time between
    // the second and the third file (a timer that fired a millisecond early, then a millisecond boundary).
    const readings = [
      [0, 0, 0],
      [99, 99, 100],
      [200, 200, 200],
    ];
    let poll = 0;
    let call = 0;
    const watcher = new BatchWatcher(dir, 100, () => readings[poll][Math.min(call++, 2)]);
    const order: string[] = [];
    for (; poll < readings.length; poll++, call = 0) order.push(...watcher.poll().map((f) => f.name));
    expect(order).toEqual(['batch-001.csv', 'batch-002.csv', 'batch-003.csv']);
  });
});
