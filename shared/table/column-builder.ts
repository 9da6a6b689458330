/**
 * Builds one column of a ColumnarTable from its cells, as they stream in.
 *
 * Storage is decided from the data: a column starts as numbers (Float64Array, NaN = missing) and switches
 * to dictionary-encoded strings (Int32Array codes, -1 = missing) as soon as more of its non-missing cells
 * are text than numbers. `finish()` settles mixed columns: numeric when at least 90 % of the non-missing
 * cells are numbers (the rest reported as invalid cells), text otherwise.
 */
import type { Column, InvalidCell } from './columnar';
import { isMissingToken } from './columnar';
import { LabelDictionary } from './label-dictionary';
import { type DecimalSeparator, formatNumberCell, parseNumberCell } from './parse-number';

/** Share of non-missing cells that must be numbers for a column to stay numeric. */
export const NUMERIC_SHARE = 0.9;

export class ColumnBuilder {
  private numbers: Float64Array | null = new Float64Array(1024);
  private codes: Int32Array | null = null;
  private readonly dictionary = new LabelDictionary();
  private numericCells = 0;
  /** Non-numeric, non-missing cells seen while in number storage: [row, raw]. */
  private textCells: [number, string][] = [];
  private firstTextLine = 0;
  private length = 0;

  /** `decimal`: the file's decimal separator (',' for a decimal-comma file). */
  constructor(
    readonly name: string,
    private readonly decimal: DecimalSeparator = '.',
  ) {}

  /** Appends one raw cell; `line` is its 1-based line in the file (used in messages). */
  push(raw: string, line: number): void {
    const row = this.length++;
    if (this.numbers !== null) {
      if (row >= this.numbers.length) this.numbers = grow(this.numbers);
      const x = parseNumberCell(raw, this.decimal);
      if (x === undefined) {
        this.numbers[row] = Number.NaN;
        if (this.textCells.length === 0) this.firstTextLine = line;
        this.textCells.push([row, raw]);
        if (this.textCells.length > this.numericCells) this.switchToStrings();
      } else {
        this.numbers[row] = x;
        if (!Number.isNaN(x)) this.numericCells++;
      }
      return;
    }
    const codes = this.codes!;
    if (row >= codes.length) this.codes = grow(codes);
    this.codes![row] = isMissingToken(raw) ? -1 : this.dictionary.code(raw.trim());
  }

  get rowCount(): number {
    return this.length;
  }

  /** `lineOf(row)`: the physical line of a 0-based data row (default: header on line 1, one line a row). */
  finish(lineOf: (row: number) => number = (row) => row + 2): Column {
    if (this.numbers !== null) {
      const textCount = this.textCells.length;
      const nonMissing = textCount + this.numericCells;
      if (textCount === 0 || this.numericCells >= NUMERIC_SHARE * nonMissing) {
        const first = this.textCells[0];
        const firstInvalid: InvalidCell | null = first ? { line: this.firstTextLine, value: first[1] } : null;
        return {
          name: this.name,
          storage: 'number',
          values: this.numbers.slice(0, this.length),
          invalidCount: textCount,
          firstInvalid,
        };
      }
      this.switchToStrings();
    }
    return this.settleStrings(lineOf);
  }

  /** Re-encodes everything seen so far as strings (numbers as their shortest decimal form). */
  private switchToStrings(): void {
    const numbers = this.numbers!;
    const codes = new Int32Array(Math.max(numbers.length, 1024));
    for (let i = 0; i < this.length; i++) {
      const x = numbers[i];
      codes[i] = Number.isNaN(x) ? -1 : this.dictionary.code(formatNumberCell(x, this.decimal));
    }
    for (const [row, raw] of this.textCells) codes[row] = this.dictionary.code(raw.trim());
    this.codes = codes;
    this.numbers = null;
    this.textCells = [];
  }

  /**
   * A string column whose non-missing cells are at least 90 % numbers (for example text first, numbers
   * after) becomes numeric again, with the text cells reported as invalid.
   */
  private settleStrings(lineOf: (row: number) => number): Column {
    const codes = this.codes!.slice(0, this.length);
    const labels = this.dictionary.labels;
    const labelNumbers = labels.map((label) => parseNumberCell(label, this.decimal));
    const counts = new Float64Array(labels.length);
    for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) counts[codes[i]]++;
    let numeric = 0;
    let total = 0;
    for (let c = 0; c < counts.length; c++) {
      total += counts[c];
      if (labelNumbers[c] !== undefined) numeric += counts[c];
    }
    if (total > 0 && numeric >= NUMERIC_SHARE * total) {
      const values = new Float64Array(codes.length);
      let invalidCount = 0;
      let firstInvalid: InvalidCell | null = null;
      for (let i = 0; i < codes.length; i++) {
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
    return { name: this.name, storage: 'string', codes, dictionary: labels.slice() };
  }
}

function grow<T extends Float64Array | Int32Array>(array: T): T {
  const next = new (array.constructor as { new (n: number): T })(array.length * 2);
  next.set(array);
  return next;
}
