/**
 * The profile of one column, accumulated over its rows in order, one chunk of rows at a time: what
 * `profileTable` computes on a whole column, continued across chunks, so that chunks added in file order
 * give exactly the whole file's profile column (sums added in the same order, unlike a merge of chunk
 * profiles, whose sums round differently). Pure: no Node import.
 */
import { canonicalLabel } from '../drift/column-pair';
import type { NumberColumn, StringColumn } from '../table/columnar';
import { DDSketch } from './ddsketch';
import { profileColumnType } from './profile-column-type';
import { type CategoricalProfileColumn, EXACT_VALUES_MAX, type NumericProfileColumn } from './types';

export function sortedPairs<K extends number | string>(map: Map<K, number>): [K, number][] {
  return [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** A numeric profile column being accumulated from number-storage chunks. Memory: the sketch's buckets. */
export class NumericAccumulator {
  private readonly sketch: DDSketch;
  private readonly values = new Map<number, number>();
  private exact = true;
  private count = 0;
  private nan = 0;
  private invalid = 0;
  private integers = true;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private sum = 0;
  private sumSquares = 0;

  constructor(
    readonly name: string,
    relativeAccuracy: number,
  ) {
    this.sketch = new DDSketch(relativeAccuracy);
  }

  /** Adds the rows of a chunk (the next rows of the column). */
  add(column: NumberColumn): void {
    const { values, sketch } = this;
    for (let i = 0; i < column.values.length; i++) {
      const x = column.values[i];
      if (Number.isNaN(x)) {
        this.nan++;
        continue;
      }
      this.count++;
      if (this.integers && !Number.isInteger(x)) this.integers = false;
      if (x < this.min) this.min = x;
      if (x > this.max) this.max = x;
      this.sum += x;
      this.sumSquares += x * x;
      sketch.add(x);
      if (this.exact) {
        values.set(x, (values.get(x) ?? 0) + 1);
        if (values.size > EXACT_VALUES_MAX) {
          this.exact = false;
          values.clear();
        }
      }
    }
    this.invalid += column.invalidCount;
  }

  result(): NumericProfileColumn {
    const { count } = this;
    const base = {
      name: this.name,
      kind: 'numeric' as const,
      count,
      missing: this.nan - this.invalid,
      invalid: this.invalid,
      integers: this.integers,
      min: count > 0 ? this.min : null,
      max: count > 0 ? this.max : null,
      sum: this.sum,
      sumSquares: this.sumSquares,
      values: this.exact ? sortedPairs(this.values) : null,
      sketch: this.sketch.toData(),
    };
    return { ...base, type: profileColumnType(base) };
  }
}

/** A categorical profile column being accumulated from string-storage chunks. Memory: its labels. */
export class CategoricalAccumulator {
  private readonly counts = new Map<string, number>();
  private count = 0;
  private missing = 0;

  constructor(readonly name: string) {}

  /** Adds the rows of a chunk (the next rows of the column). */
  add(column: StringColumn): void {
    const codeCounts = new Float64Array(column.dictionary.length);
    for (let i = 0; i < column.codes.length; i++) {
      const code = column.codes[i];
      if (code < 0) this.missing++;
      else codeCounts[code]++;
    }
    for (let code = 0; code < codeCounts.length; code++) {
      if (codeCounts[code] === 0) continue;
      const label = canonicalLabel(column.dictionary[code]);
      this.counts.set(label, (this.counts.get(label) ?? 0) + codeCounts[code]);
      this.count += codeCounts[code];
    }
  }

  result(): CategoricalProfileColumn {
    const base = {
      name: this.name,
      kind: 'categorical' as const,
      count: this.count,
      missing: this.missing,
      categories: sortedPairs(this.counts),
    };
    return { ...base, type: profileColumnType(base) };
  }
}
