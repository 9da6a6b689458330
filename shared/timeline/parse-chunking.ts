/**
 * The command line's and the config's chunking text: `size:N`, `count:N` or `period:P` (P one of hour, day,
 * week, month, quarter, year), with the time column given apart (`--time-column COL`).
 */
import { DatasetError } from '../dataset-error';
import { type Chunking, PERIODS, type Period } from './types';

/**
 * @example parseChunking('period:week', 'ts') // { kind: 'period', period: 'week', timeColumn: 'ts' }
 * @throws DatasetError naming `where` (the flag or config file) for anything else.
 */
export function parseChunking(spec: string, timeColumn?: string, where = '--chunk'): Chunking {
  const [kind, value = ''] = spec.trim().split(':', 2);
  const time = timeColumn === undefined ? {} : { timeColumn };
  if (kind === 'size' || kind === 'count') {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !(n >= 1)) {
      throw new DatasetError(
        `${where}: ${kind} takes a whole number ≥ 1, as ${kind}:1000 (got "${spec}").`,
        where,
      );
    }
    return kind === 'size' ? { kind, size: n, ...time } : { kind, count: n, ...time };
  }
  if (kind === 'period') {
    if (!PERIODS.includes(value as Period)) {
      throw new DatasetError(`${where}: period takes one of ${PERIODS.join(', ')} (got "${spec}").`, where);
    }
    if (timeColumn === undefined) {
      throw new DatasetError(`${where}: ${spec} needs a timestamp column (--time-column COL).`, where);
    }
    return { kind, period: value as Period, timeColumn };
  }
  throw new DatasetError(`${where}: expected size:N, count:N or period:P (got "${spec}").`, where);
}
