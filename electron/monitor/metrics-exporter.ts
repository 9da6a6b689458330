/**
 * The monitor's Prometheus metrics (prom-client), built from the families of
 * shared/monitoring/metric-families.ts: gauges describe the latest ok batch, counters and the duration summary
 * count every batch. `restore` rebuilds them from the history, so a restarted monitor exports what it exported
 * before. Feature names are label values only (text, never markup). The process's own health (prom-client's
 * default metrics: process_resident_memory_bytes, nodejs_heap_size_used_bytes, event-loop lag, ...) is
 * exported beside them, labelled with the model, so a dashboard can watch the monitor itself, with the heap of
 * the engine's worker thread (driftscope_engine_heap_used_bytes), which those do not include.
 */
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { type BatchRecord, driftStreaks } from '../../shared/monitoring/batch-summary';
import type { WorkerHeap } from '../engine/engine-client';
import { WindowSummary } from './window-summary';

type Streaks = ReadonlyMap<string, number>;

import { METRIC_FAMILIES as F } from '../../shared/monitoring/metric-families';

type Labels<K extends string> = Record<K, string>;

/** Batches the duration summary's quantiles are over. */
export const DURATION_WINDOW = 1024;

export class MetricsExporter {
  readonly registry = new Registry();
  private readonly g;
  private readonly batches: Counter<string>;
  private readonly duration: WindowSummary;

  /**
   * `engineHeap` reads the engine worker's heap at each scrape (EngineClient.workerHeap): the worker's
   * isolate is not in prom-client's nodejs_heap_size_* metrics, which measure the main thread.
   */
  constructor(
    private readonly model: string,
    staleAfterSeconds: number,
    engineHeap: () => WorkerHeap | null = () => null,
  ) {
    // Registered first, so a scrape samples the process's heap before it builds the monitor's own series: the
    // batch-duration summary compresses its quantile digest on every read, and that allocation, a few
    // hundred kB and growing with the digest, was in nodejs_heap_size_used_bytes even right after a full
    // collection (the leak benchmark's "main thread" slope, in the new space).
    collectDefaultMetrics({ register: this.registry, labels: { model } });
    const gauge = (f: (typeof F)[keyof typeof F]) =>
      new Gauge({ name: f.name, help: f.help, labelNames: [...f.labels], registers: [this.registry] });
    this.g = {
      score: gauge(F.featureDriftScore),
      threshold: gauge(F.featureDriftThreshold),
      detected: gauge(F.featureDriftDetected),
      streak: gauge(F.featureDriftStreak),
      share: gauge(F.datasetDriftShare),
      datasetDetected: gauge(F.datasetDriftDetected),
      metric: gauge(F.modelMetric),
      decayed: gauge(F.modelMetricDecayed),
      latency: gauge(F.servingLatency),
      errorRate: gauge(F.servingErrorRate),
      auc: gauge(F.multivariateAuc),
      reconstruction: gauge(F.reconstructionError),
      reconstructionBound: gauge(F.reconstructionErrorThreshold),
      multivariateDetected: gauge(F.multivariateDriftDetected),
      rows: gauge(F.batchRows),
      last: gauge(F.lastBatchTimestamp),
      stale: gauge(F.stalenessThreshold),
    };
    this.batches = new Counter({
      name: F.batchesTotal.name,
      help: F.batchesTotal.help,
      labelNames: [...F.batchesTotal.labels],
      registers: [this.registry],
    });
    // Quantiles over the latest 1,024 batches (a fixed ring), _sum and _count over all: prom-client's Summary
    // kept a quantile digest of every batch, which grew with them (found by the leak benchmark).
    this.duration = new WindowSummary(
      F.batchDuration.name,
      F.batchDuration.help,
      { model },
      [0.5, 0.9, 0.99],
      DURATION_WINDOW,
    );
    // The Registry reads a metric's name, help, type and get() alone; its type names prom-client's classes.
    this.registry.registerMetric(this.duration as never);
    // The worker's heap, read at each scrape: all of it, and its code spaces.
    const workerGauge = (f: (typeof F)[keyof typeof F], pick: (heap: WorkerHeap) => number) =>
      new Gauge({
        name: f.name,
        help: f.help,
        labelNames: [...f.labels],
        registers: [this.registry],
        collect() {
          const heap = engineHeap();
          if (heap !== null) this.set({ model }, pick(heap));
        },
      });
    workerGauge(F.engineHeapUsed, (heap) => heap.usedBytes);
    workerGauge(F.engineCodeSpaceUsed, (heap) => heap.codeSpaceUsedBytes);
    this.g.stale.set({ model }, staleAfterSeconds);
    // Both statuses exist from the start, so `increase(...{status="error"})` has a series to work on.
    this.batches.inc({ model, status: 'ok' }, 0);
    this.batches.inc({ model, status: 'error' }, 0);
  }

  /** Counts one finished batch and, when it is ok, makes it the latest (`streaks` include it). */
  record(record: BatchRecord, streaks: Streaks): void {
    this.count(record);
    if (record.status === 'ok' && record.summary) this.showLatest(record, streaks);
  }

  /** Replays a stored history after a restart: counters from every batch, gauges from the latest ok one. */
  restore(history: readonly BatchRecord[]): void {
    for (const r of history) this.count(r);
    const ok = history.filter((r) => r.status === 'ok' && r.summary);
    if (ok.length > 0) this.showLatest(ok[ok.length - 1], driftStreaks(history));
  }

  private count(record: BatchRecord): void {
    this.batches.inc({ model: this.model, status: record.status });
    this.duration.observe(record.durationSeconds);
  }

  private showLatest(record: BatchRecord, streaks: Streaks): void {
    const model = this.model;
    const s = record.summary;
    if (!s) return;
    for (const gauge of [
      this.g.score,
      this.g.threshold,
      this.g.detected,
      this.g.streak,
      this.g.metric,
      this.g.decayed,
      this.g.latency,
      this.g.errorRate,
      this.g.auc,
      this.g.reconstruction,
      this.g.reconstructionBound,
      this.g.multivariateDetected,
    ])
      gauge.reset();
    for (const c of s.columns) {
      if (c.test === null || c.score === null || c.threshold === null) continue;
      const labels: Labels<'model' | 'feature' | 'test'> = { model, feature: c.name, test: c.test };
      this.g.score.set(labels, c.score);
      this.g.threshold.set(labels, c.threshold);
      this.g.detected.set(labels, c.driftDetected ? 1 : 0);
      this.g.streak.set(labels, streaks.get(c.name) ?? 0);
    }
    this.g.share.set({ model }, s.dataset.driftShare);
    this.g.datasetDetected.set({ model }, s.dataset.driftDetected ? 1 : 0);
    for (const m of s.metrics) {
      if (m.realized !== null) this.g.metric.set({ model, metric: m.metric, source: 'realized' }, m.realized);
      if (m.baseline !== null) this.g.metric.set({ model, metric: m.metric, source: 'baseline' }, m.baseline);
      this.g.decayed.set({ model, metric: m.metric }, m.decayed ? 1 : 0);
    }
    this.showServing(s);
    this.showMultivariate(s);
    this.g.rows.set({ model }, s.rows);
    this.g.last.set({ model }, Date.parse(record.analysedAt) / 1000);
  }

  /** Serving latency (seconds) and error rate of the latest batch, and its CBPE estimates. */
  private showServing(s: NonNullable<BatchRecord['summary']>): void {
    const model = this.model;
    const l = s.serving?.latencySeconds ?? null;
    if (l) {
      this.g.latency.set({ model, quantile: '0.5' }, l.p50);
      this.g.latency.set({ model, quantile: '0.95' }, l.p95);
      this.g.latency.set({ model, quantile: '0.99' }, l.p99);
    }
    const rate = s.serving?.errorRate ?? null;
    if (rate !== null) this.g.errorRate.set({ model }, rate);
    for (const [metric, value] of Object.entries(s.estimated ?? {}))
      this.g.metric.set({ model, metric, source: 'estimated' }, value);
  }

  /** The multivariate detectors of the latest batch, when the baseline's settings turn them on. */
  private showMultivariate(s: NonNullable<BatchRecord['summary']>): void {
    const model = this.model;
    const c = s.multivariate?.classifier ?? null;
    if (c) {
      this.g.auc.set({ model }, c.auc);
      this.g.multivariateDetected.set({ model, detector: 'domain_classifier' }, c.driftDetected ? 1 : 0);
    }
    const r = s.multivariate?.reconstruction ?? null;
    if (r) {
      this.g.reconstruction.set({ model }, r.error);
      if (r.upper !== null) this.g.reconstructionBound.set({ model, bound: 'upper' }, r.upper);
      if (r.lower !== null) this.g.reconstructionBound.set({ model, bound: 'lower' }, r.lower);
      this.g.multivariateDetected.set({ model, detector: 'reconstruction' }, r.driftDetected ? 1 : 0);
    }
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
