/**
 * Cuts one table by a row or period chunking (batches are cut by analyze-timeline.ts) and writes the notes
 * the user should see about its time column (rows without a readable timestamp, several offsets).
 */
import { DatasetError } from '../dataset-error';
import type { ColumnarTable } from '../table/columnar';
import { chunkByPeriod } from './chunk-by-period';
import { chunkByCount, chunkBySize } from './chunk-by-rows';
import type { ChunkPlan } from './chunk-plan';
import { formatInstant } from './parse-timestamp';
import { readTimeAxis, type TimeAxis } from './time-axis';
import type { Chunking } from './types';

export interface Cut {
  plans: ChunkPlan[];
  axis: TimeAxis | null;
}

/** Min and max instant of the rows, in the axis's offset. */
export function spanOf(axis: TimeAxis, rows: Int32Array): { start: string | null; end: string | null } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rows.length; i++) {
    const t = axis.ms[rows[i]];
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (!(min <= max)) return { start: null, end: null };
  return { start: formatInstant(min, axis.offsetMinutes), end: formatInstant(max, axis.offsetMinutes) };
}

export function timeNotes(file: string, axis: TimeAxis): string[] {
  const r = axis.report;
  const notes = [...axis.notes];
  const none = r.missing + r.unparsable;
  if (none > 0) {
    const first = r.firstUnparsable === null ? '' : ` (first unreadable: "${r.firstUnparsable}")`;
    notes.push(
      `${file}: ${none} row(s) have no readable timestamp in "${r.column}" (${r.missing} empty, ${r.unparsable} unreadable${first}); they are in no period chunk.`,
    );
  }
  return notes;
}

/** Cuts one table by a row or period chunking (batches are cut by the caller). */
export function cutTable(table: ColumnarTable, chunking: Chunking, notes: string[]): Cut {
  const file = table.fileName;
  const axis = chunking.timeColumn === undefined ? null : readTimeAxis(table, chunking.timeColumn);
  if (axis) notes.push(...timeNotes(file, axis));
  let plans: ChunkPlan[];
  if (chunking.kind === 'period') plans = chunkByPeriod(axis!, chunking.period, file);
  else if (chunking.kind === 'size') plans = chunkBySize(table.rowCount, chunking.size, file);
  else if (chunking.kind === 'count') plans = chunkByCount(table.rowCount, chunking.count, file);
  else throw new DatasetError('Batch chunking takes several current tables.', file);
  if (axis && chunking.kind !== 'period') for (const p of plans) Object.assign(p, spanOf(axis, p.rows));
  return { plans, axis };
}

export function invalidCellNotes(table: ColumnarTable): string[] {
  return table.columns
    .filter((c) => c.storage === 'number' && c.invalidCount > 0)
    .map(
      (c) =>
        `${table.fileName}: column "${c.name}" has ${(c as { invalidCount: number }).invalidCount} cell(s) that are not numbers; in chunks they count as missing.`,
    );
}
