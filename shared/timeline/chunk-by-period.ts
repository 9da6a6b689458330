/**
 * `period:P` chunking on a time axis (time-axis.ts): one chunk per calendar period from the period of the
 * earliest timestamp to that of the latest, rows in file order. A period without rows is a gap (a chunk
 * with 0 rows and a note, never drift). Rows without a timestamp are in no chunk and are counted in the
 * axis's report. Oracle: pandas `df.groupby(pd.Grouper(key=…, freq=…)).size()` (test/fixtures/timeline).
 */
import { DatasetError } from '../dataset-error';
import { searchSorted } from '../stats/sorted';
import type { ChunkPlan } from './chunk-plan';
import { formatInstant } from './parse-timestamp';
import { nextPeriodStart, periodLabel, periodStart } from './period-bounds';
import type { TimeAxis } from './time-axis';
import type { Period } from './types';

/** Periods above this many are refused (an hourly chunking of ten years of data is a mistake). */
export const MAX_PERIODS = 10_000;

export const GAP_NOTE = 'No rows in this period: a gap, not drift.';

/** @throws DatasetError when the axis has no timestamp or the span holds more than MAX_PERIODS periods. */
export function chunkByPeriod(axis: TimeAxis, period: Period, file: string): ChunkPlan[] {
  const offset = axis.offsetMinutes * 60_000;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < axis.ms.length; i++) {
    const t = axis.ms[i];
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (!(min <= max)) {
    throw new DatasetError(
      `${file}: column "${axis.report.column}" has no timestamp: cannot cut by ${period}.`,
      file,
    );
  }
  const starts: number[] = [];
  const last = periodStart(max + offset, period);
  for (let s = periodStart(min + offset, period); s <= last; s = nextPeriodStart(s, period)) {
    starts.push(s);
    if (starts.length > MAX_PERIODS) {
      throw new DatasetError(
        `${file}: "${axis.report.column}" spans more than ${MAX_PERIODS} periods of one ${period}; choose a longer period.`,
        file,
      );
    }
  }
  // Period index of each row by binary search over the starts (wall clock).
  const index = new Int32Array(axis.ms.length).fill(-1);
  const counts = new Int32Array(starts.length);
  for (let i = 0; i < axis.ms.length; i++) {
    const t = axis.ms[i];
    if (Number.isNaN(t)) continue;
    const period = Math.max(searchSorted(starts, t + offset, true) - 1, 0);
    index[i] = period;
    counts[period]++;
  }
  const rows = Array.from(counts, (n) => new Int32Array(n));
  const fill = new Int32Array(starts.length);
  for (let i = 0; i < index.length; i++) if (index[i] >= 0) rows[index[i]][fill[index[i]]++] = i;
  return starts.map((s, k) => ({
    label: periodLabel(s, period),
    rows: rows[k],
    start: formatInstant(s - offset, axis.offsetMinutes),
    end: formatInstant(nextPeriodStart(s, period) - offset, axis.offsetMinutes),
    notes: rows[k].length === 0 ? [GAP_NOTE] : [],
  }));
}
