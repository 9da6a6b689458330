/**
 * One ISO 8601 timestamp cell: `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM`,
 * `HH:MM:SS` or `HH:MM:SS.fff…`, optionally followed by `Z`, `±HH:MM` or `±HHMM` (a zone needs a time).
 * The instant is in milliseconds since 1970-01-01T00:00:00Z; fractions beyond the millisecond are
 * truncated. A value without zone is read as UTC (docs/timeline.md).
 */

export interface ParsedTimestamp {
  /** Milliseconds since the Unix epoch (UTC). */
  ms: number;
  /** The written offset in minutes east of UTC, or null when the value carries no zone. */
  offsetMinutes: number | null;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}:?\d{2})?)?$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function offsetOf(zone: string | undefined): number | null {
  if (zone === undefined) return null;
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 23 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes);
}

/**
 * @example parseIsoTimestamp('2024-03-10T23:30:00+02:00') // { ms: 1710106200000, offsetMinutes: 120 }
 * @example parseIsoTimestamp('2024-02-30') // null (no such day)
 */
export function parseIsoTimestamp(raw: string): ParsedTimestamp | null {
  const m = ISO.exec(raw.trim());
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offsetMinutes = offsetOf(m[8]);
  if (Number.isNaN(offsetMinutes)) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC maps years 0..99 to 1900..1999; set the full year explicitly.
  const local = year < 100 ? new Date(wall).setUTCFullYear(year) : wall;
  return { ms: local - (offsetMinutes ?? 0) * 60_000, offsetMinutes };
}

/** "Z" or "+HH:MM"/"-HH:MM" for an offset in minutes. */
export function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** ISO 8601 of an instant written in the given offset, e.g. "2024-03-10T23:30:00.000+02:00". */
export function formatInstant(ms: number, offsetMinutes: number): string {
  const wall = new Date(ms + offsetMinutes * 60_000).toISOString(); // "…Z" of the wall clock
  return `${wall.slice(0, -1)}${formatOffset(offsetMinutes)}`;
}
