/**
 * Performance decay: each metric of the current set against the reference, flagged when its relative
 * worsening exceeds a threshold (higher-is-better metrics: relative drop; errors: relative increase).
 */
import type { DecayEntry, SideMetrics } from './types';

export const DEFAULT_DECAY_THRESHOLDS = { classification: 0.2, regression: 0.1 } as const;

const CLASSIFICATION: [key: string, higherIsBetter: boolean][] = [
  ['accuracy', true],
  ['precision', true],
  ['recall', true],
  ['f1', true],
  ['rocAuc', true],
  ['prAuc', true],
  ['logLoss', false],
  ['brier', false],
];
const REGRESSION: [key: string, higherIsBetter: boolean][] = [
  ['mae', false],
  ['rmse', false],
  ['mape', false],
  ['r2', true],
];

/**
 * One decay entry: relativeChange = (current − reference)/|reference|; degraded when
 * −relativeChange > threshold (higher is better) or relativeChange > threshold (lower is better).
 * Null (and never degraded) when either value is null or the reference is 0.
 *
 * @example decayEntry('accuracy', 0.9, 0.7, true, 0.2) // { metric: 'accuracy', reference: 0.9, current: 0.7, relativeChange: -0.2222222222222222, direction: 'higher_is_better', threshold: 0.2, degraded: true }
 */
export function decayEntry(
  metric: string,
  reference: number | null,
  current: number | null,
  higherIsBetter: boolean,
  threshold: number,
): DecayEntry {
  const relativeChange =
    reference === null || current === null || reference === 0
      ? null
      : (current - reference) / Math.abs(reference);
  const worsening = relativeChange === null ? null : higherIsBetter ? -relativeChange : relativeChange;
  return {
    metric,
    reference,
    current,
    relativeChange,
    direction: higherIsBetter ? 'higher_is_better' : 'lower_is_better',
    threshold,
    degraded: worsening !== null && worsening > threshold,
  };
}

/**
 * The value past which a decay entry's metric counts as degraded: reference − threshold·|reference| (higher
 * is better) or reference + threshold·|reference| (lower is better); null without a reference or at 0.
 *
 * @example decayLimit(decayEntry('accuracy', 0.9, 0.7, true, 0.2)) // 0.72
 */
export function decayLimit(entry: DecayEntry): number | null {
  const r = entry.reference;
  if (r === null || r === 0) return null;
  const margin = entry.threshold * Math.abs(r);
  return entry.direction === 'higher_is_better' ? r - margin : r + margin;
}

/**
 * Decay of every metric both sides share. Classification metrics use `thresholds.classification`
 * (default 0.2, also for log loss and Brier, whose increase is the worsening); regression metrics use
 * `thresholds.regression` (default 0.1; R² counts as higher-is-better, and its relative change is
 * unstable when the reference R² is near 0).
 *
 * @throws {RangeError} when a threshold is negative or not finite.
 */
export function performanceDecay(
  reference: SideMetrics,
  current: SideMetrics,
  thresholds: { classification?: number; regression?: number } = {},
): DecayEntry[] {
  const cls = thresholds.classification ?? DEFAULT_DECAY_THRESHOLDS.classification;
  const reg = thresholds.regression ?? DEFAULT_DECAY_THRESHOLDS.regression;
  for (const t of [cls, reg]) {
    if (!(Number.isFinite(t) && t >= 0)) throw new RangeError(`performanceDecay: invalid threshold ${t}`);
  }
  const classification = reference.kind === 'classification';
  const list = classification ? CLASSIFICATION : REGRESSION;
  const threshold = classification ? cls : reg;
  const r = reference as unknown as Record<string, number | null>;
  const c = current as unknown as Record<string, number | null>;
  return list.map(([key, higher]) => decayEntry(key, r[key] ?? null, c[key] ?? null, higher, threshold));
}
