/**
 * The 'report:export' handler: validates the renderer's arguments, asks main's Save dialog where to write
 * (the OS dialog confirms an overwrite; nothing is overwritten silently), renders the report from the last
 * analysis result main holds (the renderer never sends the result or a path) and writes it atomically.
 */
import path from 'node:path';
import type { ReportExportOptions, ReportExportOutcome } from '../../shared/api';
import { DatasetError } from '../../shared/dataset-error';
import type { AnalysisResult } from '../../shared/report/analysis-result';
import { isPageSize, type PageSize } from '../../shared/report/pdf-layout';
import { inputOverwrittenBy } from '../io/same-file';
import { writeFileAtomic } from '../io/write-file-atomic';
import type { PdfPrinter } from './pdf-printer';
import {
  byteLength,
  defaultReportName,
  isReportFormat,
  type ReportFormat,
  renderReport,
} from './write-reports';

export interface ReportExportDeps {
  /** The analysis result the user sees now (the last run or recomputed one), or null before any. */
  getResult(): AnalysisResult | null;
  /** Save dialog: resolves with the chosen path, or null when the user cancels. */
  chooseReportFile(format: ReportFormat, defaultName: string): Promise<string | null>;
  /** The files the user opened: a report is never written over one of them (absent: none). */
  inputPaths?(): string[];
  /** Absent where PDF printing is not available. */
  printPdf?: PdfPrinter;
}

const MAX_COLUMNS = 100_000;
const MAX_NAME = 10_000;

/** The renderer's column order: null/undefined (drifted first) or a list of column names. */
export function validateColumnOrder(value: unknown): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length > MAX_COLUMNS) throw new TypeError('Invalid column order');
  for (const name of value) {
    if (typeof name !== 'string' || name.length > MAX_NAME) throw new TypeError('Invalid column order');
  }
  return value as string[];
}

export function validateExportOptions(value: unknown): { pageSize: PageSize } {
  if (value === undefined || value === null) return { pageSize: 'A4' };
  if (typeof value !== 'object' || Array.isArray(value)) throw new TypeError('Invalid export options');
  const { pageSize, ...rest } = value as ReportExportOptions & Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw new TypeError('Invalid export options');
  if (pageSize === undefined) return { pageSize: 'A4' };
  if (!isPageSize(pageSize)) throw new TypeError('Invalid page size');
  return { pageSize };
}

export function createReportExportHandler(deps: ReportExportDeps) {
  return async function exportReport(
    format: unknown,
    columnOrder: unknown,
    options: unknown,
  ): Promise<ReportExportOutcome | null> {
    if (!isReportFormat(format)) throw new TypeError(`Invalid report format: ${String(format)}`);
    const order = validateColumnOrder(columnOrder);
    const { pageSize } = validateExportOptions(options);
    const result = deps.getResult();
    if (result === null) throw new DatasetError('Run an analysis before exporting a report.', '');
    if (format === 'pdf' && !deps.printPdf) {
      throw new DatasetError('PDF export is not available here; export HTML and print it instead.', '');
    }
    const file = await deps.chooseReportFile(format, defaultReportName(result, format));
    if (file === null) return null;
    const input = inputOverwrittenBy(file, deps.inputPaths?.() ?? []);
    if (input !== undefined) {
      throw new DatasetError(
        `${file} is the opened file ${input}; a report cannot replace its input. Choose another name.`,
        path.basename(file),
      );
    }
    const content = await renderReport(result, format, {
      columnOrder: order,
      pageSize,
      printPdf: deps.printPdf,
    });
    writeFileAtomic(file, content);
    return { format, fileName: path.basename(file), bytes: byteLength(content) };
  };
}
