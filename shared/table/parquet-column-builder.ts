/**
 * Builds one column of a ColumnarTable from a Parquet column's values as the reader decodes them
 * (electron/engine/duckdb-parquet.ts, vector by vector): the whole column (load-parquet.ts), or a chunk of
 * its rows at a time, taken and dropped (stream-parquet-profile.ts). The storage follows the column's plan
 * (parquet-columns.ts), never the values: number storage (Float64Array, NaN = missing) or dictionary-coded
 * text (Int32Array, -1 = missing; codes in order of first appearance, as the CSV loader gives them).
 *
 * Missing values (docs/statistics.md §1): Parquet nulls; for numbers also NaN and ±Infinity (as the CSV
 * loader reads "NaN" and "inf"); for text also the missing tokens (empty, NA, null, ...: columnar.ts
 * isMissingToken), so that a CSV converted to Parquet keeps its missing cells.
 * INT64 values beyond ±2^53 are rounded to the nearest double (Number(bigint), IEEE 754
 * round-to-nearest-even) and counted, for a warning.
 */
import { type Float64Storage, plainFloat64 } from '../stats/float64-storage';
import { type Column, isMissingToken } from './columnar';
import { LabelDictionary } from './label-dictionary';
import type { ParquetColumnPlan } from './parquet-columns';
import { formatParquetDate, formatParquetTime, formatParquetTimestamp } from './parquet-time';

export class ParquetColumnBuilder {
  /** Number storage (the reader writes every row, NaN when missing), or null for text. */
  readonly values: Float64Array | null;
  /** Text storage (the reader writes every row, -1 when missing), or null for numbers. */
  readonly codes: Int32Array | null;
  /** Code of each raw value seen (the raw value itself for text). */
  private readonly codeOfRaw = new Map<unknown, number>();
  private dictionary = new LabelDictionary();
  /** How many times the dictionary was dropped (a reader that caches codes starts again when it changes). */
  generation = 0;
  /** INT64 values beyond ±2^53 (rounded), and the first of them. */
  unsafeIntegers = 0;
  firstUnsafe: bigint | null = null;

  /** `storage`: where number storage is allocated (float64-storage.ts). */
  constructor(
    readonly plan: Exclude<ParquetColumnPlan, { kind: 'skip' }>,
    readonly rowCount: number,
    storage: Float64Storage = plainFloat64,
  ) {
    const numeric = plan.kind === 'number';
    this.values = numeric ? storage(rowCount) : null;
    this.codes = numeric ? null : new Int32Array(rowCount);
  }

  /** Marks rows `row` to `end` (exclusive) as missing (a file that holds fewer rows than its footer says). */
  missingFrom(row: number, end = this.rowCount): void {
    if (row >= end) return;
    this.values?.fill(Number.NaN, row, end);
    this.codes?.fill(-1, row, end);
  }

  get name(): string {
    return this.plan.name;
  }

  /** Counts an integer that has no exact double (it is stored as Number(v)). */
  noteUnsafe(v: bigint): void {
    this.unsafeIntegers++;
    this.firstUnsafe ??= v;
  }

  /**
   * The code of a decoded value (a string, boolean, days number, or integer time in the plan's unit), -1
   * for a missing token; each distinct raw value is converted to text once.
   */
  codeOf(v: unknown): number {
    let code = this.codeOfRaw.get(v);
    if (code === undefined) {
      const text = this.text(v);
      code = text === null ? -1 : this.dictionary.code(text);
      this.codeOfRaw.set(v, code);
    }
    return code;
  }

  /** The code of a text label (a missing token gives -1), for readers that decode text themselves. */
  codeOfLabel(text: string): number {
    return isMissingToken(text) ? -1 : this.dictionary.code(text);
  }

  /**
   * The first `rows` rows as a Column that views the builder's storage (no copy), for a chunk of rows to
   * be taken before the next rows are written over it.
   */
  held(rows: number): Column {
    if (this.values !== null)
      return {
        name: this.name,
        storage: 'number',
        values: this.values.subarray(0, rows),
        invalidCount: 0,
        firstInvalid: null,
      };
    return {
      name: this.name,
      storage: 'string',
      codes: this.codes!.subarray(0, rows),
      dictionary: this.dictionary.labels,
    };
  }

  /**
   * Drops the dictionary of the rows taken, so that the next chunk's codes count from 0 and memory does
   * not grow with the file's distinct values (the INT64 counts run on).
   */
  dropHeld(): void {
    this.codeOfRaw.clear();
    this.dictionary = new LabelDictionary();
    this.generation++;
  }

  finish(): Column {
    if (this.values !== null)
      return { name: this.name, storage: 'number', values: this.values, invalidCount: 0, firstInvalid: null };
    return { name: this.name, storage: 'string', codes: this.codes!, dictionary: this.dictionary.labels };
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
