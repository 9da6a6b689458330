/**
 * Builds one column of a ColumnarTable from its cells, as they stream in.
 *
 * Storage is decided from the data: a column starts as numbers (Float64Array, NaN = missing) and switches
 * to dictionary-encoded strings (Int32Array codes, -1 = missing) as soon as more of its non-missing cells
 * are text than numbers. `finish()` settles mixed columns: numeric when at least 90 % of the non-missing
 * cells are numbers (the rest reported as invalid cells), text otherwise.
 *
 * For streaming (docs/profiles.md, "Streaming"), `takeChunk(storage)` hands over the rows held so far in a
 * given storage and drops them, while the storage state and the counts that decide it run on over the
 * whole file: the switch happens at the same row and `numericAtEnd()` gives the same answer as on the
 * whole file, and every row of a chunk is the cell the whole file's column would hold in that storage.
 */
import { type Float64Storage, plainFloat64 } from '../stats/float64-storage';
import type { Column, InvalidCell } from './columnar';
import { isMissingToken } from './columnar';
import { LabelDictionary } from './label-dictionary';
import {
  type DecimalSeparator,
  formatNumberCell,
  parseNumberCell,
  parsePlainDecimalRange,
} from './parse-number';

/** Share of non-missing cells that must be numbers for a column to stay numeric. */
export const NUMERIC_SHARE = 0.9;

export class ColumnBuilder {
  private numbers: Float64Array | null;
  private codes: Int32Array | null = null;
  private dictionary = new LabelDictionary();
  /** Per dictionary code: whether the label parses as a number (NaN included: "inf" is a number cell). */
  private labelIsNumber: boolean[] = [];
  /** Number storage, whole file: cells that are numbers (not NaN) and cells that are text. */
  private numericCells = 0;
  private textCount = 0;
  /** String storage, whole file: non-missing cells, and those whose label parses as a number. */
  private labelCells = 0;
  private numericLabels = 0;
  /** Non-numeric, non-missing cells of the rows held, while in number storage: [row, raw]. */
  private textCells: [number, string][] = [];
  private firstTextLine = 0;
  /** Rows held (since the last takeChunk). */
  private length = 0;

  /**
   * `decimal`: the file's decimal separator (',' for a decimal-comma file). `expectedRows`: a guess of the
   * rows to come, so that the storage is allocated once (a low guess grows; `finish` then copies).
   * `storage`: where the number storage is allocated (float64-storage.ts).
   */
  constructor(
    readonly name: string,
    private readonly decimal: DecimalSeparator = '.',
    expectedRows = 1024,
    private readonly storage: Float64Storage = plainFloat64,
  ) {
    this.numbers = storage(Math.max(1024, Math.ceil(expectedRows)));
  }

  /** Appends one raw cell; `line` is its 1-based line in the file (used in messages). */
  push(raw: string, line: number): void {
    const row = this.length++;
    if (this.numbers !== null) {
      if (row >= this.numbers.length) this.numbers = grow(this.numbers, this.storage);
      const x = parseNumberCell(raw, this.decimal);
      if (x === undefined) {
        this.numbers[row] = Number.NaN;
        if (this.textCells.length === 0) this.firstTextLine = line;
        this.textCells.push([row, raw]);
        this.textCount++;
        if (this.textCount > this.numericCells) this.switchToStrings();
      } else {
        this.numbers[row] = x;
        if (!Number.isNaN(x)) this.numericCells++;
      }
      return;
    }
    const codes = this.codes!;
    if (row >= codes.length) this.codes = grow(codes);
    this.codes![row] = isMissingToken(raw) ? -1 : this.label(raw.trim());
  }

  /**
   * Appends the cell `text.substring(start, end)` as `push` would, without making it a string when it is
   * a plain decimal number in number storage (most cells of a numeric column).
   */
  pushRange(text: string, start: number, end: number, line: number): void {
    const numbers = this.numbers;
    if (numbers !== null) {
      const x = parsePlainDecimalRange(text, start, end, this.decimal === ',' ? 44 : 46);
      if (x !== undefined) {
        const row = this.length++;
        if (row >= numbers.length) this.numbers = grow(numbers, this.storage);
        this.numbers![row] = x;
        this.numericCells++;
        return;
      }
    }
    this.push(text.substring(start, end), line);
  }

  /** Rows held (all rows, unless takeChunk was called). */
  get rowCount(): number {
    return this.length;
  }

  /** Whether the column, ended now, is numeric: the decision of `finish()` on every row pushed so far. */
  numericAtEnd(): boolean {
    if (this.numbers !== null)
      return (
        this.textCount === 0 || this.numericCells >= NUMERIC_SHARE * (this.textCount + this.numericCells)
      );
    return this.labelCells > 0 && this.numericLabels >= NUMERIC_SHARE * this.labelCells;
  }

  /** `lineOf(row)`: the physical line of a 0-based data row (default: header on line 1, one line a row). */
  finish(lineOf: (row: number) => number = (row) => row + 2): Column {
    const storage = this.numericAtEnd() ? 'number' : 'string';
    const held = this.numbers ?? this.codes!;
    // Hand the storage itself over when it is mostly full (a view of it; at most a fifth unused),
    // instead of a copy: the builder is done and starts again empty.
    if (this.length >= 0.8 * held.length && (this.numbers !== null) === (storage === 'number')) {
      const column =
        this.numbers !== null
          ? this.heldNumbers(this.numbers.subarray(0, this.length))
          : this.heldCodes(this.codes!.subarray(0, this.length));
      if (this.numbers !== null) this.numbers = this.storage(1024);
      else this.codes = new Int32Array(1024);
      this.dropHeld();
      return column;
    }
    return this.takeChunk(storage, lineOf);
  }

  /**
   * The rows held, in `storage`, as the whole file's column in that storage holds them (numbers of number
   * storage written as text like `switchToStrings`; labels of string storage parsed like a settled
   * column); then they are dropped. `lineOf(row)`: the line of the row-th row held.
   */
  takeChunk(storage: 'number' | 'string', lineOf: (row: number) => number = (row) => row + 2): Column {
    const column = this.heldAs(storage, lineOf);
    this.dropHeld();
    return column;
  }

  /** The rows held, in `storage`, as `takeChunk` gives them, without dropping them (to read both storages). */
  heldAs(storage: 'number' | 'string', lineOf: (row: number) => number = (row) => row + 2): Column {
    return this.numbers !== null
      ? storage === 'number'
        ? this.heldNumbers()
        : { name: this.name, storage: 'string' as const, ...this.numbersAsStrings(new LabelDictionary()) }
      : storage === 'number'
        ? this.labelsAsNumbers(lineOf)
        : this.heldCodes(this.codes!.slice(0, this.length));
  }

  private heldCodes(codes: Int32Array): Column {
    return { name: this.name, storage: 'string', codes, dictionary: this.dictionary.labels.slice() };
  }

  /** Drops the rows held; the counts that decide the storage run on. */
  dropHeld(): void {
    this.length = 0;
    this.textCells = [];
    this.dictionary = new LabelDictionary();
    this.labelIsNumber = [];
  }

  private heldNumbers(values: Float64Array = this.numbers!.slice(0, this.length)): Column {
    const first = this.textCells[0];
    const firstInvalid: InvalidCell | null = first ? { line: this.firstTextLine, value: first[1] } : null;
    return {
      name: this.name,
      storage: 'number',
      values,
      invalidCount: this.textCells.length,
      firstInvalid,
    };
  }

  /** The code of a (trimmed, non-missing) label in string storage, counted for `numericAtEnd`. */
  private label(label: string): number {
    const code = this.dictionary.code(label);
    if (code === this.labelIsNumber.length)
      this.labelIsNumber.push(parseNumberCell(label, this.decimal) !== undefined);
    this.labelCells++;
    if (this.labelIsNumber[code]) this.numericLabels++;
    return code;
  }

  /** The rows held in number storage as codes (numbers as their shortest decimal form) in `dictionary`. */
  private numbersAsStrings(dictionary: LabelDictionary): { codes: Int32Array; dictionary: string[] } {
    const numbers = this.numbers!;
    const codes = new Int32Array(Math.max(this.length, 1024));
    for (let i = 0; i < this.length; i++) {
      const x = numbers[i];
      codes[i] = Number.isNaN(x) ? -1 : dictionary.code(formatNumberCell(x, this.decimal));
    }
    for (const [row, raw] of this.textCells) codes[row] = dictionary.code(raw.trim());
    return { codes: codes.slice(0, this.length), dictionary: dictionary.labels.slice() };
  }

  /**
   * Switches to string storage: the rows held are re-encoded as strings. The counts of string storage
   * start from those of number storage over the whole file: a number's shortest decimal form parses back
   * to it, and a text cell's trimmed form does not parse (parseNumberCell trims), so these are the counts
   * `label()` would give every earlier row.
   */
  private switchToStrings(): void {
    const numbers = this.numbers!;
    const codes = new Int32Array(Math.max(numbers.length, 1024));
    for (let i = 0; i < this.length; i++) {
      const x = numbers[i];
      codes[i] = Number.isNaN(x) ? -1 : this.labelCode(formatNumberCell(x, this.decimal), true);
    }
    for (const [row, raw] of this.textCells) codes[row] = this.labelCode(raw.trim(), false);
    this.labelCells = this.numericCells + this.textCount;
    this.numericLabels = this.numericCells;
    this.codes = codes;
    this.numbers = null;
    this.textCells = [];
  }

  /** A label's code when its parse is known (switchToStrings), without counting it. */
  private labelCode(label: string, isNumber: boolean): number {
    const code = this.dictionary.code(label);
    if (code === this.labelIsNumber.length) this.labelIsNumber.push(isNumber);
    return code;
  }

  /** The rows held in string storage as numbers: labels that do not parse are invalid cells (NaN). */
  private labelsAsNumbers(lineOf: (row: number) => number): Column {
    const codes = this.codes!;
    const labels = this.dictionary.labels;
    const labelNumbers = labels.map((label) => parseNumberCell(label, this.decimal));
    const values = new Float64Array(this.length);
    let invalidCount = 0;
    let firstInvalid: InvalidCell | null = null;
    for (let i = 0; i < this.length; i++) {
      const code = codes[i];
      const x = code < 0 ? Number.NaN : labelNumbers[code];
      if (x === undefined) {
        invalidCount++;
        firstInvalid ??= { line: lineOf(i), value: labels[code] };
        values[i] = Number.NaN;
      } else values[i] = x;
    }
    return { name: this.name, storage: 'number', values, invalidCount, firstInvalid };
  }
}

/** `array` in storage twice as long, made by `allocate` (default: an ordinary array of its kind). */
function grow<T extends Float64Array | Int32Array>(
  array: T,
  allocate: (length: number) => T = (n) => new (array.constructor as { new (n: number): T })(n),
): T {
  const next = allocate(array.length * 2);
  next.set(array);
  return next;
}
