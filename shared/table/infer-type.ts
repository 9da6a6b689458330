/**
 * Column type inference (docs/statistics.md §2), run on the reference file's column.
 * - numbers: integer-valued with at most 10 distinct values → categorical, else numerical;
 *   an ID-like name with all values distinct integers → id.
 * - strings: booleans → categorical; dates and timestamps → datetime; ID-like name with all values
 *   distinct → id; more distinct values than half the non-missing count → text; else categorical.
 */
import type { Float64Storage } from '../stats/float64-storage';
import { type SortSpare, sortedValues } from '../stats/sort-order';
import { countDistinctSorted } from '../stats/sorted';
import type { ColumnType } from '../types';
import type { Column } from './columnar';

/** Integer-valued numeric columns with at most this many distinct values are categorical. */
export const MAX_INTEGER_CATEGORIES = 10;

/** Names like id, ID, customer_id, customerId, user-id, uuid, guid. */
export function isIdLikeName(name: string): boolean {
  return (
    /^(id|uuid|guid|key|index)$/i.test(name) ||
    /[_\-\s.](id|uuid|guid|key)$/i.test(name) ||
    /[a-z](Id|ID)$/.test(name)
  );
}

const DATE_PATTERNS = [
  /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
  /^\d{4}\/\d{2}\/\d{2}( \d{2}:\d{2}(:\d{2})?)?$/,
  /^\d{1,2}\/\d{1,2}\/\d{4}( \d{1,2}:\d{2}(:\d{2})?)?$/,
];

export function looksLikeDate(value: string): boolean {
  return DATE_PATTERNS.some((re) => re.test(value));
}

/** The non-NaN values ascending, as Float64Array.prototype.sort orders them (radix sort, sort-order.ts). */
export function sortedFinite(
  values: Float64Array,
  spare?: SortSpare,
  storage?: Float64Storage,
): Float64Array {
  return sortedValues(values, spare, storage);
}

export function inferColumnType(column: Column): ColumnType {
  if (column.storage === 'number') {
    const sorted = column.sorted ?? sortedFinite(column.values);
    if (sorted.length === 0) return 'numerical';
    let integers = true;
    for (let i = 0; i < sorted.length && integers; i++) integers = Number.isInteger(sorted[i]);
    const distinct = countDistinctSorted(sorted);
    if (
      integers &&
      isIdLikeName(column.name) &&
      distinct === sorted.length &&
      distinct > MAX_INTEGER_CATEGORIES
    ) {
      return 'id';
    }
    return integers && distinct <= MAX_INTEGER_CATEGORIES ? 'categorical' : 'numerical';
  }
  const counts = new Float64Array(column.dictionary.length);
  let nonMissing = 0;
  for (let i = 0; i < column.codes.length; i++) {
    const code = column.codes[i];
    if (code >= 0) {
      counts[code]++;
      nonMissing++;
    }
  }
  const present = column.dictionary.filter((_, code) => counts[code] > 0);
  if (present.length === 0) return 'categorical';
  if (present.every((v) => /^(true|false)$/i.test(v))) return 'categorical';
  const sample =
    present.length > 200 ? present.filter((_, i) => i % Math.ceil(present.length / 200) === 0) : present;
  if (sample.filter(looksLikeDate).length >= 0.95 * sample.length) return 'datetime';
  if (isIdLikeName(column.name) && present.length === nonMissing) return 'id';
  return present.length > 0.5 * nonMissing ? 'text' : 'categorical';
}
