/**
 * PDF printing for the command line: the HTML report printed by a Chromium found on the machine
 * (find-chromium.ts), driven by playwright-core. JavaScript is off and every request is aborted, so the
 * page can only lay out the document it was given.
 */
import type { Browser } from 'playwright-core';
import { ChromiumNotFoundError, defaultExists, findChromium } from './find-chromium';
import type { PdfPrinter } from './pdf-printer';

type PlaywrightCore = typeof import('playwright-core');

/** The error the command line shows (exit 2) when PDF printing cannot run on this machine. */
export class PdfUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfUnavailableError';
  }
}

async function loadPlaywright(): Promise<PlaywrightCore> {
  try {
    return await import('playwright-core');
  } catch {
    throw new PdfUnavailableError(
      'PDF needs the playwright-core package (npm install playwright-core) and a Chromium (apt-get install chromium).',
    );
  }
}

const mm = (x: number) => `${x}mm`;

/**
 * How long Chromium may take to lay out the document: 30 s, plus 20 s per MB of HTML (a 250-column
 * report is about 3 MB), at most 10 minutes. Playwright's fixed 30 s failed on large reports.
 */
export function layoutTimeoutMs(htmlLength: number): number {
  return Math.min(600_000, 30_000 + Math.ceil((htmlLength / 1e6) * 20_000));
}

function locateChromium(pw: PlaywrightCore, env: Record<string, string | undefined>): string {
  try {
    return findChromium({ env, playwrightPath: () => pw.chromium.executablePath(), exists: defaultExists })
      .path;
  } catch (error) {
    if (error instanceof ChromiumNotFoundError) throw new PdfUnavailableError(error.message);
    throw error;
  }
}

/** Fails fast (before a long analysis) when --pdf cannot work here; resolves to the Chromium's path. */
export async function preflightPdf(env: Record<string, string | undefined> = process.env): Promise<string> {
  return locateChromium(await loadPlaywright(), env);
}

/** Prints with playwright-core and the Chromium that findChromium picks; `env` defaults to process.env. */
export function createCliPdfPrinter(env: Record<string, string | undefined> = process.env): PdfPrinter {
  return async (html, options) => {
    const pw = await loadPlaywright();
    const executablePath = locateChromium(pw, env);
    let browser: Browser;
    try {
      browser = await pw.chromium.launch({
        executablePath,
        headless: true,
        timeout: 60_000,
        args: [
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      });
    } catch (error) {
      throw new PdfUnavailableError(
        `Cannot start Chromium at ${executablePath}: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load', timeout: layoutTimeoutMs(html.length) });
      await page.emulateMedia({ media: 'print' });
      const { top, bottom, left, right } = options.marginsMm;
      const pdf = await page.pdf({
        format: options.pageSize,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: options.headerTemplate,
        footerTemplate: options.footerTemplate,
        margin: { top: mm(top), bottom: mm(bottom), left: mm(left), right: mm(right) },
        tagged: true,
        outline: true,
      });
      return new Uint8Array(pdf);
    } finally {
      await browser.close();
    }
  };
}
