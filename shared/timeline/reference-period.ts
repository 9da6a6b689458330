/**
 * The reference period of the timeline (docs/timeline.md, "Thresholds from the reference"): the reference
 * cut like the analysis, each reference chunk scored against the rest of the reference with the type and
 * test the analysis chunks used (leave-one-out, NannyML issue #426's bias removed), and the bounds
 * mean ± K·sd derived from those scores and from the chunks' model metrics.
 */
import { DatasetError } from '../dataset-error';
import type { AnalysisSettings } from '../drift/settings';
import type { AnalysisResult } from '../report/analysis-result';
import type { ColumnarTable } from '../table/columnar';
import type { ChunkPlan } from './chunk-plan';
import { type Cut, cutTable } from './cut-table';
import { type AlertDirection, beyondBound, referenceBound } from './reference-bound';
import type { Chunking, ReferenceThreshold, Timeline, TimelineChunk } from './types';

/** The lower median (an element of xs; 0 for none). */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor((s.length - 1) / 2)];
};

/** Settings that force, per column, the type and test the analysis chunks used (for leave-one-out). */
export function forcedSettings(
  settings: AnalysisSettings,
  modal: Map<string, ColumnChoice>,
): AnalysisSettings {
  const columns = { ...(settings.columns ?? {}) };
  for (const [name, choice] of modal)
    columns[name] = { ...(columns[name] ?? {}), type: choice.type, test: choice.test };
  return { ...settings, columns };
}

export interface ColumnChoice {
  type: NonNullable<AnalysisResult['columns'][number]['type']>;
  test: NonNullable<AnalysisResult['columns'][number]['test']>;
  kind: 'p_value' | 'distance';
}

/** The most frequent (type, test) of each column over the analysed chunks (first seen wins ties). */
export function modalChoices(results: AnalysisResult[]): Map<string, ColumnChoice> {
  const tally = new Map<string, Map<string, { choice: ColumnChoice; n: number }>>();
  for (const r of results) {
    for (const c of r.columns) {
      if (c.test === null || c.type === null || c.testKind === null) continue;
      const key = `${c.type}/${c.test}`;
      const byKey = tally.get(c.name) ?? new Map();
      const entry = byKey.get(key) ?? { choice: { type: c.type, test: c.test, kind: c.testKind }, n: 0 };
      entry.n++;
      byKey.set(key, entry);
      tally.set(c.name, byKey);
    }
  }
  const out = new Map<string, ColumnChoice>();
  for (const [name, byKey] of tally) {
    let best: { choice: ColumnChoice; n: number } | null = null;
    for (const e of byKey.values()) if (best === null || e.n > best.n) best = e;
    out.set(name, best!.choice);
  }
  return out;
}

/** How the reference is cut: the same period when it has the time column, else chunks of the analysis size. */
export function referenceChunking(chunking: Chunking, ref: ColumnarTable, plans: ChunkPlan[]): Chunking {
  const hasTime =
    chunking.timeColumn !== undefined && ref.columns.some((c) => c.name === chunking.timeColumn);
  if (chunking.kind === 'period' && hasTime) return chunking;
  if (chunking.kind === 'size') return chunking;
  const sizes = plans.map((p) => p.rows.length).filter((n) => n > 0);
  const size =
    chunking.kind === 'count'
      ? Math.max(1, Math.round(sizes.reduce((a, b) => a + b, 0) / Math.max(sizes.length, 1)))
      : Math.max(1, median(sizes));
  return { kind: 'size', size, ...(hasTime && { timeColumn: chunking.timeColumn }) };
}

/**
 * The reference's chunks and how it was cut. A reference whose time column does not read (no value, mixed
 * formats) is cut by rows instead, with a note, so the analysis chunks still get their reference period.
 */
export function referenceCut(
  ref: ColumnarTable,
  chunking: Chunking,
  plans: ChunkPlan[],
  notes: string[],
  timestamps: NonNullable<Timeline['timestamps']>,
): { plans: ChunkPlan[]; chunking: Chunking } {
  let how = referenceChunking(chunking, ref, plans);
  const refNotes: string[] = [];
  let cut: Cut;
  try {
    cut = cutTable(ref, how, refNotes);
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    const sizes = plans.map((p) => p.rows.length).filter((n) => n > 0);
    how = { kind: 'size', size: Math.max(1, median(sizes)) };
    refNotes.length = 0;
    refNotes.push(`${error.message} The reference is cut by rows instead.`);
    cut = cutTable(ref, how, refNotes);
  }
  if (how.kind === 'size' && chunking.kind !== 'size') {
    notes.push(
      `The reference is cut into chunks of ${how.size} rows (the analysis chunks' ${chunking.kind === 'count' ? 'mean' : 'median'} size).`,
    );
  }
  notes.push(...refNotes);
  if (cut.axis) timestamps[ref.fileName] = cut.axis.report;
  return { plans: cut.plans, chunking: how };
}

export function referenceThresholds(
  results: AnalysisResult[],
  modal: Map<string, ColumnChoice>,
  k: number,
): ReferenceThreshold[] {
  const out: ReferenceThreshold[] = [];
  for (const [name, choice] of modal) {
    const scores = results.map((r) => {
      const c = r.columns.find((x) => x.name === name);
      return c && c.test === choice.test ? c.score : null;
    });
    const direction: AlertDirection = choice.kind === 'p_value' ? 'fall' : 'rise';
    out.push({ name, kind: 'column', test: choice.test, ...referenceBound(scores, k, direction) });
  }
  const metrics = new Map<string, AlertDirection>();
  for (const r of results)
    for (const d of r.performance?.decay ?? [])
      metrics.set(d.metric, d.direction === 'higher_is_better' ? 'fall' : 'rise');
  for (const [metric, direction] of metrics) {
    const values = results.map((r) => r.performance?.decay.find((d) => d.metric === metric)?.current ?? null);
    out.push({ name: metric, kind: 'metric', test: null, ...referenceBound(values, k, direction) });
  }
  return out;
}

export function applyReferenceThresholds(chunks: TimelineChunk[], thresholds: ReferenceThreshold[]): void {
  const columns = new Map(thresholds.filter((t) => t.kind === 'column').map((t) => [t.name, t]));
  const metrics = thresholds.filter((t) => t.kind === 'metric');
  for (const chunk of chunks) {
    for (const c of chunk.columns) {
      const t = columns.get(c.name);
      c.referenceDriftDetected = t && t.test === c.test ? beyondBound(c.score, t) : null;
    }
    if (chunk.performance) {
      chunk.performance.referenceAlerts = Object.fromEntries(
        metrics.map((t) => [t.name, beyondBound(chunk.performance!.metrics[t.name] ?? null, t)]),
      );
    }
  }
}
