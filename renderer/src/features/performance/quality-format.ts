/** Names and number formats of the Model quality tab (pure, no React). */
import type { ConceptDriftResult, SideMetrics, Task } from '../../../../shared/performance/types';
import { formatNumber, formatPercent } from '../../lib/format';

export const TASK_LABELS: Record<Task, string> = {
  binary: 'Binary classification',
  multiclass: 'Multiclass classification',
  regression: 'Regression',
};

export { METRICS } from '../../../../shared/performance/metric-names';

/** What a metric means, for the row's tooltip. */
export const METRIC_HINTS: Record<string, string> = {
  precision: 'Binary: at the positive label; multiclass: macro average over classes',
  recall: 'Binary: at the positive label; multiclass: macro average over classes',
  f1: 'Binary: at the positive label; multiclass: macro average over classes',
  logLoss: 'Lower is better',
  brier: 'Lower is better (binary only)',
  mae: 'Lower is better',
  rmse: 'Lower is better',
  mape: 'Fraction of |target|; lower is better',
};

export function metricValue(side: SideMetrics, key: string): number | null {
  const value = (side as unknown as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Classification metrics with four decimals (0.6530), regression values as the rest of the app. */
export function formatMetric(value: number | null, kind: SideMetrics['kind']): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (kind === 'classification' && Math.abs(value) < 1000) return value.toFixed(4);
  return formatNumber(value);
}

function signed(text: string, value: number): string {
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text.replace(/^-/, '')}`;
  return text;
}

export function formatDelta(value: number | null, kind: SideMetrics['kind']): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return signed(formatMetric(Math.abs(value), kind), value);
}

export function formatRelative(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return signed(formatPercent(Math.abs(value)), value);
}

/** p-values: scientific below 1e-4 (formatNumber's rule), "< 1e-300" when they underflow to 0. */
export function formatPValue(value: number | null): string {
  if (value === null) return '—';
  if (value === 0) return '< 1e-300';
  return formatNumber(value);
}

/** Features whose relation changed, strongest effect first. */
export function changedByEffect(concept: ConceptDriftResult): string[] {
  return concept.features
    .filter((f) => f.relationChanged)
    .sort((a, b) => (b.effect ?? -1) - (a.effect ?? -1))
    .map((f) => f.feature);
}

export const RELATION_LABELS = {
  target_rate: 'Target rate',
  class_distribution: 'Class share',
  target_mean: 'Target mean',
} as const;
