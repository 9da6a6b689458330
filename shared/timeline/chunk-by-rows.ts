/**
 * Row-count chunkings, in file order:
 * - `size:N`: rows [kN, (k+1)N); the last chunk keeps the remaining rows and is marked incomplete
 *   (NumPy oracle: `np.arange(n) // N`).
 * - `count:K`: K chunks as equal as possible, the first n mod K chunks one row longer
 *   (NumPy oracle: `np.array_split(np.arange(n), K)`).
 */
import { DatasetError } from '../dataset-error';
import { type ChunkPlan, rowRange } from './chunk-plan';

function plan(from: number, to: number): ChunkPlan {
  return {
    label: `rows ${from + 1}–${to}`,
    rows: rowRange(from, to),
    start: null,
    end: null,
    firstRow: from + 1,
    lastRow: to,
    notes: [],
  };
}

/** @throws DatasetError when N is not a positive integer. */
export function chunkBySize(rowCount: number, size: number, file: string): ChunkPlan[] {
  if (!Number.isInteger(size) || size < 1) {
    throw new DatasetError(`Chunk size must be a whole number of rows ≥ 1 (got ${size}).`, file);
  }
  const plans: ChunkPlan[] = [];
  for (let from = 0; from < rowCount; from += size) {
    const to = Math.min(from + size, rowCount);
    const p = plan(from, to);
    if (to - from < size) {
      p.incomplete = true;
      p.notes.push(
        rowCount < size
          ? `${file} has ${rowCount} rows, fewer than the chunk size ${size}: one incomplete chunk.`
          : `Incomplete chunk: ${to - from} of ${size} rows.`,
      );
    }
    plans.push(p);
  }
  return plans;
}

/** @throws DatasetError when K is not a positive integer. */
export function chunkByCount(rowCount: number, count: number, file: string): ChunkPlan[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new DatasetError(`Chunk count must be a whole number ≥ 1 (got ${count}).`, file);
  }
  const k = Math.min(count, Math.max(rowCount, 1));
  const base = Math.floor(rowCount / k);
  const extra = rowCount % k;
  const plans: ChunkPlan[] = [];
  let from = 0;
  for (let i = 0; i < k; i++) {
    const to = from + base + (i < extra ? 1 : 0);
    plans.push(plan(from, to));
    from = to;
  }
  if (k < count) plans[0].notes.push(`${file} has ${rowCount} rows: ${k} chunks instead of ${count}.`);
  return plans;
}
