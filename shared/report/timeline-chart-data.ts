/**
 * The aggregated data behind the report's timeline charts (docs/timeline.md), shared by the SVG (print, PDF,
 * no JavaScript) and the Plotly versions: which features to show, each cell's score relative to its
 * threshold, alerts, gaps and the reference period. Pure; strings are as in the data (each writer escapes
 * them for its own output).
 */
import { TEST_REGISTRY } from '../drift/methods/registry';
import type { Timeline, TimelineChunk } from '../timeline/types';
import type { TestKey } from '../types';

/** Which chunk labels the report's SVG charts print under the x axis: every labelStep(n)-th, about 26 at most. */
export const labelStep = (n: number) => Math.max(1, Math.ceil(n / 26));

/** Relative scores are clipped here: 2 means "twice as far beyond the threshold" or more. */
export const SEVERITY_MAX = 2;

/**
 * A score relative to its threshold, 1 at the threshold and above 1 beyond it: score ÷ threshold for
 * distances, ln p ÷ ln threshold for p-values (p = threshold gives 1, smaller p more), clipped to [0, 2].
 * @example relativeScore('wasserstein', 0.15, 0.1) // 1.5
 * @example relativeScore('ks', 0.0025, 0.05) // 2 (ln 0.0025 / ln 0.05 = 2)
 */
export function relativeScore(test: TestKey, score: number, threshold: number): number | null {
  if (!Number.isFinite(score) || !Number.isFinite(threshold)) return null;
  let r: number;
  if (TEST_REGISTRY[test].kind === 'distance') {
    if (!(threshold > 0)) return null;
    r = score / threshold;
  } else {
    if (!(threshold > 0 && threshold < 1)) return null;
    r = score <= 0 ? SEVERITY_MAX : score >= 1 ? 0 : Math.log(score) / Math.log(threshold);
  }
  return Math.min(Math.max(r, 0), SEVERITY_MAX);
}

export interface HeatCell {
  /** Relative score (null: no score: gap, not tested in this chunk). */
  severity: number | null;
  score: number | null;
  threshold: number | null;
  test: TestKey | null;
  alert: boolean;
  gap: boolean;
  note: string | null;
}

export interface TimelineView {
  chunks: TimelineChunk[];
  /** Features with a test in at least one chunk: alerted ones first (by first alert), then in file order. */
  features: string[];
  /** cells[f][c]: feature f in chunk c. */
  cells: HeatCell[][];
  /** Index range [first, last] of the reference chunks, or null. */
  referenceSpan: [number, number] | null;
  /** Features that alerted in at least one analysis chunk, in `features` order. */
  alerted: string[];
}

export function timelineView(timeline: Timeline): TimelineView {
  const chunks = timeline.chunks;
  const names: string[] = [];
  for (const chunk of chunks)
    for (const c of chunk.columns) if (c.test !== null && !names.includes(c.name)) names.push(c.name);
  const cellsOf = (name: string): HeatCell[] =>
    chunks.map((chunk) => {
      const c = chunk.columns.find((x) => x.name === name);
      const gap = chunk.dataset === null;
      if (!c || c.test === null || c.score === null || c.threshold === null)
        return {
          severity: null,
          score: c?.score ?? null,
          threshold: c?.threshold ?? null,
          test: c?.test ?? null,
          alert: false,
          gap,
          note: gap ? (chunk.notes[0] ?? null) : (c?.note ?? 'Not in this chunk.'),
        };
      return {
        severity: relativeScore(c.test, c.score, c.threshold),
        score: c.score,
        threshold: c.threshold,
        test: c.test,
        alert: c.driftDetected,
        gap,
        note: c.note,
      };
    });
  const rows = names.map((name, order) => {
    const cells = cellsOf(name);
    const first = cells.findIndex((cell, i) => cell.alert && chunks[i].period === 'analysis');
    return { name, cells, order, first: first < 0 ? Number.POSITIVE_INFINITY : first };
  });
  rows.sort((a, b) => a.first - b.first || a.order - b.order);
  const refIdx = chunks.flatMap((c, i) => (c.period === 'reference' ? [i] : []));
  return {
    chunks,
    features: rows.map((r) => r.name),
    cells: rows.map((r) => r.cells),
    referenceSpan: refIdx.length > 0 ? [refIdx[0], refIdx[refIdx.length - 1]] : null,
    alerted: rows.filter((r) => Number.isFinite(r.first)).map((r) => r.name),
  };
}

/**
 * Cell colour for a relative score: pale green at 0 to sand just below 1 (under the threshold), orange
 * at 1 to dark red at 2 (beyond it); grey without a score.
 */
export function severityColor(severity: number | null): string {
  if (severity === null) return '#e6e8ec';
  const mix = (a: number[], b: number[], t: number) =>
    `#${a
      .map((x, i) =>
        Math.round(x + (b[i] - x) * t)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
  if (severity < 1) return mix([0xe8, 0xf3, 0xe8], [0xf3, 0xdf, 0x9c], severity);
  return mix([0xf0, 0x8c, 0x3c], [0xa8, 0x1d, 0x1d], (severity - 1) / (SEVERITY_MAX - 1));
}
