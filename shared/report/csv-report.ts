/**
 * The drift table as CSV (RFC 4180: comma separated, CRLF line ends, fields with a comma, quote, CR or LF
 * quoted with inner quotes doubled). Text cells that a spreadsheet would read as a formula (starting with
 * = + - @, tab or CR) get a leading single quote, so a hostile column name cannot run anything in Excel or
 * LibreOffice. Numbers are written in full precision (JavaScript's shortest round-trip form).
 */
import { isTested } from '../drift/is-tested';
import type { AnalysisResult, ColumnResult } from './analysis-result';
import { orderColumns } from './column-order';

/**
 * Neutralises a text cell against spreadsheet formula injection (OWASP "CSV injection").
 * @example neutraliseFormula('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 * @example neutraliseFormula('income') // 'income'
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Quotes a field when RFC 4180 requires it.
 * @example csvField('a,b') // '"a,b"'
 * @example csvField('say "hi"') // '"say ""hi"""'
 */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

type Cell = string | number | boolean | null;

function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return csvField(neutraliseFormula(value));
}

export const CSV_HEADER = [
  'column',
  'type',
  'test',
  'test_kind',
  'score',
  'threshold',
  'p_value',
  'p_value_adjusted',
  'statistic',
  'drift_detected',
  'effect_size_jensenshannon',
  'missing_share_reference',
  'missing_share_current',
  'missing_share_drift',
  // From a profile's sketches (analysis-result.ts Approximation): empty for exact results.
  'approximate',
  'score_bound',
  'score_low',
  'score_high',
  'verdict_determined',
  'note',
] as const;

function row(c: ColumnResult, result: AnalysisResult): Cell[] {
  const share = (missing: number, rows: number) => (rows > 0 ? missing / rows : null);
  return [
    c.name,
    c.type,
    c.test,
    c.testKind,
    c.score,
    c.threshold,
    c.pValue,
    c.pValueAdjusted,
    c.statistic,
    isTested(c) ? c.driftDetected : null,
    c.effectSize?.value ?? null,
    c.missingDrift?.reference ?? share(c.reference.missing, result.reference.rows),
    c.missingDrift?.current ?? share(c.current.missing, result.current.rows),
    c.missingDrift ? c.missingDrift.driftDetected : null,
    c.approximation !== undefined,
    c.approximation?.scoreBound ?? null,
    c.approximation?.scoreInterval?.[0] ?? null,
    c.approximation?.scoreInterval?.[1] ?? null,
    c.approximation?.verdictDetermined ?? null,
    c.note,
  ];
}

/** The drift table, one row per column in `columnOrder` (default drifted first), with a header row. */
export function driftTableCsv(result: AnalysisResult, columnOrder: readonly string[] | null = null): string {
  const lines = [CSV_HEADER.join(',')];
  for (const column of orderColumns(result, columnOrder)) lines.push(row(column, result).map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
