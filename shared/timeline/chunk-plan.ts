/**
 * A chunk before analysis: which rows of a table it holds (in file order) and how it is labelled.
 */
export interface ChunkPlan {
  label: string;
  /** Row indices (0-based, ascending) of the table the plan cuts. */
  rows: Int32Array;
  /** Period bounds, or first/last timestamp of the rows; null without a time axis. */
  start: string | null;
  end: string | null;
  firstRow?: number;
  lastRow?: number;
  incomplete?: boolean;
  notes: string[];
}

/** The rows from..to-1. */
export function rowRange(from: number, to: number): Int32Array {
  const rows = new Int32Array(to - from);
  for (let i = 0; i < rows.length; i++) rows[i] = from + i;
  return rows;
}
