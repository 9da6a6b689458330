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
