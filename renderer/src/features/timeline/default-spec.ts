/**
 * The chunking the Timeline view starts with when the session has none: weekly on the first column the
 * analysis read as a date/time (the demo's application_date), else ten chunks of equal size.
 */
import type { TimelineRunOptions } from '../../../../shared/api';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';

export function timeColumnsOf(result: AnalysisResult): string[] {
  return result.columns.filter((c) => c.type === 'datetime').map((c) => c.name);
}

/**
 * @example defaultSpec(resultWithDateColumn('day')) // { chunking: { kind: 'period', period: 'week', timeColumn: 'day' } }
 */
export function defaultSpec(result: AnalysisResult): TimelineRunOptions {
  const [time] = timeColumnsOf(result);
  if (time !== undefined) return { chunking: { kind: 'period', period: 'week', timeColumn: time } };
  return { chunking: { kind: 'count', count: 10 } };
}
