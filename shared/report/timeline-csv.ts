/**
 * The timeline as a long CSV table (`--timeline-csv FILE`): one row per chunk and column, in timeline
 * order, with the chunk's label, period and bounds, the column's test, score, threshold and verdict and,
 * when thresholds were derived from the reference, that bound and its verdict. A chunk without rows (a
 * gap) is one row with an empty column and its note. Same CSV rules as the drift table (csv-report.ts):
 * RFC 4180 quoting, CRLF, formula-like text neutralised, numbers in full precision.
 */
import type { Timeline } from '../timeline/types';
import { csvField, neutraliseFormula } from './csv-report';

export const TIMELINE_CSV_HEADER = [
  'chunk',
  'label',
  'period',
  'start',
  'end',
  'rows',
  'column',
  'test',
  'score',
  'threshold',
  'drift_detected',
  'reference_lower',
  'reference_upper',
  'reference_drift_detected',
  'missing_share',
  'note',
] as const;

type Cell = string | number | boolean | null | undefined;

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return csvField(neutraliseFormula(value));
}

/** The long table with its header row. */
export function timelineCsvText(timeline: Timeline): string {
  const bounds = new Map(
    (timeline.referenceThresholds?.thresholds ?? [])
      .filter((t) => t.kind === 'column')
      .map((t) => [t.name, t] as const),
  );
  const lines = [TIMELINE_CSV_HEADER.join(',')];
  for (const chunk of timeline.chunks) {
    const head: Cell[] = [chunk.index, chunk.label, chunk.period, chunk.start, chunk.end, chunk.rows];
    if (chunk.columns.length === 0) {
      const row = [...head, null, null, null, null, null, null, null, null, null, chunk.notes.join(' ')];
      lines.push(row.map(cell).join(','));
      continue;
    }
    for (const c of chunk.columns) {
      const bound = bounds.get(c.name);
      const row: Cell[] = [
        ...head,
        c.name,
        c.test,
        c.score,
        c.threshold,
        c.score === null ? null : c.driftDetected,
        bound?.lower,
        bound?.upper,
        c.referenceDriftDetected,
        c.missingShare,
        c.note,
      ];
      lines.push(row.map(cell).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
