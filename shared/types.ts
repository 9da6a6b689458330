/**
 * Vocabulary shared by every runtime: column types and drift-test keys, spelled exactly as in
 * ../shared/docs/statistics.md §2 and §5 (and as in Evidently's registry).
 */

/** Column types of statistics.md §2. */
export type ColumnType = 'numerical' | 'categorical' | 'text' | 'datetime' | 'id';

export const COLUMN_TYPES: readonly ColumnType[] = ['numerical', 'categorical', 'text', 'datetime', 'id'];

/** Registry keys of the drift tests built so far (statistics.md §5). */
export type TestKey = 'ks' | 'chisquare' | 'z' | 'wasserstein' | 'jensenshannon';

export const TEST_KEYS: readonly TestKey[] = ['ks', 'chisquare', 'z', 'wasserstein', 'jensenshannon'];

export function isTestKey(value: unknown): value is TestKey {
  return typeof value === 'string' && (TEST_KEYS as readonly string[]).includes(value);
}

export function isColumnType(value: unknown): value is ColumnType {
  return typeof value === 'string' && (COLUMN_TYPES as readonly string[]).includes(value);
}
