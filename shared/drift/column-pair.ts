/**
 * Brings the same column of both files to one representation for the reference's inferred type:
 * numerical → sorted finite values of each set; categorical → counts over the union of labels.
 * Cells that do not fit the reference's type (text in a numeric column) are counted as invalid and
 * reported as a type conflict, never guessed away (docs/statistics.md §2).
 */
import type { Column, NumberColumn, StringColumn } from '../table/columnar';
import { sortedFinite } from '../table/infer-type';
import { parseNumberCell } from '../table/parse-number';
import type { CategoricalPair, NumericPair } from './sample';

export interface NumericSide {
  sorted: Float64Array;
  missing: number;
  invalid: number;
  firstInvalid: string | null;
}

/** Sorted finite values of a column read as numbers; text cells count as invalid. */
export function numericSide(column: Column): NumericSide {
  if (column.storage === 'number') {
    const sorted = column.sorted ?? sortedFinite(column.values);
    const missing = column.values.length - sorted.length - column.invalidCount;
    return {
      sorted,
      missing,
      invalid: column.invalidCount,
      firstInvalid: column.firstInvalid?.value ?? null,
    };
  }
  const labelValues = column.dictionary.map((label) => parseNumberCell(label));
  const values: number[] = [];
  let missing = 0;
  let invalid = 0;
  let firstInvalid: string | null = null;
  for (let i = 0; i < column.codes.length; i++) {
    const code = column.codes[i];
    const x = code < 0 ? Number.NaN : labelValues[code];
    if (x === undefined) {
      invalid++;
      firstInvalid ??= column.dictionary[code];
    } else if (Number.isNaN(x)) missing++;
    else values.push(x);
  }
  return { sorted: Float64Array.from(values).sort(), missing, invalid, firstInvalid };
}

export function numericPair(reference: NumericSide, current: NumericSide): NumericPair {
  return { kind: 'numeric', reference: reference.sorted, current: current.sorted };
}

export interface CategoricalSide {
  counts: Map<string, number>;
  missing: number;
}

const categoricalSides = new WeakMap<Column, CategoricalSide>();

/**
 * Category counts of a column; numbers are labelled by their shortest decimal form ("1", "2.5").
 * Remembered per column object (loaded columns are never written after loading; see memo-by-array.ts),
 * so the reference's counts are taken once for all the chunks of a timeline. Callers must not modify it.
 */
export function categoricalSide(column: Column): CategoricalSide {
  let side = categoricalSides.get(column);
  if (side === undefined) {
    side = countCategories(column);
    categoricalSides.set(column, side);
  }
  return side;
}

function countCategories(column: Column): CategoricalSide {
  const counts = new Map<string, number>();
  const missing = 0;
  if (column.storage === 'number') return numberCategories(column, counts);
  return stringCategories(column, counts, missing);

  function numberCategories(col: NumberColumn, out: Map<string, number>): CategoricalSide {
    const sorted = col.sorted ?? sortedFinite(col.values);
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j < sorted.length && sorted[j] === sorted[i]) j++;
      out.set(String(sorted[i]), j - i);
      i = j;
    }
    return { counts: out, missing: col.values.length - sorted.length - col.invalidCount };
  }

  function stringCategories(col: StringColumn, out: Map<string, number>, miss: number): CategoricalSide {
    const codeCounts = new Float64Array(col.dictionary.length);
    for (let i = 0; i < col.codes.length; i++) {
      const code = col.codes[i];
      if (code < 0) miss++;
      else codeCounts[code]++;
    }
    for (let code = 0; code < codeCounts.length; code++) {
      if (codeCounts[code] > 0) out.set(canonicalLabel(col.dictionary[code]), codeCounts[code]);
    }
    return { counts: out, missing: miss };
  }
}

/** Numeric-looking labels are written in one form, so "1.0" in one file matches "1" in the other. */
export function canonicalLabel(label: string): string {
  const x = parseNumberCell(label);
  return x === undefined || Number.isNaN(x) ? label : String(x);
}

/** Sorts labels numerically when all are numbers, else by UTF-16 code units (Python's str order). */
export function sortLabels(labels: string[]): string[] {
  const numbers = labels.map((l) => Number(l));
  if (labels.length > 0 && numbers.every((x) => Number.isFinite(x))) {
    return labels
      .map((l, i) => [l, numbers[i]] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([l]) => l);
  }
  return labels.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function categoricalPair(reference: CategoricalSide, current: CategoricalSide): CategoricalPair {
  const labels = sortLabels([...new Set([...reference.counts.keys(), ...current.counts.keys()])]);
  return {
    kind: 'categorical',
    labels,
    reference: labels.map((l) => reference.counts.get(l) ?? 0),
    current: labels.map((l) => current.counts.get(l) ?? 0),
  };
}
