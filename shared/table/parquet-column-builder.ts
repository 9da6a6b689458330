/**
 * Builds one column of a ColumnarTable from the decoded values of a Parquet column (hyparquet's column
 * chunks, one per row group), placed at their row offsets. The storage follows the column's plan
 * (parquet-columns.ts), never the values: number storage (Float64Array, NaN = missing) or dictionary-coded
 * text (Int32Array, -1 = missing; codes in order of first appearance, as the CSV loader gives them).
 *
 * Missing values (docs/statistics.md §1): Parquet nulls; for numbers also NaN and ±Infinity (as the CSV
 * loader reads "NaN" and "inf"); for text also the missing tokens (empty, NA, null, ...: columnar.ts
 * isMissingToken), so that a CSV converted to Parquet keeps its missing cells.
 * INT64 values beyond ±2^53 are rounded to the nearest double (Number(bigint), IEEE 754
 * round-to-nearest-even) and counted, for a warning. DECIMAL values are unscaled / 10^scale, rounded once
 * (hyparquet multiplies by 10^-scale, which can be off by one ulp: 0.1 * 3 ≠ 0.3).
 */
import { type Column, isMissingToken } from './columnar';
import { LabelDictionary } from './label-dictionary';
import type { ParquetColumnPlan } from './parquet-columns';
import { formatParquetDate, formatParquetTime, formatParquetTimestamp } from './parquet-time';

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Values as hyparquet decodes them: arrays of numbers, bigints, booleans, strings, null or undefined. */
export type DecodedValues = ArrayLike<unknown>;

export class ParquetColumnBuilder {
  private readonly values: Float64Array | null;
  private readonly codes: Int32Array | null;
  /** Code of each raw value seen (the raw value itself for text; null/undefined → -1). */
  private readonly codeOfRaw = new Map<unknown, number>();
  private readonly dictionary = new LabelDictionary();
  private readonly pow10: number;
  /** INT64 values beyond ±2^53 (rounded), and the first of them. */
  unsafeIntegers = 0;
  firstUnsafe: bigint | null = null;

  constructor(
    readonly plan: Exclude<ParquetColumnPlan, { kind: 'skip' }>,
    readonly rowCount: number,
  ) {
    const numeric = plan.kind === 'number';
    this.values = numeric ? new Float64Array(rowCount).fill(Number.NaN) : null;
    this.codes = numeric ? null : new Int32Array(rowCount).fill(-1);
    this.pow10 = plan.kind === 'number' ? 10 ** plan.scale : 1;
  }

  get name(): string {
    return this.plan.name;
  }

  /** Stores `data` at rows rowStart, rowStart + 1, ... (rows past the table's end are ignored). */
  add(data: DecodedValues, rowStart: number): void {
    const n = Math.min(data.length, this.rowCount - rowStart);
    if (this.values !== null) this.addNumbers(data, rowStart, n);
    else this.addText(data, rowStart, n);
  }

  finish(): Column {
    if (this.values !== null)
      return { name: this.name, storage: 'number', values: this.values, invalidCount: 0, firstInvalid: null };
    return { name: this.name, storage: 'string', codes: this.codes!, dictionary: this.dictionary.labels };
  }

  private addNumbers(data: DecodedValues, rowStart: number, n: number): void {
    const values = this.values!;
    const scaled = this.pow10 !== 1;
    for (let i = 0; i < n; i++) {
      const v = data[i];
      let x: number;
      if (typeof v === 'number') x = v;
      else if (typeof v === 'bigint') {
        x = Number(v);
        if (v > SAFE || v < -SAFE) {
          this.unsafeIntegers++;
          this.firstUnsafe ??= v;
        }
      } else continue; // null or undefined: missing (the array is NaN-filled)
      if (scaled) {
        const unscaled = Math.round(x * this.pow10);
        if (Math.abs(unscaled) <= Number.MAX_SAFE_INTEGER) x = unscaled / this.pow10;
      }
      values[rowStart + i] = Number.isFinite(x) ? x : Number.NaN;
    }
  }

  private addText(data: DecodedValues, rowStart: number, n: number): void {
    const codes = this.codes!;
    for (let i = 0; i < n; i++) {
      const v = data[i];
      if (v === null || v === undefined) continue;
      let code = this.codeOfRaw.get(v);
      if (code === undefined) {
        const text = this.text(v);
        code = text === null ? -1 : this.dictionary.code(text);
        this.codeOfRaw.set(v, code);
      }
      codes[rowStart + i] = code;
    }
  }

  /** A decoded value as the text a CSV export writes, or null when it is a missing token. */
  private text(v: unknown): string | null {
    const plan = this.plan;
    switch (plan.kind) {
      case 'boolean':
        return v ? 'true' : 'false';
      case 'date':
        return formatParquetDate(Number(v));
      case 'timestamp':
        return formatParquetTimestamp(BigInt(v as bigint | number), plan.unit, plan.utc);
      case 'time':
        return formatParquetTime(BigInt(v as bigint | number), plan.unit);
      default: {
        const text = typeof v === 'string' ? v : String(v);
        return isMissingToken(text) ? null : text;
      }
    }
  }
}
