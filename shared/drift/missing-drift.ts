/**
 * Missing-share drift (docs/statistics.md §1): did the share of missing cells of a column change?
 * Pooled two-proportion z-test on is-missing: p̂ = (m_r + m_c)/(n_r + n_c),
 * z = (m_c/n_c − m_r/n_r) / sqrt(p̂(1 − p̂)(1/n_r + 1/n_c)), p = 2·Φ(−|z|).
 * Drift when p < pValue and |Δshare| ≥ minChange (default 0.05 and 0.05). Evidently ignores missing values
 * silently; Driftscope reports this next to every column.
 */
import { normSf } from '../stats/normal';
import type { MissingDriftSettings } from './settings';

export interface MissingDrift {
  reference: number;
  current: number;
  change: number;
  pValue: number;
  driftDetected: boolean;
}

/**
 * @example missingShareDrift(0, 100, 20, 100, { pValue: 0.05, minChange: 0.05 }).driftDetected // true
 */
export function missingShareDrift(
  missingRef: number,
  rowsRef: number,
  missingCur: number,
  rowsCur: number,
  settings: MissingDriftSettings,
): MissingDrift {
  const r = rowsRef > 0 ? missingRef / rowsRef : 0;
  const c = rowsCur > 0 ? missingCur / rowsCur : 0;
  const pooled = rowsRef + rowsCur > 0 ? (missingRef + missingCur) / (rowsRef + rowsCur) : 0;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / Math.max(rowsRef, 1) + 1 / Math.max(rowsCur, 1)));
  // All missing or none missing in both sets: the shares cannot differ.
  const pValue = se > 0 ? 2 * normSf(Math.abs(c - r) / se) : 1;
  return {
    reference: r,
    current: c,
    change: c - r,
    pValue,
    driftDetected: pValue < settings.pValue && Math.abs(c - r) >= settings.minChange,
  };
}
