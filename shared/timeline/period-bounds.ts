/**
 * Calendar periods on a wall clock given as milliseconds (an instant plus its offset, read with the UTC
 * getters): the first instant of the period containing a time, the first instant of the next one, and a
 * label. Weeks start on Monday (ISO 8601, pandas' `W-SUN` bins, whose label is the Sunday that ends them);
 * quarters start in January, April, July and October.
 */
import type { Period } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** First wall-clock millisecond of the period containing `wall`. */
export function periodStart(wall: number, period: Period): number {
  const d = new Date(wall);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (period) {
    case 'hour':
      return Math.floor(wall / HOUR) * HOUR;
    case 'day':
      return Math.floor(wall / DAY) * DAY;
    case 'week': {
      const day = Math.floor(wall / DAY) * DAY;
      const sinceMonday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
      return day - sinceMonday * DAY;
    }
    case 'month':
      return utc(y, m);
    case 'quarter':
      return utc(y, m - (m % 3));
    case 'year':
      return utc(y, 0);
  }
}

/** First wall-clock millisecond of the period after the one starting at `start`. */
export function nextPeriodStart(start: number, period: Period): number {
  const d = new Date(start);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (period) {
    case 'hour':
      return start + HOUR;
    case 'day':
      return start + DAY;
    case 'week':
      return start + 7 * DAY;
    case 'month':
      return utc(y, m + 1);
    case 'quarter':
      return utc(y, m + 3);
    case 'year':
      return utc(y + 1, 0);
  }
}

/** Date.UTC(y, m, 1) without its two-digit-year rule (years 0..99 are not 1900..1999). */
function utc(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 1);
  return d.getTime();
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** ISO week number and its year (the year of the week's Thursday). */
function isoWeek(mondayWall: number): { year: number; week: number } {
  const thursday = new Date(mondayWall + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const jan1 = utc(year, 0);
  const week = Math.floor((thursday.getTime() - jan1) / DAY / 7) + 1;
  return { year, week };
}

/**
 * @example periodLabel(Date.UTC(2024, 0, 1), 'week') // "2024-W01"
 * @example periodLabel(Date.UTC(2024, 3, 1), 'quarter') // "2024-Q2"
 */
export function periodLabel(start: number, period: Period): string {
  const d = new Date(start);
  const y = pad(d.getUTCFullYear(), 4);
  const date = `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  switch (period) {
    case 'hour':
      return `${date}T${pad(d.getUTCHours())}:00`;
    case 'day':
      return date;
    case 'week': {
      const { year, week } = isoWeek(start);
      return `${pad(year, 4)}-W${pad(week)}`;
    }
    case 'month':
      return date.slice(0, 7);
    case 'quarter':
      return `${y}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    case 'year':
      return y;
  }
}
