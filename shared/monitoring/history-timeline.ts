/**
 * A monitor's history (electron/monitor/history-store.ts) as a timeline for the app's Timeline view: each batch
 * a chunk ('batch' chunking), in the order the monitor finished them, with its stored dataset verdict and each
 * column's test, score, threshold and verdict; an error batch is a chunk without a dataset, with its message;
 * the alerts each batch raised (batch-alerts.ts, the monitor's own rule) listed beside. The rows of a batch are
 * not in the history, only these numbers.
 */

import type { Timeline, TimelineChunk } from '../timeline/types';
import type { TestKey } from '../types';
import { type BatchAlert, batchAlerts } from './batch-alerts';
import { type BatchMetric, type BatchRecord, nextStreaks } from './batch-summary';

/** One batch of the history beside its chunk (same position): its record without the stored summary. */
export interface HistoryBatch extends Omit<BatchRecord, 'id' | 'summary'> {
  /** Position on the timeline (0-based). */
  index: number;
  metrics: BatchMetric[];
  modelDegraded: boolean;
  alerts: BatchAlert[];
}

export interface MonitorHistory {
  /** The history file's name (never its folder). */
  fileName: string;
  /** SHA-256 of the baseline's reference the history was written for (null: none recorded). */
  baselineSha256: string | null;
  timeline: Timeline;
  batches: HistoryBatch[];
  /** Every alert of every batch, in batch order. */
  alerts: (BatchAlert & { batch: number })[];
}

/** The history of `records` (in the order the monitor stored them). */
export function historyTimeline(
  records: readonly BatchRecord[],
  fileName: string,
  baselineSha256: string | null,
): MonitorHistory {
  let streaks = new Map<string, number>();
  const chunks: TimelineChunk[] = [];
  const batches: HistoryBatch[] = [];
  records.forEach((r, index) => {
    const s = r.status === 'ok' ? r.summary : null;
    if (s) streaks = nextStreaks(streaks, s);
    chunks.push({
      index,
      label: r.file,
      start: r.analysedAt,
      end: r.analysedAt,
      rows: s?.rows ?? 0,
      period: 'analysis',
      file: r.file,
      dataset: s ? { ...s.dataset } : null,
      columns: (s?.columns ?? []).map((c) => ({ ...c, test: c.test as TestKey | null })),
      performance: null,
      ...(r.status === 'error' ? { error: r.error ?? 'the batch could not be analysed' } : {}),
      notes: [],
    });
    batches.push({
      index,
      file: r.file,
      sha256: r.sha256,
      bytes: r.bytes,
      analysedAt: r.analysedAt,
      status: r.status,
      error: r.error,
      durationSeconds: r.durationSeconds,
      metrics: s?.metrics ?? [],
      modelDegraded: s?.modelDegraded ?? false,
      alerts: batchAlerts(r, streaks),
    });
  });
  const errors = records.filter((r) => r.status === 'error').length;
  const notes = [
    'The history keeps the numbers of each batch, not its rows.',
    ...(errors > 0 ? [`${errors} batch${errors > 1 ? 'es' : ''} could not be analysed.`] : []),
  ];
  return {
    fileName,
    baselineSha256,
    timeline: { chunking: { kind: 'batch' }, chunks, notes },
    batches,
    alerts: batches.flatMap((b) => b.alerts.map((a) => ({ ...a, batch: b.index }))),
  };
}
