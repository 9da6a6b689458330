/**
 * The drift type of a profiled column, from its counts. Pure: no Node import.
 */
import { isIdLikeName, looksLikeDate, MAX_INTEGER_CATEGORIES } from '../table/infer-type';
import type { ColumnType } from '../types';
import type { CategoricalProfileColumn, NumericProfileColumn, ProfileColumn } from './types';

/**
 * The drift type of a profiled column, by the rules of `inferColumnType` (shared/table/infer-type.ts)
 * applied to the counts. Differences, both documented in docs/profiles.md: a numeric column with more than
 * EXACT_VALUES_MAX distinct values is never 'id' (the profile cannot tell that every value is distinct),
 * and the 200 labels sampled for the date check are taken in label order, not in order of appearance.
 */
export function profileColumnType(
  column: Omit<ProfileColumn, 'type'> & { kind: ProfileColumn['kind'] },
): ColumnType {
  if (column.kind === 'numeric') {
    const c = column as NumericProfileColumn;
    if (c.count === 0) return 'numerical';
    const distinct = c.values === null ? Number.POSITIVE_INFINITY : c.values.length;
    if (c.integers && isIdLikeName(c.name) && distinct === c.count && distinct > MAX_INTEGER_CATEGORIES)
      return 'id';
    return c.integers && distinct <= MAX_INTEGER_CATEGORIES ? 'categorical' : 'numerical';
  }
  const c = column as CategoricalProfileColumn;
  const present = c.categories.map(([label]) => label);
  if (present.length === 0) return 'categorical';
  if (present.every((v) => /^(true|false)$/i.test(v))) return 'categorical';
  const sample =
    present.length > 200 ? present.filter((_, i) => i % Math.ceil(present.length / 200) === 0) : present;
  if (sample.filter(looksLikeDate).length >= 0.95 * sample.length) return 'datetime';
  if (isIdLikeName(c.name) && present.length === c.count) return 'id';
  return present.length > 0.5 * c.count ? 'text' : 'categorical';
}
