/**
 * The order of columns in an exported report: the order the user sorted the app's drift table in, or
 * drifted first (strongest first, as drift-summary.ts ranks them), then tested without drift, then untested, each group in file order.
 */
import { isTested } from '../drift/is-tested';
import type { AnalysisResult, ColumnResult } from './analysis-result';
import { compareStrength, driftStrength } from './drift-summary';

function group(column: ColumnResult): number {
  if (!isTested(column)) return 2;
  return column.driftDetected ? 0 : 1;
}

/** Drifted columns first (strongest first), then tested without drift, then untested; otherwise stable. */
export function driftedFirst(columns: readonly ColumnResult[]): ColumnResult[] {
  return columns
    .map((column, index) => ({ column, index, group: group(column), strength: driftStrength(column) }))
    .sort(
      (a, b) =>
        a.group - b.group ||
        (a.group === 0 ? compareStrength(a.strength, b.strength) : 0) ||
        a.index - b.index,
    )
    .map((entry) => entry.column);
}

/**
 * The result's columns in `order` (names as shown in the app's table); names not in the result are
 * ignored, and columns the order does not name follow in drifted-first order. Without an order:
 * drifted first.
 * @example orderColumns(result, ['b', 'a']).map((c) => c.name) // ['b', 'a', ...the rest]
 */
export function orderColumns(result: AnalysisResult, order: readonly string[] | null = null): ColumnResult[] {
  const fallback = driftedFirst(result.columns);
  if (order === null || order.length === 0) return fallback;
  const byName = new Map(result.columns.map((column) => [column.name, column]));
  const seen = new Set<string>();
  const ordered: ColumnResult[] = [];
  for (const name of order) {
    const column = byName.get(name);
    if (column && !seen.has(name)) {
      seen.add(name);
      ordered.push(column);
    }
  }
  for (const column of fallback) if (!seen.has(column.name)) ordered.push(column);
  return ordered;
}
