/**
 * The drift decision per test (statistics.md §4).
 */
import type { TestKey } from '../types';
import { BINNED_DRIFT_RULE } from './methods/binned-tests';
import { DISTRIBUTION_DRIFT_RULE } from './methods/distribution-tests';

/** How each test compares its score with the threshold. */
export const DRIFT_RULE: Readonly<Record<TestKey, '<' | '<=' | '>' | '>='>> = {
  chisquare: '<',
  z: '<',
  ks: '<=',
  wasserstein: '>=',
  jensenshannon: '>=',
  ...DISTRIBUTION_DRIFT_RULE,
  ...BINNED_DRIFT_RULE,
};

/**
 * Whether a score means drift: p < t for chisquare and z; p ≤ t for ks (as Evidently); d ≥ t for
 * wasserstein and jensenshannon. A null or NaN score is never drift.
 * Source: https://github.com/evidentlyai/evidently/tree/main/src/evidently/calculations/stattests
 *
 * @example isDrift('ks', 0.05, 0.05) // true
 * @example isDrift('chisquare', 0.05, 0.05) // false
 */
export function isDrift(key: TestKey, score: number | null, threshold: number): boolean {
  if (score === null || Number.isNaN(score)) return false;
  switch (DRIFT_RULE[key]) {
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
