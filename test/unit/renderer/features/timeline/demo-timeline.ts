/**
 * The built-in demo's weekly timeline, computed by the engine (shared/timeline/analyze-timeline.ts), for the
 * Timeline view's unit tests: twelve ISO weeks of application_date, the drifts from week 6 (index 5) on.
 */
import { generateDemo } from '../../../../../shared/demo/generate-demo';
import { analyzeTables } from '../../../../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../../../../shared/drift/settings';
import type { AnalysisResult } from '../../../../../shared/report/analysis-result';
import type { ColumnarTable } from '../../../../../shared/table/columnar';
import { analyzeTimeline, type TimelineSpec } from '../../../../../shared/timeline/analyze-timeline';
import type { Timeline } from '../../../../../shared/timeline/types';
import { tableFromCsv } from '../../../shared/performance/fixture-tables';

const context = { version: '0.1.0-test', now: new Date('2026-01-02T03:04:05Z') };
const demo = generateDemo();
export const demoReference = tableFromCsv(demo.reference, 'reference.csv');
export const demoCurrent = tableFromCsv(demo.current, 'current.csv');

export const WEEKLY: TimelineSpec = {
  chunking: { kind: 'period', period: 'week', timeColumn: 'application_date' },
};

export function demoTimeline(spec: TimelineSpec = WEEKLY, current: ColumnarTable = demoCurrent): Timeline {
  return analyzeTimeline(demoReference, current, DEFAULT_SETTINGS, context, spec);
}

export function demoResult(): AnalysisResult {
  return analyzeTables(demoReference, demoCurrent, DEFAULT_SETTINGS, context);
}
