/**
 * Automatic test selection (statistics.md §3, Evidently's `get_default_stattest`).
 */
import type { ColumnType, TestKey } from '../types';
import { TEST_REGISTRY } from './methods/registry';

export type TestChoice = { test: TestKey; threshold: number } | { test: null; reason: string };

/** Reference sizes up to and including this are "small" (Evidently: `reference_data.shape[0] <= 1000`). */
export const SMALL_REFERENCE_MAX = 1000;

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
  if (type === 'text')
    return { test: null, reason: 'Text columns are not drift-tested yet (domain classifier: later).' };
  if (type === 'datetime') return { test: null, reason: 'Date/time columns are not drift-tested.' };
  if (type === 'id') return { test: null, reason: 'ID columns are not drift-tested.' };
  if (!(nRef >= 1)) return { test: null, reason: 'No reference values: not tested.' };
  if (nRef <= SMALL_REFERENCE_MAX) {
    if (type === 'numerical' && nUnique > 5) return choose('ks');
    return choose(nUnique > 2 ? 'chisquare' : 'z');
  }
  if (type === 'numerical' && nUnique > 5) return choose('wasserstein');
  return choose('jensenshannon');
}
