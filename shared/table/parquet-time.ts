/**
 * Parquet dates, times and timestamps as the ISO 8601 text a CSV export holds (the forms pandas' to_csv
 * writes), so that the type inference (shared/table/infer-type.ts) and the timeline's time axis
 * (shared/timeline/parse-timestamp.ts) read a Parquet file like the CSV made from it:
 * - DATE (days since 1970-01-01): `2024-06-03`;
 * - TIMESTAMP (MILLIS, MICROS or NANOS since 1970-01-01T00:00:00): `2024-06-03 08:15:00`, the fraction
 *   written only when it is not zero, to the millisecond, microsecond or nanosecond it needs; with
 *   isAdjustedToUTC (an instant) `+00:00` follows, without it the value is a local wall-clock time;
 * - TIME (since midnight): `08:15:00` with the same fractions.
 */
import type { TimeUnit } from 'hyparquet';

const PER_SECOND: Record<TimeUnit, bigint> = { MILLIS: 1000n, MICROS: 1_000_000n, NANOS: 1_000_000_000n };
const DIGITS: Record<TimeUnit, number> = { MILLIS: 3, MICROS: 6, NANOS: 9 };

/** `.fff`, `.ffffff` or `.fffffffff`: the shortest of these that holds `fraction` exactly ('' for 0). */
function fractionText(fraction: bigint, unit: TimeUnit): string {
  if (fraction === 0n) return '';
  let digits = fraction.toString().padStart(DIGITS[unit], '0');
  while (digits.length > 3 && digits.endsWith('000')) digits = digits.slice(0, -3);
  return `.${digits}`;
}

/** Seconds (floored) and the non-negative remainder in `unit`s. */
function split(value: bigint, unit: TimeUnit): { seconds: bigint; fraction: bigint } {
  const per = PER_SECOND[unit];
  let seconds = value / per;
  let fraction = value - seconds * per;
  if (fraction < 0n) {
    seconds -= 1n;
    fraction += per;
  }
  return { seconds, fraction };
}

/**
 * @example formatParquetTimestamp(1717402500123000n, 'MICROS', true) // '2024-06-03 08:15:00.123+00:00'
 * @example formatParquetTimestamp(1717402500000n, 'MILLIS', false) // '2024-06-03 08:15:00'
 */
export function formatParquetTimestamp(value: bigint, unit: TimeUnit, utc: boolean): string {
  const { seconds, fraction } = split(value, unit);
  const iso = new Date(Number(seconds) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fractionText(fraction, unit)}${utc ? '+00:00' : ''}`;
}

/** @example formatParquetDate(19877) // '2024-06-03' */
export function formatParquetDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** @example formatParquetTime(29_700_500n, 'MILLIS') // '08:15:00.500' */
export function formatParquetTime(value: bigint, unit: TimeUnit): string {
  const { seconds, fraction } = split(value, unit);
  const s = Number(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}${fractionText(fraction, unit)}`;
}
