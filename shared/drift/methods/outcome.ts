/** Helpers to build `TestOutcome` values consistently. */
import type { TestOutcome } from '../sample';

/** The test cannot be computed on this input: no score, and why. */
export function notComputable(reason: string): TestOutcome {
  return { score: null, statistic: null, pValue: null, reason };
}

/** A p-value test result; `note` documents a deliberate convention, if any. */
export function pValueOutcome(statistic: number, pValue: number, note: string | null = null): TestOutcome {
  if (Number.isNaN(pValue)) return { score: null, statistic, pValue: null, reason: note ?? 'p-value is NaN' };
  return { score: pValue, statistic, pValue, reason: note };
}

/** A distance test result (no p-value). */
export function distanceOutcome(distance: number, statistic: number = distance): TestOutcome {
  if (Number.isNaN(distance))
    return { score: null, statistic: null, pValue: null, reason: 'distance is NaN' };
  return { score: distance, statistic, pValue: null, reason: null };
}
