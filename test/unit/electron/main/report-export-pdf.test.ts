// @vitest-environment node
// The app's PDF printer with the electron module mocked: a hidden, sandboxed window without preload or
// JavaScript, in its own session that lets through only the temporary report file; always cleaned up.
import { existsSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const state = {
    windows: [] as {
      options: unknown;
      loadFile: ReturnType<typeof vi.fn>;
      destroy: ReturnType<typeof vi.fn>;
      printToPDF: ReturnType<typeof vi.fn>;
    }[],
    filter: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    loaded: [] as string[],
    printFails: false,
  };
  class BrowserWindow {
    options: unknown;
    destroyed = false;
    loadFile = vi.fn(async (file: string) => {
      state.loaded.push(file);
      expect(existsSync(file)).toBe(true);
    });
    printToPDF = vi.fn(async () => {
      if (state.printFails) throw new Error('print failed');
      return Buffer.from('%PDF-1.7');
    });
    webContents = { printToPDF: this.printToPDF };
    destroy = vi.fn(() => {
      this.destroyed = true;
    });
    isDestroyed = () => this.destroyed;
    constructor(options: unknown) {
      this.options = options;
      state.windows.push(this);
    }
  }
  const session = {
    fromPartition: vi.fn(() => ({
      webRequest: {
        onBeforeRequest: (fn: typeof state.filter) => {
          state.filter = fn;
        },
      },
    })),
  };
  const dialog = { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/u/r.pdf' })) };
  return { state, module: { BrowserWindow, session, dialog } };
});
vi.mock('electron', () => electron.module);

import { pathToFileURL } from 'node:url';
import {
  createElectronPdfPrinter,
  PDF_PARTITION,
  pdfWindowOptions,
  printToPdfOptions,
} from '../../../../electron/main/export-pdf';
import { createReportFileChooser, reportSaveDialogOptions } from '../../../../electron/main/report-dialog';
import { pdfPrintOptions } from '../../../../electron/report/pdf-printer';
import { demoResult } from '../../shared/report/fixture';

beforeEach(() => {
  electron.state.windows = [];
  electron.state.loaded = [];
  electron.state.printFails = false;
});

describe('pdfWindowOptions', () => {
  it('is hidden, sandboxed, isolated, without preload or JavaScript, in its own partition', () => {
    const options = pdfWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      partition: PDF_PARTITION,
    });
    expect(options.webPreferences).not.toHaveProperty('preload');
    expect(PDF_PARTITION.startsWith('persist:')).toBe(false);
  });
});

describe('printToPdfOptions', () => {
  it('converts millimetre margins to inches and keeps the footer', () => {
    const options = printToPdfOptions(pdfPrintOptions(demoResult(), 'Letter'));
    expect(options.pageSize).toBe('Letter');
    expect(options.displayHeaderFooter).toBe(true);
    expect(options.footerTemplate).toContain('pageNumber');
    expect(options.margins?.bottom).toBeCloseTo(16 / 25.4, 10);
    expect(options.printBackground).toBe(true);
  });
});

describe('createElectronPdfPrinter', () => {
  it('prints the HTML from a temporary file, allows only that file, then cleans up', async () => {
    const print = createElectronPdfPrinter();
    const bytes = await print('<!doctype html><p>hi</p>', pdfPrintOptions(demoResult(), 'A4'));
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.7');
    const [win] = electron.state.windows;
    expect(win.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4' }));
    expect(win.destroy).toHaveBeenCalled();
    const file = electron.state.loaded[0];
    expect(existsSync(file)).toBe(false);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      electron.state.filter?.({ url }, (r) => {
        cancel = r.cancel;
      });
      return cancel;
    };
    expect(decide(pathToFileURL(file).href)).toBe(false);
    expect(decide('https://example.com/x.png')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
  });

  it('destroys the window and removes the file when printing fails', async () => {
    electron.state.printFails = true;
    await expect(createElectronPdfPrinter()('<p>x</p>', pdfPrintOptions(demoResult(), 'A4'))).rejects.toThrow(
      'print failed',
    );
    expect(electron.state.windows[0].destroy).toHaveBeenCalled();
    expect(existsSync(electron.state.loaded[0])).toBe(false);
  });
});

describe('report Save dialog', () => {
  it('offers the default name, the format filter and overwrite confirmation', async () => {
    const options = reportSaveDialogOptions('html', 'a-vs-b-drift.html');
    expect(options.defaultPath).toBe('a-vs-b-drift.html');
    expect(options.filters?.[0].extensions).toContain('html');
    expect(options.properties).toContain('showOverwriteConfirmation');
    await expect(createReportFileChooser(() => null)('pdf', 'x.pdf')).resolves.toBe('/home/u/r.pdf');
  });
});
