/**
 * Text helpers for exported reports (HTML, CSV, PDF footer): HTML escaping and locale-independent number
 * formatting, so that a report reads the same on every machine and in tests. Pure: no DOM, no Node.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and double- or single-quoted attribute values. Every string that
 * came from a data file (column names, categories, file names, notes) goes through here.
 * @example escapeHtml('<img src=x onerror="a">') // '&lt;img src=x onerror=&quot;a&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Four significant digits; exponent form for very large or small magnitudes; '—' for null or NaN.
 * @example formatNumber(0.421234) // '0.4212'
 * @example formatNumber(1234567) // '1.23e+6'
 */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-4) return value.toExponential(2).replace(/\.?0+e/, 'e');
  if (Number.isInteger(value)) return formatInteger(value);
  return Number(value.toPrecision(digits)).toString();
}

/** @example formatInteger(1234567) // '1,234,567' */
export function formatInteger(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** @example formatPercent(0.1234) // '12.3%' */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(digits)}%`;
}

/** @example formatBytes(1536) // '1.5 KB' */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export { testLabel } from '../drift/methods/registry';
