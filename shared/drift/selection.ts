/**
 * Automatic test selection (docs/statistics.md §3, Evidently's `get_default_stattest`).
 */
import type { ColumnType, TestKey } from '../types';
import { TEST_REGISTRY } from './methods/registry';

/** Why a column of a type without drift test is not tested (the one wording, shown per column). */
export const NOT_TESTED_TYPE: Readonly<Record<'text' | 'datetime' | 'id', string>> = {
  text: 'Text column (more distinct values than half its rows): not drift-tested yet.',
  datetime: 'Date/time column: not drift-tested; it can serve as the time axis.',
  id: 'ID column (all values distinct): not drift-tested.',
};

/** Why a column with no value in one set is not tested; `where` names the set or file. */
export function noValuesReason(where: string): string {
  return `No values in ${where} after removing missing cells: not tested.`;
}

/** "1,5", "-0,25", "1.234,5": a number written with a decimal comma. */
const DECIMAL_COMMA = /^[+-]?\d{1,3}(\.\d{3})*,\d+$|^[+-]?\d+,\d+$/;

/** The hint for cells that look like decimal-comma numbers (one wording, for both notes below). */
export const DECIMAL_COMMA_HINT =
  'They look like numbers with a decimal comma: read the files with --decimal , (command line), or write 1.5 for 1,5.';

/**
 * True when at least 90 % of `values` (the first 1,000 distinct ones) are decimal-comma numbers, so a
 * column read as text is very likely numbers in a decimal-comma file.
 * @example looksLikeDecimalComma(['1,5', '2,25', '-0,5']) // true
 */
export function looksLikeDecimalComma(values: readonly string[]): boolean {
  const sample = values.slice(0, 1000);
  if (sample.length === 0) return false;
  let hits = 0;
  for (const v of sample) if (DECIMAL_COMMA.test(v.trim())) hits++;
  return hits >= 0.9 * sample.length;
}

/**
 * Why a numerical column none of whose cells in one set is a number is not tested: says so (rather
 * than "no values"), with the first cell, and a hint when the cells look like decimal-comma numbers.
 *
 * @example noNumbersReason('cur.csv', 3, '1,5') // 'cur.csv: none of the 3 value(s) is a number (first: "1,5") …'
 */
export function noNumbersReason(where: string, invalid: number, firstInvalid: string | null): string {
  const first = firstInvalid === null ? '' : ` (first: "${firstInvalid}")`;
  const hint =
    firstInvalid !== null && DECIMAL_COMMA.test(firstInvalid.trim())
      ? ` ${DECIMAL_COMMA_HINT}`
      : ' Check the column type (a type override to numerical?) and the file.';
  return `${where}: none of the ${invalid} value(s) is a number${first}: not tested.${hint}`;
}

/**
 * The note for a requested test that does not apply to the column's type (docs/settings.md): on a
 * numerical or categorical column the automatic choice runs instead; on a text, datetime or id column
 * (no test applies) the column stays untested.
 *
 * @example notApplicableNote('ks', 'categorical', true) // 'ks does not apply to categorical columns; the automatic choice was used.'
 */
export function notApplicableNote(test: string, type: ColumnType, automatic: boolean): string {
  return `${test} does not apply to ${type} columns; ${automatic ? 'the automatic choice was used' : 'the request is ignored'}.`;
}

export type TestChoice = { test: TestKey; threshold: number } | { test: null; reason: string };

/** Reference sizes up to and including this are "small" (Evidently: `reference_data.shape[0] <= 1000`). */
export const SMALL_REFERENCE_MAX = 1000;

/** A numerical column with more distinct values than this (reference ∪ current) gets a numerical test. */
const NUMERIC_MIN_UNIQUE = 5;

/** selectTest compares n_unique only with 5 and 2: a count capped at this (countDistinctUnion) picks the same. */
export const UNIQUE_ENOUGH = NUMERIC_MIN_UNIQUE + 1;

const choose = (test: TestKey): TestChoice => ({ test, threshold: TEST_REGISTRY[test].defaultThreshold });

/**
 * Picks the default test for a column from its type, n_ref (non-missing reference values) and n_unique
 * (distinct non-missing values of reference ∪ current):
 * n_ref ≤ 1000: numerical with n_unique > 5 → ks; numerical with 3..5 or categorical with > 2 →
 * chisquare; n_unique ≤ 2 → z. n_ref > 1000: numerical with n_unique > 5 → wasserstein, else
 * jensenshannon. Text, datetime and id columns get no test, with a reason.
 * Source: https://github.com/evidentlyai/evidently/blob/main/src/evidently/calculations/stattests/registry.py
 *
 * @example selectTest('numerical', 1000, 6) // { test: 'ks', threshold: 0.05 }
 * @example selectTest('categorical', 1001, 2) // { test: 'jensenshannon', threshold: 0.1 }
 */
export function selectTest(type: ColumnType, nRef: number, nUnique: number): TestChoice {
  if (type === 'text' || type === 'datetime' || type === 'id')
    return { test: null, reason: NOT_TESTED_TYPE[type] };
  if (!(nRef >= 1)) return { test: null, reason: noValuesReason('the reference') };
  if (nRef <= SMALL_REFERENCE_MAX) {
    if (type === 'numerical' && nUnique > NUMERIC_MIN_UNIQUE) return choose('ks');
    return choose(nUnique > 2 ? 'chisquare' : 'z');
  }
  if (type === 'numerical' && nUnique > NUMERIC_MIN_UNIQUE) return choose('wasserstein');
  return choose('jensenshannon');
}
