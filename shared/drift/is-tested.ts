/**
 * Whether a column (or a model-quality drift check) was drift-tested: a test ran AND gave a score. A
 * test that was chosen but could not be computed (score null, with its reason in the note) counts as not
 * tested everywhere: the "Not tested" badge, the "No drift" / "Not tested" filters, the dataset share,
 * the CSV's drift cell, the CLI table and the report's ordering.
 */
import type { TestKey } from '../types';

/** The fields that decide it (ColumnResult and DriftCheck both have them). */
export interface TestedFields {
  test: TestKey | string | null;
  score: number | null;
}

/**
 * @example isTested({ test: 'ks', score: 0.2 }) // true
 * @example isTested({ test: 'ks', score: null }) // false: the test could not be computed
 */
export function isTested<T extends TestedFields>(
  column: T,
): column is T & { test: NonNullable<T['test']>; score: number } {
  return column.test !== null && column.score !== null;
}
