/**
 * PDF export in the app: the HTML report printed by Chromium with `webContents.printToPDF`, in a hidden
 * window that is sandboxed, has no preload, runs no JavaScript and lives in its own in-memory session that
 * lets through only the one temporary file it loads.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, type BrowserWindowConstructorOptions, session } from 'electron';
import type { PdfPrinter, PdfPrintOptions } from '../report/pdf-printer';

export const PDF_PARTITION = 'driftscope-report-pdf';

/** Window options for printing (pure, unit-tested). */
export function pdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1024,
    height: 1400,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      javascript: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      partition: PDF_PARTITION,
    },
  };
}

const inches = (mm: number) => mm / 25.4;

/** printToPDF options from the shared layout (pure, unit-tested). */
export function printToPdfOptions(options: PdfPrintOptions): Electron.PrintToPDFOptions {
  const { top, bottom, left, right } = options.marginsMm;
  return {
    pageSize: options.pageSize,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: options.headerTemplate,
    footerTemplate: options.footerTemplate,
    margins: { top: inches(top), bottom: inches(bottom), left: inches(left), right: inches(right) },
    preferCSSPageSize: false,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  };
}

/** A PdfPrinter backed by a hidden Electron window. */
export function createElectronPdfPrinter(): PdfPrinter {
  return async (html, options) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'driftscope-pdf-'));
    const file = path.join(dir, 'report.html');
    writeFileSync(file, html, { flag: 'wx' });
    const allowed = pathToFileURL(file).href;
    const printSession = session.fromPartition(PDF_PARTITION);
    printSession.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: details.url !== allowed }),
    );
    const win = new BrowserWindow(pdfWindowOptions());
    try {
      await win.loadFile(file);
      const pdf = await win.webContents.printToPDF(printToPdfOptions(options));
      return new Uint8Array(pdf);
    } finally {
      if (!win.isDestroyed()) win.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
