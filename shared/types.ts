/**
 * Vocabulary shared by every runtime: column types and drift-test keys, spelled exactly as in
 * docs/statistics.md §2 and §5 (and as in Evidently's registry).
 */

/** Column types of statistics.md §2. */
export type ColumnType = 'numerical' | 'categorical' | 'text' | 'datetime' | 'id';

export const COLUMN_TYPES: readonly ColumnType[] = ['numerical', 'categorical', 'text', 'datetime', 'id'];

/** Drift-method keys are derived from the registry, their one home. */
export { isTestKey, TEST_KEYS, type TestKey } from './drift/methods/registry';

export function isColumnType(value: unknown): value is ColumnType {
  return typeof value === 'string' && (COLUMN_TYPES as readonly string[]).includes(value);
}
