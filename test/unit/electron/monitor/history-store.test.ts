/**
 * HistoryStore (electron/monitor/history-store.ts): the monitor calls `has` and `add` for every batch, so the
 * store prepares each SQL statement once and reuses it; a statement prepared per call would hold its SQLite
 * statement until V8 collects it (the leak benchmark, test/bench/bench-monitor.mjs, looks for growth per
 * batch). Counts the calls to better-sqlite3's prepare over many batches, and checks what was stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_CACHE_KIB, HistoryStore } from '../../../../electron/monitor/history-store';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('HistoryStore', () => {
  it('prepares its statements once, however many batches it records', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ds-history-'));
    dirs.push(dir);
    const store = new HistoryStore(path.join(dir, 'history.sqlite'));
    const prepare = vi.spyOn(Database.prototype, 'prepare');
    store.bindBaseline('ref-sha');
    const batches = 200;
    for (let i = 0; i < batches; i++) {
      const file = `batch-${i}.csv`;
      expect(store.has(file, `sha-${i}`)).toBe(false);
      store.add({
        file,
        sha256: `sha-${i}`,
        bytes: 10,
        analysedAt: '2026-01-01T00:00:00.000Z',
        status: 'error',
        error: 'unreadable',
        durationSeconds: 0.01,
        summary: null,
      });
      expect(store.has(file, `sha-${i}`)).toBe(true);
    }
    store.bindBaseline('ref-sha');
    expect(store.all().map((r) => r.file)).toHaveLength(batches);
    // meta select, meta insert, has, add, all: one prepare each.
    expect(prepare.mock.calls.length).toBeLessThanOrEqual(5);
    store.close();
  });

  it("bounds SQLite's page cache of the monitor's connection, which better-sqlite3 leaves at 16 MB", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ds-history-'));
    dirs.push(dir);
    // The default the store bounds: every page the monitor writes would stay cached up to 16 MB, and its
    // RSS grew with the history (test/bench/bench-monitor.mjs).
    const plain = new Database(path.join(dir, 'plain.sqlite'));
    expect(plain.pragma('cache_size', { simple: true })).toBe(-16000);
    plain.close();
    const store = new HistoryStore(path.join(dir, 'history.sqlite'));
    const db = (store as unknown as { db: Database.Database }).db;
    expect(db.pragma('cache_size', { simple: true })).toBe(-HISTORY_CACHE_KIB);
    expect(HISTORY_CACHE_KIB).toBeLessThanOrEqual(256);
    store.close();
  });

  it('still refuses a read-only file without the batches table', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ds-history-'));
    dirs.push(dir);
    const file = path.join(dir, 'other.sqlite');
    new Database(file).exec('CREATE TABLE t (x)').close();
    expect(() => HistoryStore.openReadOnly(file)).toThrow(/no batches table/);
  });
});
