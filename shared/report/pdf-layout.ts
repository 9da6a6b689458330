/**
 * Page layout shared by both PDF printers (Electron's printToPDF in the app, Playwright's page.pdf in the
 * command line): paper size, margins, and a footer with both file names and "Page N of M". Chromium fills
 * the spans with class pageNumber and totalPages; the file names are escaped like everything else.
 */
import type { AnalysisResult } from './analysis-result';
import { escapeHtml } from './report-format';

export const PAGE_SIZES = ['A4', 'Letter'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export function isPageSize(value: unknown): value is PageSize {
  return typeof value === 'string' && (PAGE_SIZES as readonly string[]).includes(value);
}

/**
 * The PDF has a section (statistics and chart) for at most this many columns, the first in the table's
 * order (drifted first by default); the drift table lists every column and a note says how many were left
 * out. 250 sections are about 250 pages: a document a person reads, printed in seconds, where 5,000
 * sections made a 100 MB file in minutes. The HTML and JSON reports keep every column.
 */
export const PDF_MAX_COLUMN_SECTIONS = 250;

/** Margins in millimetres (the footer lives in the bottom margin). */
export const PDF_MARGINS_MM = { top: 12, bottom: 16, left: 12, right: 12 } as const;

function shorten(name: string, max: number): string {
  const chars = Array.from(name);
  return chars.length <= max ? name : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The footer template: "reference.csv vs current.csv · Driftscope 0.1.0" on the left, "Page 2 of 9" right.
 * @example pdfFooterTemplate(result).includes('<span class="pageNumber"></span>') // true
 */
export function pdfFooterTemplate(result: AnalysisResult): string {
  const files = `${shorten(result.reference.file, 48)} vs ${shorten(result.current.file, 48)}`;
  return (
    '<div style="font-size:8px;width:100%;margin:0 12mm;display:flex;justify-content:space-between;gap:8mm;' +
    'color:#5b6475;font-family:system-ui,sans-serif">' +
    `<span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${escapeHtml(files)} · Driftscope ${escapeHtml(result.driftscopeVersion)}</span>` +
    '<span style="white-space:nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
  );
}

/** An empty header (Chromium prints the title and date there unless a template is given). */
export const PDF_HEADER_TEMPLATE = '<span></span>';
