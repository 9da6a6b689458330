/**
 * Vocabulary shared by every runtime: column types and drift-test keys, spelled exactly as in
 * docs/statistics.md §2 and §5 (and as in Evidently's registry).
 */

/** Column types of statistics.md §2. */
export type ColumnType = 'numerical' | 'categorical' | 'text' | 'datetime' | 'id';

export const COLUMN_TYPES: readonly ColumnType[] = ['numerical', 'categorical', 'text', 'datetime', 'id'];

/** Registry keys of the drift tests (statistics.md §5, and jensenshannon_base2 of §8). */
export const TEST_KEYS = [
  'ks',
  'chisquare',
  'z',
  'wasserstein',
  'jensenshannon',
  'psi',
  'kl_div',
  'hellinger',
  'jensenshannon_base2',
  'anderson',
  'cramer_von_mises',
  'ed',
  'es',
  't_test',
  'mannw',
  'fisher_exact',
  'g_test',
  'tvd',
  'empirical_mmd',
] as const;

export type TestKey = (typeof TEST_KEYS)[number];

export function isTestKey(value: unknown): value is TestKey {
  return typeof value === 'string' && (TEST_KEYS as readonly string[]).includes(value);
}

export function isColumnType(value: unknown): value is ColumnType {
  return typeof value === 'string' && (COLUMN_TYPES as readonly string[]).includes(value);
}
