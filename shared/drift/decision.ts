/**
 * The drift decision per method (statistics.md §4), by the rule of its registry entry.
 */
import type { TestKey } from '../types';
import { TEST_REGISTRY } from './methods/registry';

/**
 * Whether a score means drift: `score <rule> threshold` with the method's rule (p < t for chisquare and
 * z; p ≤ t for ks, as Evidently; d ≥ t for wasserstein and jensenshannon). A null or NaN score is never
 * drift.
 * Source: https://github.com/evidentlyai/evidently/tree/main/src/evidently/calculations/stattests
 *
 * @example isDrift('ks', 0.05, 0.05) // true
 * @example isDrift('chisquare', 0.05, 0.05) // false
 */
export function isDrift(key: TestKey, score: number | null, threshold: number): boolean {
  if (score === null || Number.isNaN(score)) return false;
  switch (TEST_REGISTRY[key].rule) {
    case '<':
      return score < threshold;
    case '<=':
      return score <= threshold;
    case '>':
      return score > threshold;
    case '>=':
      return score >= threshold;
  }
}
