/**
 * MetricsExporter (electron/monitor/metrics-exporter.ts): a scrape samples the process's heap
 * (nodejs_heap_size_used_bytes) before it builds the monitor's own series. The batch-duration summary
 * compresses its quantile digest on every read, which allocates in proportion to the digest (hundreds of kB
 * at a few hundred batches); read before the heap, that garbage was in the gauge even right after a full
 * collection, and grew with the batches (the leak benchmark, test/bench/bench-monitor.mjs: 840 B per batch
 * on the main thread, all in V8's new space).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Summary } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MetricsExporter } from '../../../../electron/monitor/metrics-exporter';
import type { BatchRecord } from '../../../../shared/monitoring/batch-summary';

afterEach(() => vi.restoreAllMocks());

const batch = (id: number): BatchRecord => ({
  id,
  file: `batch-${id}.csv`,
  sha256: `sha-${id}`,
  bytes: 1000,
  analysedAt: new Date(1_700_000_000_000 + id * 1000).toISOString(),
  status: 'error',
  error: 'bad batch',
  // Spread like real durations, so the digest keeps a centroid for most of them.
  durationSeconds: 0.05 + ((id * 7919) % 1000) / 50_000,
  summary: null,
});

/** An exporter that has counted `n` batches. */
function exporterAfter(n: number): MetricsExporter {
  const exporter = new MetricsExporter('m', 3600);
  for (let i = 1; i <= n; i++) exporter.record(batch(i), new Map());
  return exporter;
}

const gauge = (text: string, name: string) =>
  Number(new RegExp(`^${name}\\{[^}]*\\} (\\S+)`, 'm').exec(text)?.[1]);

describe('MetricsExporter', () => {
  it("reads the process's heap before the duration summary compresses its digest", async () => {
    const exporter = exporterAfter(300);
    const calls: string[] = [];
    const memoryUsage = process.memoryUsage;
    vi.spyOn(process, 'memoryUsage').mockImplementation(
      Object.assign(() => {
        calls.push('heap');
        return memoryUsage();
      }, memoryUsage),
    );
    // prom-client's Summary.get compresses the digest before it reads the quantiles.
    const get = Summary.prototype.get;
    vi.spyOn(Summary.prototype, 'get').mockImplementation(function (this: Summary) {
      calls.push('summary');
      return get.call(this);
    });
    await exporter.text();
    expect(calls).toContain('heap');
    expect(calls).toContain('summary');
    expect(calls.indexOf('heap')).toBeLessThan(calls.indexOf('summary'));
  });

  it('exports the heap as it was after a full collection, without the scrape’s own digest garbage', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const exporter = exporterAfter(300);
    const excess: number[] = [];
    for (let i = 0; i < 5; i++) {
      await exporter.text();
      gc();
      const after = process.memoryUsage().heapUsed;
      excess.push(gauge(await exporter.text(), 'nodejs_heap_size_used_bytes') - after);
    }
    // Under vitest, before the fix: 380-600 kB each time (the digest of ~250 centroids rebuilt, and its
    // garbage); now 50-370 kB, the least of five at most 72 kB in the runs seen (the default metrics' own).
    expect(Math.min(...excess)).toBeLessThan(200_000);
  });
});
