/** Number and size formatting for the UI (locale-independent so screenshots and tests are stable). */

export {
  formatBytes,
  formatInteger,
  formatNumber,
  formatPercent,
} from '../../../shared/report/report-format';

/** Missing share of a column: missing cells over the file's rows (null when the file has no rows). */
export function missingShare(missing: number, rows: number): number | null {
  return rows > 0 ? missing / rows : null;
}
