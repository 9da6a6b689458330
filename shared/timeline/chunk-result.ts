/**
 * One chunk of the timeline from the two-file analysis of the reference against that chunk: the
 * per-column test, score, threshold and verdict, the missing share, the dataset verdict, model quality.
 * A column with fewer than MIN_CHUNK_VALUES values in the chunk keeps its score, with a note.
 */
import type { AnalysisResult } from '../report/analysis-result';
import type { ChunkPlan } from './chunk-plan';
import { chunkEstimated, chunkServing } from './chunk-serving';
import type { ChunkColumn, ChunkPerformance, TimelineChunk } from './types';

/** Fewer values than this in a chunk and the column's score gets a "too few values" note. */
export const MIN_CHUNK_VALUES = 30;

export function chunkColumns(result: AnalysisResult, rows: number): ChunkColumn[] {
  return result.columns.map((c) => {
    const notes = c.note ? [c.note] : [];
    if (c.test !== null && c.score !== null && c.current.count < MIN_CHUNK_VALUES) {
      notes.push(
        `Only ${c.current.count} value(s) in this chunk (fewer than ${MIN_CHUNK_VALUES}): the score is unreliable.`,
      );
    }
    return {
      name: c.name,
      test: c.test,
      score: c.score,
      threshold: c.threshold,
      driftDetected: c.driftDetected,
      missingShare: rows > 0 ? c.current.missing / rows : null,
      note: notes.length > 0 ? notes.join(' ') : null,
    };
  });
}

export function chunkPerformance(result: AnalysisResult): ChunkPerformance | null {
  const p = result.performance;
  if (p === null) return null;
  return {
    metrics: Object.fromEntries(p.decay.map((d) => [d.metric, d.current])),
    decay: p.decay,
    modelDegraded: p.modelDegraded,
    targetDrift: p.targetDrift,
    predictionDrift: p.predictionDrift,
    estimated: chunkEstimated(result),
  };
}

export function analysedChunk(
  plan: ChunkPlan,
  result: AnalysisResult,
  period: TimelineChunk['period'],
  extraNotes: string[] = [],
): Omit<TimelineChunk, 'index'> {
  const notes = [...plan.notes, ...extraNotes];
  const d = result.dataset;
  return {
    ...planFields(plan, period),
    dataset: {
      driftDetected: d.driftDetected,
      driftShare: d.driftShare,
      driftedColumns: d.driftedColumns,
      testedColumns: d.testedColumns,
    },
    columns: chunkColumns(result, plan.rows.length),
    performance: chunkPerformance(result),
    serving: chunkServing(result, plan.rows.length),
    notes,
  };
}

/** A chunk without analysis: a gap, or a batch that could not be compared (the notes say why). */
export function unanalysedChunk(
  plan: ChunkPlan,
  period: TimelineChunk['period'],
  extraNotes: string[] = [],
): Omit<TimelineChunk, 'index'> {
  return {
    ...planFields(plan, period),
    dataset: null,
    columns: [],
    performance: null,
    notes: [...plan.notes, ...extraNotes],
  };
}

function planFields(plan: ChunkPlan, period: TimelineChunk['period']) {
  return {
    label: plan.label,
    start: plan.start,
    end: plan.end,
    rows: plan.rows.length,
    period,
    ...(plan.firstRow !== undefined && { firstRow: plan.firstRow, lastRow: plan.lastRow }),
    ...(plan.incomplete && { incomplete: true }),
  };
}
