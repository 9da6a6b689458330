/**
 * Renders and writes report files (HTML, PDF, JSON, CSV) from one analysis result; used by the command
 * line and by the app's 'report:export' handler. Every file is written atomically.
 */
import path from 'node:path';
import type { AnalysisResult } from '../../shared/report/analysis-result';
import { driftTableCsv } from '../../shared/report/csv-report';
import { renderHtmlReport } from '../../shared/report/html-report';
import { type PageSize, PDF_MAX_COLUMN_SECTIONS } from '../../shared/report/pdf-layout';
import type { PlotlyBundle } from '../../shared/report/plotly-charts';
import { writeFileAtomic } from '../io/write-file-atomic';
import { type PdfPrinter, pdfPrintOptions } from './pdf-printer';
import { loadPlotlyBundle } from './plotly-bundle';

export const REPORT_FORMATS = ['html', 'pdf', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

export interface RenderOptions {
  /** Column names in display order; default drifted first. Not used by JSON (the full analysis). */
  columnOrder?: readonly string[] | null;
  pageSize?: PageSize;
  /** Needed for 'pdf' only. */
  printPdf?: PdfPrinter;
  /** Report generation time (ISO 8601); default now. */
  generatedAt?: string;
  /** Loads the Plotly bundle the HTML embeds; default plotly.js-basic-dist-min from node_modules. */
  plotlyBundle?: () => PlotlyBundle;
}

/** The JSON report: the full analysis result (schemaVersion 1), two-space indented. */
export function jsonReport(result: AnalysisResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** Renders one format; text formats as strings, PDF as bytes. */
export async function renderReport(
  result: AnalysisResult,
  format: ReportFormat,
  options: RenderOptions = {},
): Promise<string | Uint8Array> {
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  switch (format) {
    case 'json':
      return jsonReport(result);
    case 'csv':
      return driftTableCsv(result, options.columnOrder ?? null);
    case 'html':
      return renderHtmlReport(result, {
        columnOrder: options.columnOrder ?? null,
        generatedAt,
        plotly: (options.plotlyBundle ?? loadPlotlyBundle)(),
      });
    case 'pdf': {
      if (!options.printPdf) throw new Error('renderReport: PDF needs a printer');
      // Printed with JavaScript off, so without the Plotly bundle: the same document with its SVG charts.
      const html = renderHtmlReport(result, {
        columnOrder: options.columnOrder ?? null,
        generatedAt,
        maxColumnSections: PDF_MAX_COLUMN_SECTIONS,
      });
      return options.printPdf(html, pdfPrintOptions(result, options.pageSize ?? 'A4'));
    }
  }
}

export function byteLength(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
}

export interface WrittenReport {
  format: ReportFormat;
  file: string;
  bytes: number;
}

/** A report that could not be rendered or written; the others were still attempted. */
export interface FailedReport {
  format: ReportFormat;
  file: string;
  error: unknown;
}

export interface WriteReportsOutcome {
  written: WrittenReport[];
  failed: FailedReport[];
}

/**
 * Renders and writes each requested format to its file (absolute or relative to the cwd), each on its own:
 * one that fails (a PDF printer that times out, a full disk) is recorded and the next is still written.
 * `onWritten` is told as soon as each file is in place.
 */
export async function writeReports(
  result: AnalysisResult,
  targets: Partial<Record<ReportFormat, string>>,
  options: RenderOptions = {},
  onWritten: (report: WrittenReport) => void = () => {},
): Promise<WriteReportsOutcome> {
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const outcome: WriteReportsOutcome = { written: [], failed: [] };
  for (const format of REPORT_FORMATS) {
    const target = targets[format];
    if (target === undefined) continue;
    const file = path.resolve(target);
    try {
      const content = await renderReport(result, format, { ...options, generatedAt });
      writeFileAtomic(file, content);
      const report = { format, file, bytes: byteLength(content) };
      outcome.written.push(report);
      onWritten(report);
    } catch (error) {
      outcome.failed.push({ format, file, error });
    }
  }
  return outcome;
}

/**
 * A default file name for a report: "<reference>-vs-<current>-drift.<ext>", from the files' names without
 * extensions, reduced to characters every file system accepts.
 * @example defaultReportName({ reference: { file: 'train.csv' }, current: { file: 'prod.csv' } }, 'pdf') // 'train-vs-prod-drift.pdf'
 */
export function defaultReportName(
  result: { reference: { file: string }; current: { file: string } },
  format: ReportFormat,
): string {
  const stem = (file: string) =>
    path
      .parse(file)
      .name.replace(/[^\p{L}\p{N}._ -]+/gu, '_')
      .replace(/^[._ -]+|[._ -]+$/g, '')
      .slice(0, 60) || 'data';
  return `${stem(result.reference.file)}-vs-${stem(result.current.file)}-drift.${format}`;
}

const FORMAT_NAMES: Record<ReportFormat, string> = { html: 'HTML', pdf: 'PDF', json: 'JSON', csv: 'CSV' };

/**
 * The line the command line prints for a report that was not written: the format, the file and why (the
 * error's first line; its stack trace with `debug`).
 * @example reportFailureLine({ format: 'pdf', file: '/r.pdf', error: new Error('Timeout') }, false)
 * // 'driftscope: the PDF report was not written to /r.pdf: Timeout'
 */
export function reportFailureLine(failure: FailedReport, debug: boolean): string {
  const error = failure.error as { message?: unknown; stack?: unknown };
  const why =
    debug && typeof error?.stack === 'string'
      ? error.stack
      : typeof error?.message === 'string'
        ? (error.message.split('\n')[0] ?? '')
        : String(failure.error);
  return `driftscope: the ${FORMAT_NAMES[failure.format]} report was not written to ${failure.file}: ${why}`;
}
