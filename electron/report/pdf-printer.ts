/** What a PDF printer needs besides the HTML: the same for the app (Electron) and the command line. */
import type { AnalysisResult } from '../../shared/report/analysis-result';
import {
  type PageSize,
  PDF_HEADER_TEMPLATE,
  PDF_MARGINS_MM,
  pdfFooterTemplate,
} from '../../shared/report/pdf-layout';

export interface PdfPrintOptions {
  pageSize: PageSize;
  headerTemplate: string;
  footerTemplate: string;
  marginsMm: { top: number; bottom: number; left: number; right: number };
}

/** Prints a self-contained HTML document to PDF bytes. */
export type PdfPrinter = (html: string, options: PdfPrintOptions) => Promise<Uint8Array>;

export function pdfPrintOptions(result: AnalysisResult, pageSize: PageSize): PdfPrintOptions {
  return {
    pageSize,
    headerTemplate: PDF_HEADER_TEMPLATE,
    footerTemplate: pdfFooterTemplate(result),
    marginsMm: { ...PDF_MARGINS_MM },
  };
}
