/**
 * Simulated production batches drawn from a reference table (`driftscope simulate`): each batch is a seeded
 * resample of the reference's rows (with replacement), and from a chosen batch on the drift changes of
 * drift-spec.ts are applied to it. Cells stay strings as read, so a batch is written back with the reference's
 * own columns; numbers are changed only where they parse, and a changed number is written with at most 12
 * significant digits. Deterministic: the same reference, options and seed give the same batches.
 */
import { SeededRng } from '../stats/seeded-rng';
import type { DriftChange, DriftSpec } from './drift-spec';

export interface SimulateOptions {
  batches: number;
  rows: number;
  drift: readonly DriftSpec[];
  /** First drifting batch (1-based) for specs without `@K`; default: the middle batch. */
  driftFrom?: number;
  seed: number;
}

export interface SimulatedBatch {
  /** 1-based. */
  index: number;
  rows: string[][];
  /** The changes applied to this batch, as given. */
  applied: DriftChange[];
}

/** A column a spec names that the reference does not have, or a numeric change on a column without numbers. */
export class SimulateError extends Error {}

const isMissing = (cell: string) => /^(|na|nan|null|none)$/i.test(cell.trim());
const formatNumber = (x: number) => String(Number(x.toPrecision(12)));

/** Population standard deviation of a column's numeric cells (ddof 0). */
function columnStd(rows: readonly string[][], col: number): number {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (const row of rows) {
    const x = Number(row[col]);
    if (isMissing(row[col]) || !Number.isFinite(x)) continue;
    n++;
    const d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
  }
  if (n === 0) throw new SimulateError('has no numbers');
  return Math.sqrt(m2 / n);
}

function shuffle<T>(a: T[], rng: SeededRng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
}

/** Indices of a `share` of the rows, chosen without replacement. */
function someRows(n: number, share: number, rng: SeededRng): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  shuffle(idx, rng);
  return idx.slice(0, Math.round(share * n));
}

function applyChange(
  rows: string[][],
  change: DriftChange,
  col: number,
  reference: readonly string[][],
  rng: SeededRng,
): void {
  switch (change.kind) {
    case 'shift':
    case 'scale': {
      const delta =
        change.kind === 'shift'
          ? change.unit === 'sd'
            ? change.delta * columnStd(reference, col)
            : change.delta
          : 0;
      let changed = 0;
      for (const row of rows) {
        const x = Number(row[col]);
        if (isMissing(row[col]) || !Number.isFinite(x)) continue;
        row[col] = formatNumber(change.kind === 'shift' ? x + delta : x * change.factor);
        changed++;
      }
      if (changed === 0 && rows.length > 0) throw new SimulateError('has no numbers');
      return;
    }
    case 'reweight': {
      // Redraw the column: category c with probability ∝ (its reference share) × weight(c).
      const counts = new Map<string, number>();
      for (const row of reference)
        if (!isMissing(row[col])) counts.set(row[col], (counts.get(row[col]) ?? 0) + 1);
      const cats = [...counts.keys()].sort();
      const unknown = Object.keys(change.weights).filter((c) => !counts.has(c));
      if (unknown.length > 0)
        throw new SimulateError(`has no category ${unknown.map((c) => `"${c}"`).join(', ')}`);
      const cumulative: number[] = [];
      let total = 0;
      for (const c of cats) {
        total += (counts.get(c) ?? 0) * (change.weights[c] ?? 1);
        cumulative.push(total);
      }
      if (!(total > 0)) throw new SimulateError('would have every weight 0');
      for (const row of rows) {
        if (isMissing(row[col])) continue;
        const u = rng.next() * total;
        let k = 0;
        while (cumulative[k] <= u) k++;
        row[col] = cats[k];
      }
      return;
    }
    case 'new-category':
      for (const i of someRows(rows.length, change.share, rng)) rows[i][col] = change.category;
      return;
    case 'missing':
      for (const i of someRows(rows.length, change.share, rng)) rows[i][col] = '';
      return;
    case 'break': {
      const cells = rows.map((r) => r[col]);
      shuffle(cells, rng);
      rows.forEach((r, i) => {
        r[col] = cells[i];
      });
      return;
    }
    case 'degrade': {
      const cells = rows.map((r) => r[col]);
      for (const i of someRows(rows.length, change.share, rng)) rows[i][col] = cells[rng.int(cells.length)];
      return;
    }
  }
}

/**
 * @throws {SimulateError} when a spec names a column the header lacks, or a numeric change meets no numbers.
 * @throws {RangeError} on an empty reference or non-positive counts.
 */
export function simulateBatches(
  header: readonly string[],
  reference: readonly string[][],
  options: SimulateOptions,
): SimulatedBatch[] {
  const { batches, rows } = options;
  if (reference.length === 0) throw new RangeError('simulateBatches: the reference has no rows');
  if (!(Number.isInteger(batches) && batches >= 1))
    throw new RangeError('simulateBatches: batches must be ≥ 1');
  if (!(Number.isInteger(rows) && rows >= 1)) throw new RangeError('simulateBatches: rows must be ≥ 1');
  const driftFrom = options.driftFrom ?? Math.floor(batches / 2) + 1;
  const columns = options.drift.map((spec) => {
    const col = header.indexOf(spec.column);
    if (col < 0)
      throw new SimulateError(
        `--drift ${spec.kind}:${spec.column}: the reference has no column "${spec.column}"`,
      );
    return col;
  });
  const rng = new SeededRng(options.seed);
  const out: SimulatedBatch[] = [];
  for (let b = 1; b <= batches; b++) {
    const batch: string[][] = [];
    for (let i = 0; i < rows; i++) batch.push(reference[rng.int(reference.length)].slice());
    const applied: DriftChange[] = [];
    options.drift.forEach((spec, k) => {
      if (b < (spec.fromBatch ?? driftFrom)) return;
      const { fromBatch: _, ...change } = spec;
      try {
        applyChange(batch, change, columns[k], reference, rng);
      } catch (error) {
        if (error instanceof SimulateError)
          throw new SimulateError(`--drift ${spec.kind}:${spec.column}: the column ${error.message}`);
        throw error;
      }
      applied.push(change);
    });
    out.push({ index: b, rows: batch, applied });
  }
  return out;
}
