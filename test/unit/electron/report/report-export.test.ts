// @vitest-environment node
// 'report:export': argument validation, the Save dialog's answer, atomic writes, and that the exported
// result is the one the last 'analysis:run' (or recompute) returned, kept by main.
import { linkSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import type { EngineClient } from '../../../../electron/engine/engine-client';
import { createHandlers } from '../../../../electron/main/handlers';
import { PreferencesStore } from '../../../../electron/main/preferences';
import { createReportExportHandler } from '../../../../electron/report/export-report';
import type { PdfPrinter } from '../../../../electron/report/pdf-printer';
import { demoResult } from '../../shared/report/fixture';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'ds-export-'));

describe('createReportExportHandler', () => {
  it('validates format, column order and options before anything else', async () => {
    const chooseReportFile = vi.fn(async () => null);
    const exportReport = createReportExportHandler({ getResult: () => demoResult(), chooseReportFile });
    await expect(exportReport('exe', null, undefined)).rejects.toThrow(/Invalid report format/);
    await expect(exportReport('html', 'age', undefined)).rejects.toThrow(/column order/);
    await expect(exportReport('html', [1, 2], undefined)).rejects.toThrow(/column order/);
    await expect(exportReport('pdf', null, { pageSize: 'A3' })).rejects.toThrow(/page size/);
    await expect(exportReport('pdf', null, { pageSize: 'A4', path: '/etc/x' })).rejects.toThrow(/options/);
    expect(chooseReportFile).not.toHaveBeenCalled();
  });

  it('refuses before an analysis and PDF without a printer', async () => {
    const chooseReportFile = vi.fn(async () => '/tmp/x');
    await expect(
      createReportExportHandler({ getResult: () => null, chooseReportFile })('html', null, undefined),
    ).rejects.toThrow(/Run an analysis/);
    await expect(
      createReportExportHandler({ getResult: () => demoResult(), chooseReportFile })('pdf', null, undefined),
    ).rejects.toThrow(/PDF export is not available/);
    expect(chooseReportFile).not.toHaveBeenCalled();
  });

  it('refuses a Save path that is an opened input (here through a hard link) and leaves it unchanged', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-export-input-'));
    const input = path.join(dir, 'current.csv');
    writeFileSync(input, 'x\n1\n');
    linkSync(input, path.join(dir, 'link.csv'));
    const exportReport = createReportExportHandler({
      getResult: () => demoResult(),
      chooseReportFile: async () => path.join(dir, 'link.csv'),
      inputPaths: () => [input],
    });
    await expect(exportReport('csv', null, undefined)).rejects.toThrow(/a report cannot replace its input/);
    expect(readFileSync(input, 'utf8')).toBe('x\n1\n');
  });

  it('offers a name from the file names, writes nothing on cancel', async () => {
    const chooseReportFile = vi.fn(async () => null);
    const exportReport = createReportExportHandler({ getResult: () => demoResult(), chooseReportFile });
    await expect(exportReport('csv', null, undefined)).resolves.toBeNull();
    expect(chooseReportFile).toHaveBeenCalledWith('csv', 'reference-vs-current-drift.csv');
  });

  it('writes the chosen file atomically in the given column order and returns its name and size', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'out.csv');
    const exportReport = createReportExportHandler({
      getResult: () => demoResult(),
      chooseReportFile: async () => target,
    });
    const outcome = await exportReport('csv', ['stable', 'color'], undefined);
    const text = readFileSync(target, 'utf8');
    expect(outcome).toEqual({ format: 'csv', fileName: 'out.csv', bytes: Buffer.byteLength(text) });
    expect(
      text
        .split('\r\n')
        .slice(1, 3)
        .map((l) => l.split(',')[0]),
    ).toEqual(['stable', 'color']);
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('prints PDF with the requested page size', async () => {
    const dir = tempDir();
    const printPdf = vi.fn<PdfPrinter>(async () => new Uint8Array([37, 80, 68, 70, 45]));
    const exportReport = createReportExportHandler({
      getResult: () => demoResult(),
      chooseReportFile: async () => path.join(dir, 'r.pdf'),
      printPdf,
    });
    await expect(exportReport('pdf', null, { pageSize: 'Letter' })).resolves.toMatchObject({ bytes: 5 });
    expect(printPdf.mock.calls[0][1].pageSize).toBe('Letter');
  });
});

describe("createHandlers 'report:export'", () => {
  it('exports the result of the last analysis run, and nothing after a new file is loaded', async () => {
    const result = demoResult();
    const engine = {
      onProgress: vi.fn(() => () => {}),
      analyze: vi.fn(async () => result),
      load: vi.fn(async () => ({ role: 'reference' })),
    } as unknown as EngineClient;
    const dir = tempDir();
    const target = path.join(dir, 'r.json');
    const handlers = createHandlers({
      engine,
      chooseFile: async () => '/data/ref.csv',
      demoDir: path.join(dir, 'demo'),
      sendProgress() {},
      preferences: PreferencesStore.inFolder(dir),
      chooseReportFile: async () => target,
    });
    await expect(handlers['report:export']('json', null)).rejects.toThrow(/Run an analysis/);
    await handlers['analysis:run']({});
    await handlers['report:export']('json', null);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(JSON.parse(JSON.stringify(result)));
    await handlers['dataset:pick']('reference');
    await expect(handlers['report:export']('json', null)).rejects.toThrow(/Run an analysis/);
  });
});
