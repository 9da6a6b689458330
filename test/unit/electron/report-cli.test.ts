// @vitest-environment node
// `driftscope analyze --html --pdf --csv --json` as a user runs it: a child process on real files; the PDF
// is printed by the machine's Chromium and read back with poppler's pdfinfo and pdftotext.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../shared/report/analysis-result';
import { ensureCliBuilt, runCli } from '../../helpers/run-cli';

const root = path.resolve(__dirname, '..', '..', '..');
const hasChromium = existsSync(process.env.DRIFTSCOPE_CHROMIUM ?? '/usr/bin/chromium');
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { env });

const SCRIPT = '<script>window.__xss=1</script>';
const IMG = '"><img src=x onerror=window.__xss=2>';
const cell = (value: string) => `"${value.replaceAll('"', '""')}"`;

function hostileCsv(file: string, seed: number): void {
  const labels = [SCRIPT, IMG, '=cmd|calc', 'safe'];
  const lines = [[SCRIPT, IMG, 'amount'].map(cell).join(',')];
  for (let i = 0; i < 300; i++) {
    lines.push([cell(labels[(i * seed) % 4]), String((i * 7) % 40), ((i * 37) % 97) + seed * 5].join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

let dir = '';
let reference = '';
let current = '';
// `driftscope demo` analyses the demo for its report.json: seconds, more on a loaded machine.
beforeAll(() => {
  ensureCliBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'ds-report-cli-'));
  expect(cli(['demo', '--out', dir]).code).toBe(0);
  reference = path.join(dir, 'reference.csv');
  current = path.join(dir, 'current.csv');
}, 120_000);

describe('driftscope analyze --html --csv --json', () => {
  it('writes the three files; the JSON validates against docs/schema and carries SHA-256', () => {
    const out = (name: string) => path.join(dir, name);
    const r = cli([
      'analyze',
      '--reference',
      reference,
      '--current',
      current,
      '--html',
      out('r.html'),
      '--csv',
      out('r.csv'),
      '--json',
      out('r.json'),
    ]);
    expect(r.stderr).toMatch(/Wrote .*r\.html \(\d/);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out('r.json'), 'utf8')) as AnalysisResult;
    const schema = JSON.parse(
      readFileSync(path.join(root, 'docs', 'schema', 'report-v1.schema.json'), 'utf8'),
    );
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    // node:crypto over the whole file is the oracle for the hash computed while streaming.
    const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(json.reference.sha256).toBe(sha(reference));
    expect(json.current.sha256).toBe(sha(current));
    const html = readFileSync(out('r.html'), 'utf8');
    expect(html).toContain(json.reference.sha256);
    expect(html.length).toBeLessThan(2_000_000);
    // Drifted first by default.
    const firstRow = readFileSync(out('r.csv'), 'utf8').split('\r\n')[1].split(',');
    expect(firstRow[9]).toBe('true');
  });

  it('rejects a bad --page-size and an empty report target (exit 2)', () => {
    const bad = cli(['analyze', '--reference', reference, '--current', current, '--page-size', 'A3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--page-size must be one of A4, Letter');
    const dash = cli(['analyze', '--reference', reference, '--current', current, '--html', '-']);
    expect(dash.code).toBe(2);
  });

  it('says what to install when there is no Chromium, before analysing (exit 2, nothing written)', () => {
    const target = path.join(dir, 'missing.pdf');
    const r = cli(['analyze', '--reference', reference, '--current', current, '--pdf', target], {
      DRIFTSCOPE_CHROMIUM: path.join(dir, 'no-such-chromium'),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No Chromium found .*no-such-chromium.*apt-get install chromium/);
    expect(r.stdout).toBe('');
    expect(existsSync(target)).toBe(false);
  });

  it('writes the other reports when the PDF fails after the analysis, and exits 4 naming it', () => {
    // /bin/false exists (so the check before the analysis passes) but is no browser: Chromium fails to start.
    const out = mkdtempSync(path.join(os.tmpdir(), 'ds-pdf-fails-'));
    const file = (name: string) => path.join(out, name);
    const r = cli(
      [
        'analyze',
        '--reference',
        reference,
        '--current',
        current,
        '--html',
        file('r.html'),
        '--pdf',
        file('r.pdf'),
        '--csv',
        file('r.csv'),
      ],
      { DRIFTSCOPE_CHROMIUM: '/bin/false' },
    );
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/Wrote .*r\.html \(/);
    expect(r.stderr).toMatch(/Wrote .*r\.csv \(/);
    expect(r.stderr).toContain(
      `driftscope: the PDF report was not written to ${file('r.pdf')}: Cannot start Chromium at /bin/false`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace without --debug
    expect(readdirSync(out).sort()).toEqual(['r.csv', 'r.html']);
  }, 60_000);
});

describe.skipIf(!hasChromium || !hasPoppler)('driftscope analyze --pdf (Chromium + poppler)', () => {
  it('prints A4 and Letter with page numbers and file names in the footer', () => {
    for (const size of ['A4', 'Letter'] as const) {
      const pdf = path.join(dir, `r-${size}.pdf`);
      const r = cli([
        'analyze',
        '--reference',
        reference,
        '--current',
        current,
        '--pdf',
        pdf,
        '--page-size',
        size,
      ]);
      expect(r.stderr).toContain('Wrote');
      expect(r.code).toBe(0);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(info).toContain(size === 'A4' ? '(A4)' : '(letter)');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('Drift report: reference.csv vs current.csv');
      expect(text).toContain(`Page 1 of ${pages}`);
      expect(text).toContain(`Page ${pages} of ${pages}`);
      expect(text.match(/reference\.csv vs current\.csv · Driftscope/g)?.length).toBe(pages);
      expect(text).toMatch(/\d+ of \d+ columns drifted; strongest: /);
    }
  }, 120_000);

  it('prints a 400-column report: the first 250 columns get sections, the table lists all 400', () => {
    // 400 columns x 60 rows: column k of the current file is shifted by 1 when k is a multiple of 8.
    const wide = mkdtempSync(path.join(os.tmpdir(), 'ds-wide-'));
    const names = Array.from({ length: 400 }, (_, k) => `f${k}`);
    const table = (shift: boolean) =>
      [
        names.join(','),
        ...Array.from({ length: 60 }, (_, i) =>
          names.map((_, k) => ((i * 37 + k * 11) % 101) / 10 + (shift && k % 8 === 0 ? 1 : 0)).join(','),
        ),
      ].join('\n');
    writeFileSync(path.join(wide, 'ref.csv'), `${table(false)}\n`);
    writeFileSync(path.join(wide, 'cur.csv'), `${table(true)}\n`);
    const pdf = path.join(wide, 'r.pdf');
    const r = cli([
      'analyze',
      '--reference',
      path.join(wide, 'ref.csv'),
      '--current',
      path.join(wide, 'cur.csv'),
      '--pdf',
      pdf,
    ]);
    expect(r.stderr).toContain('Wrote');
    expect(r.code).toBe(0);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Sections for the first 250 of 400 columns');
    expect(text).toContain('f399'); // in the drift table
  }, 120_000);

  it('prints hostile names as text', () => {
    const ref = path.join(dir, `${IMG}.csv`);
    const cur = path.join(dir, 'cur <svg onload=alert(1)>.csv');
    hostileCsv(ref, 1);
    hostileCsv(cur, 3);
    const out = mkdtempSync(path.join(os.tmpdir(), 'ds-hostile-'));
    const r = cli(['analyze', '--reference', ref, '--current', cur, '--pdf', path.join(out, 'h.pdf')]);
    expect(r.code).toBe(0);
    const text = execFileSync('pdftotext', [path.join(out, 'h.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(SCRIPT);
    expect(text).toContain('cur <svg onload=alert(1)>.csv');
    expect(readdirSync(out)).toEqual(['h.pdf']);
  }, 60_000);
});
