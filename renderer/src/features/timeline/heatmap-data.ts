/**
 * The timeline heatmap's data: one row per feature, one cell per chunk, coloured by the score relative to
 * its threshold and marked where the chunk alerts. Pure (no React, no Plotly), so sorting and the colour
 * scale are unit-tested (test/unit/renderer/features/timeline/heatmap-data.test.ts).
 */
import { TEST_REGISTRY } from '../../../../shared/drift/methods/registry';
import type { ChunkColumn, Timeline, TimelineChunk } from '../../../../shared/timeline/types';

/** log₂ of the severity is drawn between these: ¼ of the threshold (calm) to 4 × (strong drift). */
export const SEVERITY_LIMIT = 2;

export interface HeatCell {
  chunk: number;
  /** Null: a gap (no rows), or the column has no score in this chunk. */
  score: number | null;
  threshold: number | null;
  /** The colour value: log₂ severity clamped to ±SEVERITY_LIMIT; null for a gap or no score. */
  z: number | null;
  alert: boolean;
  note: string | null;
  gap: boolean;
}

export interface HeatRow {
  name: string;
  test: string | null;
  cells: HeatCell[];
  alerts: number;
  /** Index of the first alerting chunk, or null. */
  firstAlert: number | null;
}

export type HeatSort = 'name' | 'first-alert' | 'alert-count';

/**
 * How far a score is past its threshold, as a ratio where 1 is the threshold and above 1 is drift:
 * score / threshold for a distance (drift when high), threshold / score for a p-value (drift when low).
 * A p-value of 0 gives +∞ (clamped by `colourValue`). Null without a score or threshold.
 *
 * @example severity('wasserstein', 0.2, 0.1) // 2
 * @example severity('ks', 0.01, 0.05) // 5
 */
export function severity(test: string | null, score: number | null, threshold: number | null): number | null {
  if (test === null || score === null || threshold === null || !Number.isFinite(score)) return null;
  const method = TEST_REGISTRY[test as keyof typeof TEST_REGISTRY];
  if (!method || threshold <= 0) return null;
  if (method.kind === 'p_value') return score <= 0 ? Number.POSITIVE_INFINITY : threshold / score;
  return score / threshold;
}

/**
 * The heatmap's colour value: log₂(severity) clamped to [−SEVERITY_LIMIT, SEVERITY_LIMIT], so 0 is the
 * threshold, +1 twice past it, −1 half way to it; a score of 0 distance gives the calmest colour.
 *
 * @example colourValue(2) // 1
 * @example colourValue(0) // -2
 */
export function colourValue(s: number | null): number | null {
  if (s === null || Number.isNaN(s)) return null;
  if (s <= 0) return -SEVERITY_LIMIT;
  return Math.max(-SEVERITY_LIMIT, Math.min(SEVERITY_LIMIT, Math.log2(s)));
}

/**
 * Whether a chunk's column alerts: against the reference-derived threshold when the timeline has one for
 * it, else the test's own verdict.
 */
export function isAlert(column: ChunkColumn): boolean {
  if (column.referenceDriftDetected !== undefined && column.referenceDriftDetected !== null)
    return column.referenceDriftDetected;
  return column.driftDetected;
}

/**
 * The threshold a column's alerts are judged by: the reference-derived bound when the timeline has one
 * (the upper bound for a distance, the lower one for a p-value), else null (each chunk's own threshold).
 */
export function referenceBoundOf(timeline: Timeline, name: string, test: string | null): number | null {
  const bound = timeline.referenceThresholds?.thresholds.find((t) => t.kind === 'column' && t.name === name);
  if (!bound || test === null) return null;
  const kind = TEST_REGISTRY[test as keyof typeof TEST_REGISTRY]?.kind;
  return (kind === 'p_value' ? bound.lower : bound.upper) ?? null;
}

/**
 * The heatmap's rows: every feature some chunk tested, one cell per chunk (reference ones first), in
 * timeline order. Colours are relative to the threshold the alerts use: the reference-derived bound when
 * there is one, else the chunk's own threshold.
 */
export function heatmapRows(timeline: Timeline): HeatRow[] {
  const names: string[] = [];
  const tests = new Map<string, string | null>();
  for (const chunk of timeline.chunks) {
    for (const column of chunk.columns) {
      if (!tests.has(column.name)) names.push(column.name);
      if (column.test !== null || !tests.has(column.name)) tests.set(column.name, column.test);
    }
  }
  // Only features that some chunk tested: an untested column (id, text, the time axis) has no scores.
  const tested = names.filter((name) => tests.get(name) !== null);
  const byChunk = timeline.chunks.map((chunk) => new Map(chunk.columns.map((c) => [c.name, c])));
  return tested.map((name) => {
    let alerts = 0;
    let firstAlert: number | null = null;
    const cells = timeline.chunks.map((chunk, i): HeatCell => {
      const column = byChunk[i].get(name);
      const gap = chunk.dataset === null;
      if (!column || gap)
        return {
          chunk: i,
          score: null,
          threshold: null,
          z: null,
          alert: false,
          note: column?.note ?? null,
          gap,
        };
      const alert = chunk.period === 'analysis' && isAlert(column);
      const threshold = referenceBoundOf(timeline, name, column.test) ?? column.threshold;
      if (alert) {
        alerts++;
        firstAlert ??= i;
      }
      return {
        chunk: i,
        score: column.score,
        threshold,
        z: colourValue(severity(column.test, column.score, threshold)),
        alert,
        note: column.note,
        gap: false,
      };
    });
    return { name, test: tests.get(name) ?? null, cells, alerts, firstAlert };
  });
}

/**
 * Rows in the chosen order: by name; by first alert (earliest first, rows that never alert last, ties by
 * alert count then name); or by alert count (most first, ties by first alert then name).
 */
export function sortHeatRows(rows: HeatRow[], sort: HeatSort): HeatRow[] {
  const byName = (a: HeatRow, b: HeatRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const first = (r: HeatRow) => r.firstAlert ?? Number.POSITIVE_INFINITY;
  const sorted = [...rows];
  if (sort === 'name') return sorted.sort(byName);
  if (sort === 'first-alert')
    return sorted.sort((a, b) => first(a) - first(b) || b.alerts - a.alerts || byName(a, b));
  return sorted.sort((a, b) => b.alerts - a.alerts || first(a) - first(b) || byName(a, b));
}

/** Position of a timeline chunk among the analysis chunks (what 'timeline:focus-chunk' takes), or null. */
export function analysisPosition(timeline: Timeline, index: number): number | null {
  const chunk = timeline.chunks[index];
  if (chunk?.period !== 'analysis') return null;
  let position = 0;
  for (let i = 0; i < index; i++) if (timeline.chunks[i].period === 'analysis') position++;
  return position;
}

/** The last analysis chunk that holds rows (the headline's "latest chunk"), or null. */
export function latestChunk(timeline: Timeline): TimelineChunk | null {
  for (let i = timeline.chunks.length - 1; i >= 0; i--) {
    const chunk = timeline.chunks[i];
    if (chunk.period === 'analysis' && chunk.dataset !== null) return chunk;
  }
  return null;
}
