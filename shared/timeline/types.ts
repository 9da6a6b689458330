/**
 * The timeline block of the analysis (docs/timeline.md): the current data cut into chunks, each compared
 * with the whole reference by the two-file analysis (shared/drift/analyze.ts), optionally the reference
 * cut the same way, and thresholds derived from the reference by leave-one-out.
 */

import type { DecayEntry, DriftCheck } from '../performance/types';
import type { TestKey } from '../types';
import type { ChunkMultivariate } from './chunk-multivariate';
import type { ChunkEstimated, ChunkServing } from './chunk-serving';

export type Period = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

export const PERIODS: readonly Period[] = ['hour', 'day', 'week', 'month', 'quarter', 'year'];

/** How the current data is cut (`--chunk size:N|count:N|period:P`, or one chunk per batch file). */
export type Chunking =
  | { kind: 'size'; size: number; timeColumn?: string }
  | { kind: 'count'; count: number; timeColumn?: string }
  | { kind: 'period'; period: Period; timeColumn: string }
  | { kind: 'batch'; timeColumn?: string };

export interface ChunkDataset {
  driftDetected: boolean;
  /** Drifted tested columns / tested columns (0 when none was tested). */
  driftShare: number;
  driftedColumns: number;
  testedColumns: number;
}

export interface ChunkColumn {
  name: string;
  test: TestKey | null;
  /** The test's score on this chunk against the reference: bit for bit the two-file analysis's score. */
  score: number | null;
  /** The test's own threshold (settings or the automatic rule). */
  threshold: number | null;
  /** The test's verdict (after the multiple-testing correction of the settings). */
  driftDetected: boolean;
  /** Missing cells of this column / rows of the chunk (null for a chunk without rows). */
  missingShare: number | null;
  /** Why there is no score, or a caveat (too few values, type conflict, ...). */
  note: string | null;
  /** Verdict against the reference-derived threshold (only when those were computed; null: no bound). */
  referenceDriftDetected?: boolean | null;
}

/** Model quality of one chunk against the whole reference (the two-file analysis's performance block). */
export interface ChunkPerformance {
  /** Every metric of this chunk by name (accuracy, rocAuc, ... or mae, rmse, ...); null: not computable. */
  metrics: Record<string, number | null>;
  decay: DecayEntry[];
  modelDegraded: boolean;
  targetDrift: DriftCheck;
  predictionDrift: DriftCheck | null;
  /** Verdicts of the metrics against the reference-derived bounds (only when those were computed). */
  referenceAlerts?: Record<string, boolean | null>;
  /** CBPE estimate of the chunk beside its realised metrics (chunk-serving.ts); null without probabilities. */
  estimated?: ChunkEstimated | null;
}

export interface TimelineChunk {
  /** 0-based position on the timeline (reference chunks first, when present). */
  index: number;
  label: string;
  /**
   * ISO 8601: for a period chunk the period's first instant (inclusive) and the next period's first
   * instant (exclusive); for size, count and batch chunks with a time column the first and last timestamp
   * of its rows (both inclusive); null without a time column.
   */
  start: string | null;
  end: string | null;
  rows: number;
  period: 'reference' | 'analysis';
  /** 1-based data-row numbers (header excluded) of the first and last row, for size and count chunks. */
  firstRow?: number;
  lastRow?: number;
  /** The last size chunk when it holds fewer rows than the size. */
  incomplete?: boolean;
  /** Batch chunks: the file the chunk is. */
  file?: string;
  /** A batch of a monitor history that could not be analysed: the monitor's message (dataset is null). */
  error?: string;
  /** Null for a gap (a period without rows) or an error batch: neither is drift. */
  dataset: ChunkDataset | null;
  columns: ChunkColumn[];
  performance: ChunkPerformance | null;
  /** Serving health of the chunk (chunk-serving.ts); absent or null without latency and status columns. */
  serving?: ChunkServing | null;
  /** Multivariate drift of the chunk (chunk-multivariate.ts); absent unless `multivariate.enabled`. */
  multivariate?: ChunkMultivariate;
  /** Gap, incomplete chunk, why model quality is absent, ... */
  notes: string[];
}

/** mean ± K·sd of the reference chunks' values (shared/timeline/reference-bound.ts). */
export interface ReferenceBound {
  /** Reference chunks that gave a value. */
  chunks: number;
  mean: number | null;
  /** Sample standard deviation (ddof = 1) of those values. */
  sd: number | null;
  /** mean − K·sd when a fall alerts (p-values, higher-is-better metrics), else null. */
  lower: number | null;
  /** mean + K·sd when a rise alerts (distances, error metrics), else null. */
  upper: number | null;
  /** Share of the reference chunks that this bound flags (the implied false-alarm rate). */
  falseAlarmRate: number | null;
}

/** A threshold derived from the reference chunks' leave-one-out scores (or metric values). */
export interface ReferenceThreshold extends ReferenceBound {
  /** Column name, or the metric's name for `kind: 'metric'`. */
  name: string;
  kind: 'column' | 'metric';
  /** The test whose scores these are (columns only). */
  test: TestKey | null;
}

export interface ReferenceThresholds {
  /** The multiplier K of mean ± K·sd. */
  k: number;
  /** Rows per reference chunk (the analysis chunk size). */
  chunkSize: number | null;
  /** How the reference was cut for the thresholds. */
  chunking: Chunking;
  thresholds: ReferenceThreshold[];
}

export interface TimestampReport {
  column: string;
  /** Rows whose timestamp cell is empty (missing token). */
  missing: number;
  /** Rows whose timestamp does not read as ISO 8601 or as a Unix epoch (left out of every period chunk). */
  unparsable: number;
  /** First unparsable value, as written. */
  firstUnparsable: string | null;
  /** 'iso' or the epoch unit the column was read in. */
  format: 'iso' | 'epoch_seconds' | 'epoch_milliseconds';
  /** Offset of the periods, "Z" for UTC or "+02:00". */
  zone: string;
}

export interface Timeline {
  chunking: Chunking;
  chunks: TimelineChunk[];
  /** How the timestamps read, per file (period chunking, or a time column for labels). */
  timestamps?: Record<string, TimestampReport>;
  referenceThresholds?: ReferenceThresholds;
  /** Things the user should know about the whole timeline (offsets that differ, chunk larger than file). */
  notes: string[];
}
