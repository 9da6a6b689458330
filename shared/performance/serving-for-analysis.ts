/**
 * Serving health as one step of the analysis: the latency and status columns from the settings or
 * detected from the names (shadow-serving-mapping.ts); null when neither is found.
 */
import type { PerformanceSettings } from '../drift/settings';
import type { ColumnarTable } from '../table/columnar';
import { servingHealth } from './serving';
import type { ServingResult } from './serving-types';
import { detectServing } from './shadow-serving-mapping';

export function servingStep(
  reference: ColumnarTable,
  current: ColumnarTable,
  settings: PerformanceSettings | undefined,
  options: { summaryOnly?: boolean } = {},
): ServingResult | null {
  const s = settings ?? {};
  const names = [...new Set([...reference.columns, ...current.columns].map((c) => c.name))];
  const columns = detectServing(names, {
    ...(s.latency !== undefined && { latency: s.latency }),
    ...(s.latencyUnit !== undefined && { latencyUnit: s.latencyUnit }),
    ...(s.status !== undefined && { status: s.status }),
  });
  if (columns.latency === null && columns.status === null) return null;
  return servingHealth(reference, current, columns, options);
}
