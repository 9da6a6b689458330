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
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DURATION_WINDOW, MetricsExporter } from '../../../../electron/monitor/metrics-exporter';
import { WindowSummary } from '../../../../electron/monitor/window-summary';
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
  it("reads the process's heap before it builds the duration summary", async () => {
    const exporter = exporterAfter(300);
    const calls: string[] = [];
    const memoryUsage = process.memoryUsage;
    vi.spyOn(process, 'memoryUsage').mockImplementation(
      Object.assign(() => {
        calls.push('heap');
        return memoryUsage();
      }, memoryUsage),
    );
    const get = WindowSummary.prototype.get;
    vi.spyOn(WindowSummary.prototype, 'get').mockImplementation(function (this: WindowSummary) {
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

  it("keeps the duration summary's quantiles over a fixed ring of the latest batches, its count over all", async () => {
    const exporter = new MetricsExporter('m', 3600);
    const n = 10 * DURATION_WINDOW;
    // Every duration distinct and rising, so a digest of every batch (prom-client's Summary, before) would
    // keep a centroid for most and put the median near batch n / 2.
    for (let i = 1; i <= n; i++)
      exporter.record({ ...batch(i), durationSeconds: 0.05 + i * 1e-6 }, new Map());
    const text = await exporter.text();
    expect(gauge(text, 'driftscope_batch_duration_seconds_count')).toBe(n);
    expect(gauge(text, 'driftscope_batch_duration_seconds_sum')).toBeCloseTo(
      0.05 * n + ((n * (n + 1)) / 2) * 1e-6,
      6,
    );
    const quantile = (q: string) => Number(new RegExp(`quantile="${q}"[^}]*\\} (\\S+)`).exec(text)?.[1]);
    const latest = (p: number) => 0.05 + (n - DURATION_WINDOW + 1 + p * (DURATION_WINDOW - 1)) * 1e-6;
    expect(quantile('0.5')).toBeCloseTo(latest(0.5), 9);
    expect(quantile('0.99')).toBeCloseTo(latest(0.99), 9);
  });

  it('exports no duration series before the first batch, as prom-client does', async () => {
    const text = await new MetricsExporter('m', 3600).text();
    expect(text).toContain('# TYPE driftscope_batch_duration_seconds summary');
    expect(text).not.toMatch(/^driftscope_batch_duration_seconds/m);
  });
});
