/** Model-quality metrics of each kind in display order, with their names (the app and the reports). */
import type { SideMetrics } from './types';

export const METRICS: Readonly<Record<SideMetrics['kind'], readonly [key: string, label: string][]>> = {
  classification: [
    ['accuracy', 'Accuracy'],
    ['precision', 'Precision'],
    ['recall', 'Recall'],
    ['f1', 'F1'],
    ['rocAuc', 'ROC AUC'],
    ['prAuc', 'PR AUC'],
    ['logLoss', 'Log loss'],
    ['brier', 'Brier score'],
  ],
  regression: [
    ['mae', 'MAE'],
    ['rmse', 'RMSE'],
    ['mape', 'MAPE'],
    ['r2', 'R²'],
    ['meanError', 'Mean error (prediction − target)'],
    ['errorStd', 'Error std. dev.'],
  ],
};

/**
 * A metric's display name (classification names first, then regression), or the key itself when unknown.
 * @example metricLabel('rocAuc') // 'ROC AUC'
 */
export function metricLabel(key: string): string {
  return (
    METRICS.classification.find(([k]) => k === key)?.[1] ??
    METRICS.regression.find(([k]) => k === key)?.[1] ??
    key
  );
}
