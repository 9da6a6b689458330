/**
 * Drift checks of single columns for model quality (target, prediction, confidence, features): the test
 * the column type calls for (docs/statistics.md §3 via `selectTest`), run from `TEST_REGISTRY` and decided
 * by `isDrift` (§4), exactly as the data-drift table does.
 */

import { categoricalPair, categoricalSide, numericPair, numericSide } from '../drift/column-pair';
import { isDrift } from '../drift/decision';
import { TEST_REGISTRY } from '../drift/methods/registry';
import type { PairedSample } from '../drift/sample';
import { noValuesReason, selectTest, UNIQUE_ENOUGH } from '../drift/selection';
import { countDistinctUnion } from '../stats/sorted';
import type { Column } from '../table/columnar';
import type { DriftCheck } from './types';

/**
 * Runs the automatic test on a prepared sample of a numerical or categorical column.
 *
 * @example runDriftCheck('score', { kind: 'numeric', reference: Float64Array.of(1, 2), current: Float64Array.of(1, 2) }).test // 'ks'
 */
export function runDriftCheck(column: string, sample: PairedSample): DriftCheck {
  const numeric = sample.kind === 'numeric';
  const nRef = numeric ? sample.reference.length : sample.reference.reduce((a, b) => a + b, 0);
  const nCur = numeric ? sample.current.length : sample.current.reduce((a, b) => a + b, 0);
  if (nRef === 0 || nCur === 0) {
    const which = nRef === 0 ? 'reference' : 'current';
    return {
      column,
      test: null,
      score: null,
      threshold: null,
      driftDetected: false,
      note: noValuesReason(`the ${which}`),
    };
  }
  const nUnique = numeric
    ? countDistinctUnion(sample.reference, sample.current, UNIQUE_ENOUGH)
    : sample.labels.length;
  const choice = selectTest(numeric ? 'numerical' : 'categorical', nRef, nUnique);
  if (choice.test === null) {
    return { column, test: null, score: null, threshold: null, driftDetected: false, note: choice.reason };
  }
  const outcome = TEST_REGISTRY[choice.test].run(sample);
  return {
    column,
    test: choice.test,
    score: outcome.score,
    threshold: choice.threshold,
    driftDetected: isDrift(choice.test, outcome.score, choice.threshold),
    note: outcome.reason,
  };
}

/**
 * Drift check of a whole column of both files, read as `type` (numbers: sorted finite values;
 * categories: counts over the union of labels). Missing cells are left out (docs/statistics.md §1).
 */
export function columnDriftCheck(
  reference: Column,
  current: Column,
  type: 'numerical' | 'categorical',
): DriftCheck {
  const sample: PairedSample =
    type === 'numerical'
      ? numericPair(numericSide(reference), numericSide(current))
      : categoricalPair(categoricalSide(reference), categoricalSide(current));
  return runDriftCheck(reference.name, sample);
}
