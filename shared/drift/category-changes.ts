/**
 * Categories new in the current set (absent from the reference) and vanished from it (present in the
 * reference, absent from current), with their counts; most frequent first, at most `limit` of each.
 */
import type { CategoricalPair } from './sample';

export interface CategoryCount {
  value: string;
  count: number;
}

export const CATEGORY_CHANGES_LIMIT = 50;

export function categoryChanges(
  pair: CategoricalPair,
  limit = CATEGORY_CHANGES_LIMIT,
): { newCategories: CategoryCount[]; vanishedCategories: CategoryCount[] } {
  const newCategories: CategoryCount[] = [];
  const vanishedCategories: CategoryCount[] = [];
  pair.labels.forEach((value, i) => {
    if (pair.reference[i] === 0 && pair.current[i] > 0) newCategories.push({ value, count: pair.current[i] });
    if (pair.current[i] === 0 && pair.reference[i] > 0)
      vanishedCategories.push({ value, count: pair.reference[i] });
  });
  const byCount = (a: CategoryCount, b: CategoryCount) => b.count - a.count;
  return {
    newCategories: newCategories.sort(byCount).slice(0, limit),
    vanishedCategories: vanishedCategories.sort(byCount).slice(0, limit),
  };
}
