/**
 * Which test runs on a column and at which threshold: the user's request (per-column > per-type >
 * global, drift/settings.ts) when that test applies to the column's type, else the automatic rule of
 * docs/statistics.md §3. A requested threshold applies to whichever test runs.
 */
import type { ColumnType, TestKey } from '../types';
import { TEST_REGISTRY } from './methods/registry';
import { notApplicableNote, selectTest } from './selection';
import { type AnalysisSettings, requestedTest } from './settings';

export type TestDecision =
  | { test: TestKey; threshold: number; note: string | null }
  | { test: null; threshold: null; note: string };

export function chooseTest(
  settings: AnalysisSettings,
  column: string,
  type: ColumnType,
  nRef: number,
  nUnique: number,
): TestDecision {
  const requested = requestedTest(settings, column, type);
  if (requested.test) {
    const entry = TEST_REGISTRY[requested.test];
    if (entry.appliesTo(type)) {
      return { test: entry.key, threshold: requested.threshold ?? entry.defaultThreshold, note: null };
    }
  }
  const auto = selectTest(type, nRef, nUnique);
  const fallback = requested.test ? notApplicableNote(requested.test, type, true) : null;
  if (auto.test === null) return { test: null, threshold: null, note: auto.reason };
  return { test: auto.test, threshold: requested.threshold ?? auto.threshold, note: fallback };
}
