// @vitest-environment node
// `driftscope analyze --json --html --pdf` on the shadow fixtures (test/fixtures/shadow, from
// gen_shadow_fixtures.py) as a user runs it: the PDF, printed by the machine's Chromium, read back with
// pdftotext, has the Shadow, Estimated and Serving sections with the JSON's numbers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../shared/report/analysis-result';
import { formatNumber, formatPercent } from '../../../shared/report/report-format';
import { ensureCliBuilt, runCli } from '../../helpers/run-cli';

const root = path.resolve(__dirname, '..', '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'shadow');
const hasChromium = existsSync(process.env.DRIFTSCOPE_CHROMIUM ?? '/usr/bin/chromium');
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

const cli = (args: string[]) => runCli(args);

let dir = '';
beforeAll(() => {
  ensureCliBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'ds-report-shadow-'));
});

function analyse(kind: 'binary' | 'multiclass') {
  const out = (ext: string) => path.join(dir, `${kind}.${ext}`);
  const r = cli([
    'analyze',
    '--reference',
    path.join(fixtures, `${kind}_reference.csv`),
    '--current',
    path.join(fixtures, `${kind}_current.csv`),
    '--json',
    out('json'),
    '--html',
    out('html'),
    '--pdf',
    out('pdf'),
  ]);
  expect(r.stderr).toContain(`Wrote ${out('pdf')}`);
  expect(r.code).toBe(0);
  const result = JSON.parse(readFileSync(out('json'), 'utf8')) as AnalysisResult;
  const text = spawnSync('pdftotext', ['-layout', out('pdf'), '-'], { encoding: 'utf8' }).stdout.replace(
    /\s+/g,
    ' ',
  );
  return { result, text, html: readFileSync(out('html'), 'utf8') };
}

describe.skipIf(!hasChromium || !hasPoppler)('driftscope analyze --html --pdf on the shadow fixtures', () => {
  it('binary: the PDF has the three sections with the JSON numbers', () => {
    const { result, text, html } = analyse('binary');
    const s = result.performance!.shadow!;
    const e = result.performance!.estimated!;
    const l = result.serving!.latency!;
    expect(text).toContain('Shadow: champion against challenger');
    expect(text).toContain('Challenger worse on ROC AUC at α = 0.05');
    const auc = s.difference.rocAuc;
    expect(text).toContain(
      `ROC AUC (primary) ${formatNumber(s.champion.rocAuc)} ${formatNumber(s.challenger.rocAuc)} ${formatNumber(auc.value)} [${formatNumber(auc.ciLow)}, ${formatNumber(auc.ciHigh)}]`,
    );
    expect(text).toContain(
      `McNemar exact test on the rows each model gets right: p = ${formatNumber(s.mcnemar!.pValue)}`,
    );
    expect(text).toContain('Estimated against realised quality');
    expect(text).toContain(`Labelled share of the current rows: ${formatPercent(e.labelledShare)}`);
    expect(text).toContain(`${formatNumber(e.metrics.accuracy)} ± ${formatNumber(e.samplingError.accuracy)}`);
    expect(text).toContain('Serving health');
    expect(text).toContain(`p95 ${formatNumber(l.reference!.p95)} ${formatNumber(l.current!.p95)}`);
    expect(text).toContain(`KS test of the shift: statistic ${formatNumber(l.ks!.statistic)}`);
    expect(text).toContain('Latency (ms, log scale)');
    expect(text).toContain(`z = ${formatNumber(result.serving!.errorRate!.statistic)}`);
    // The HTML report has the Plotly data block of the log-axis overlay.
    expect(html).toMatch(/id="chart-data-serving-latency">[^<]*"xLog":true/);
  });

  it('multiclass: macro F1 is the primary metric, no serving section', () => {
    const { result, text } = analyse('multiclass');
    const s = result.performance!.shadow!;
    expect(s.primaryMetric).toBe('f1');
    expect(text).toContain('F1 (primary)');
    expect(text).toContain(`agreement ${formatPercent(s.agreement)} of rows`);
    expect(text).not.toContain('Serving health');
  });
});
