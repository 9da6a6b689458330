// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { PdfPrinter } from '../../../../electron/report/pdf-printer';
import { loadPlotlyBundle, scriptHash } from '../../../../electron/report/plotly-bundle';
import {
  defaultReportName,
  renderReport,
  reportFailureLine,
  writeReports,
} from '../../../../electron/report/write-reports';
import { PDF_MAX_COLUMN_SECTIONS } from '../../../../shared/report/pdf-layout';
import { demoResult, IMG } from '../../shared/report/fixture';

describe('writeReports', () => {
  it('writes each requested format atomically and reports sizes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-reports-'));
    const printPdf = vi.fn<PdfPrinter>(async () => new Uint8Array([37, 80, 68, 70]));
    const result = demoResult();
    const told: string[] = [];
    const { written, failed } = await writeReports(
      result,
      { html: path.join(dir, 'r.html'), csv: path.join(dir, 'r.csv'), pdf: path.join(dir, 'r.pdf') },
      { pageSize: 'Letter', printPdf, columnOrder: ['stable'] },
      (report) => told.push(report.format),
    );
    expect(written.map((w) => w.format)).toEqual(['html', 'pdf', 'csv']);
    expect(told).toEqual(['html', 'pdf', 'csv']);
    expect(failed).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['r.csv', 'r.html', 'r.pdf']); // no temp files left
    expect(readFileSync(path.join(dir, 'r.pdf')).toString()).toBe('%PDF');
    const [html, options] = printPdf.mock.calls[0];
    expect(html).toContain('<!doctype html>');
    expect(options.pageSize).toBe('Letter');
    expect(options.footerTemplate).toContain('<span class="pageNumber"></span>');
    expect(options.footerTemplate).toContain('reference.csv vs current.csv');
    expect(readFileSync(path.join(dir, 'r.csv'), 'utf8').split('\r\n')[1].startsWith('stable,')).toBe(true);
  });

  it('writes the other formats when one fails, and says which failed and why', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-reports-'));
    const printPdf = vi.fn<PdfPrinter>(async () => {
      throw new Error('page.setContent: Timeout 30000ms exceeded.\nCall log: ...');
    });
    const { written, failed } = await writeReports(
      demoResult(),
      { html: path.join(dir, 'r.html'), pdf: path.join(dir, 'r.pdf'), csv: path.join(dir, 'r.csv') },
      { printPdf },
    );
    expect(written.map((w) => w.format)).toEqual(['html', 'csv']);
    expect(readdirSync(dir).sort()).toEqual(['r.csv', 'r.html']); // no PDF, no temp file
    expect(failed.map((f) => [f.format, f.file])).toEqual([['pdf', path.join(dir, 'r.pdf')]]);
    expect(reportFailureLine(failed[0], false)).toBe(
      `driftscope: the PDF report was not written to ${path.join(dir, 'r.pdf')}: page.setContent: Timeout 30000ms exceeded.`,
    );
    expect(reportFailureLine(failed[0], true)).toContain('at '); // the stack trace, with --debug only
  });

  it('prints at most PDF_MAX_COLUMN_SECTIONS column sections in the PDF, with a note; the HTML has all', async () => {
    const result = demoResult();
    const template = result.columns[0];
    const many = PDF_MAX_COLUMN_SECTIONS + 7;
    result.columns = Array.from({ length: many }, (_, i) => ({ ...template, name: `c${i}` }));
    const printPdf = vi.fn<PdfPrinter>(async () => new Uint8Array());
    await renderReport(result, 'pdf', { printPdf });
    const pdfHtml = printPdf.mock.calls[0][0];
    const sections = (text: string) => text.match(/<section class="column[ "]/g)?.length ?? 0;
    expect(sections(pdfHtml)).toBe(PDF_MAX_COLUMN_SECTIONS);
    expect(pdfHtml).toContain(`Sections for the first ${PDF_MAX_COLUMN_SECTIONS} of ${many} columns`);
    // Every column is still in the drift table; only those with a section are links.
    expect(pdfHtml.match(/<td class="name" data-v=/g)).toHaveLength(many);
    expect(pdfHtml).toContain(`href="#col-${PDF_MAX_COLUMN_SECTIONS - 1}"`);
    expect(pdfHtml).not.toContain(`href="#col-${PDF_MAX_COLUMN_SECTIONS}"`);
    const html = (await renderReport(result, 'html')) as string;
    expect(sections(html)).toBe(many);
    expect(html).not.toContain('id="columns-capped"');
  });

  it('renders JSON as the full result and refuses PDF without a printer', async () => {
    const result = demoResult();
    expect(JSON.parse((await renderReport(result, 'json')) as string)).toEqual(
      JSON.parse(JSON.stringify(result)),
    );
    await expect(renderReport(result, 'pdf')).rejects.toThrow(/printer/);
  });

  it('escapes file names in the PDF footer', async () => {
    const result = demoResult();
    result.reference.file = `${IMG}.csv`;
    const printPdf = vi.fn<PdfPrinter>(async () => new Uint8Array());
    await renderReport(result, 'pdf', { printPdf });
    const footer = printPdf.mock.calls[0][1].footerTemplate;
    expect(footer).not.toContain('<img');
    expect(footer).toContain('&lt;img');
  });
});

describe('the HTML report embeds plotly.js-basic-dist-min; the PDF does not', () => {
  it('embeds the bundle once, allowed by its hash; the bundle needs no eval', async () => {
    const bundle = loadPlotlyBundle();
    expect(loadPlotlyBundle()).toBe(bundle); // read once per process
    expect(bundle.source).toContain('plotly.js (basic - minified) v3.');
    expect(bundle.source).not.toMatch(/\beval\(|new Function|<\/script|<!--/i);
    expect(bundle.sha256).toBe(scriptHash(bundle.source));
    const html = (await renderReport(demoResult(), 'html')) as string;
    expect(html.split(bundle.source)).toHaveLength(2);
    expect(html).toContain(`'sha256-${bundle.sha256}'`);
    expect(html).not.toMatch(/unsafe-eval/);
    const size = Buffer.byteLength(html, 'utf8');
    expect(size).toBeGreaterThan(bundle.source.length);
    expect(size).toBeLessThan(bundle.source.length + 200_000);
  });

  it('prints the PDF from the same document without the bundle (JavaScript is off there)', async () => {
    const printPdf = vi.fn<PdfPrinter>(async () => new Uint8Array());
    await renderReport(demoResult(), 'pdf', { printPdf });
    const html = printPdf.mock.calls[0][0];
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<svg class="chart"');
    expect(html).not.toContain('<div class="plotly-chart"');
  });
});

describe('defaultReportName', () => {
  it.each([
    ['train.csv', 'prod.csv', 'pdf', 'train-vs-prod-drift.pdf'],
    ['a b.tsv', 'c/d.csv', 'html', 'a b-vs-d-drift.html'],
    [`${IMG}.csv`, '..csv', 'csv', 'img src_x onerror_window.__xss_2-vs-data-drift.csv'],
  ] as const)('%s + %s → %s', (reference, current, format, expected) => {
    expect(defaultReportName({ reference: { file: reference }, current: { file: current } }, format)).toBe(
      expected,
    );
  });
});
