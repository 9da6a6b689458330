/**
 * The headless command line (`driftscope`, plain Node): the same engine worker as the app, so verdicts
 * are identical. Model quality: target, prediction and probability columns are detected from their names
(target/label/y/actual, prediction/pred/y_pred, probability/proba/score or proba_<class>); the flags
override. --labels FILE joins target values that arrived later into the current file by --id COL.
Exit codes: 0 done; 1 dataset drift with --fail-on-drift; 2 bad input or usage.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetError } from '../shared/dataset-error';
import {
  type AnalysisSettings,
  CORRECTIONS,
  type Correction,
  DEFAULT_SETTINGS,
  type PerformanceSettings,
  parseSettings,
  TASKS,
} from '../shared/drift/settings';
import { isPageSize, PAGE_SIZES } from '../shared/report/pdf-layout';
import { formatBytes } from '../shared/report/report-format';
import { isTestKey, TEST_KEYS } from '../shared/types';
import { formatSummary, verdictLine } from './cli-format';
import { EngineClient } from './engine/engine-client';
import { writeDemoFiles } from './main/handlers';
import { writeFileAtomic } from './main/write-file-atomic';
import { createCliPdfPrinter, PdfUnavailableError, preflightPdf } from './report/pdf-cli';
import { type ReportFormat, writeReports } from './report/write-reports';

const USAGE = `Usage:
  driftscope analyze --reference REF --current CUR [--json FILE|-] [--config FILE] [--test KEY]
                     [--threshold X] [--share-threshold X] [--correction METHOD] [--fail-on-drift]
                     [--html FILE] [--pdf FILE] [--csv FILE] [--page-size A4|Letter]
                     [--target COL] [--prediction COL] [--proba COL[,COL...]] [--pos-label L]
                     [--task binary|multiclass|regression] [--labels FILE --id COL] [--no-performance]
  driftscope demo --out DIR     writes the demo's reference.csv, current.csv and report.json into DIR

Tests (--test): ${TEST_KEYS.join(', ')}
Corrections (--correction): ${CORRECTIONS.join(', ')}
--config FILE: JSON settings (per-column and per-type tests and thresholds, ignored columns, ...), see
docs/settings.md; --test, --threshold, --share-threshold and --correction override its global values.
Model quality: target, prediction and probability columns are detected from their names
(target/label/y/actual, prediction/pred/y_pred, probability/proba/score or proba_<class>); the flags
override. --labels FILE joins target values that arrived later into the current file by --id COL.
--html FILE: one self-contained, offline report (interactive Plotly charts, embedded); --pdf FILE: the
same report printed by Chromium ($DRIFTSCOPE_CHROMIUM, Playwright's Chromium or /usr/bin/chromium;
--page-size A4 or Letter, default A4);
--csv FILE: the drift table. Reports list drifted columns first.
Exit codes: 0 done; 1 dataset drift detected with --fail-on-drift; 2 bad input.
`;

class UsageError extends Error {}

function parseNumberOption(value: string | undefined, name: string): number | null {
  if (value === undefined) return null;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < 0)
    throw new UsageError(`--${name} must be a number >= 0, got "${value}"`);
  return x;
}

interface PerformanceFlags {
  target?: string;
  prediction?: string;
  proba?: string;
  'pos-label'?: string;
  task?: string;
  id?: string;
  'no-performance'?: boolean;
}

/** Model-quality flags on top of the config file's `performance` block (flags win). */
function performanceFlags(
  values: PerformanceFlags,
  base: PerformanceSettings | undefined,
): PerformanceSettings {
  const out: PerformanceSettings = { ...base };
  if (values['no-performance']) out.enabled = false;
  if (values.task !== undefined) {
    if (!(TASKS as readonly string[]).includes(values.task)) {
      throw new UsageError(`--task must be one of ${TASKS.join(', ')}, got "${values.task}"`);
    }
    out.task = values.task as PerformanceSettings['task'];
  }
  if (values.target !== undefined) out.target = values.target;
  if (values.prediction !== undefined) out.prediction = values.prediction;
  if (values.proba !== undefined)
    out.proba = values.proba
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
  if (values['pos-label'] !== undefined) out.posLabel = values['pos-label'];
  if (values.id !== undefined) out.id = values.id;
  return out;
}

/** Reads and validates a --config file; errors name the file. */
function readConfig(file: string): AnalysisSettings {
  const name = path.basename(file);
  let text: string;
  try {
    text = readFileSync(path.resolve(file), 'utf8');
  } catch {
    throw new DatasetError(`Cannot read the config file ${name}.`, name);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(`${name} is not valid JSON: ${(error as Error).message}`, name);
  }
  return parseSettings(json, name);
}

async function analyze(engine: EngineClient, reference: string, current: string, settings: AnalysisSettings) {
  await Promise.all([engine.load('reference', reference), engine.load('current', current)]);
  return engine.analyze(settings);
}

function writeJson(target: string, value: unknown): void {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (target === '-') process.stdout.write(text);
  else writeFileAtomic(path.resolve(target), text);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'demo') {
    const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } }, strict: true });
    if (!values.out) throw new UsageError('demo needs --out DIR');
    const dir = path.resolve(values.out);
    mkdirSync(dir, { recursive: true });
    const files = writeDemoFiles(dir);
    const engine = new EngineClient();
    try {
      const result = await analyze(engine, files.reference, files.current, DEFAULT_SETTINGS);
      writeJson(path.join(dir, 'report.json'), result);
    } finally {
      await engine.close();
    }
    process.stdout.write(`Wrote ${files.reference}, ${files.current} and ${path.join(dir, 'report.json')}\n`);
    return 0;
  }
  if (command !== 'analyze') throw new UsageError(`unknown command "${command}"`);
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      reference: { type: 'string' },
      current: { type: 'string' },
      json: { type: 'string' },
      test: { type: 'string' },
      threshold: { type: 'string' },
      'share-threshold': { type: 'string' },
      config: { type: 'string' },
      correction: { type: 'string' },
      target: { type: 'string' },
      prediction: { type: 'string' },
      proba: { type: 'string' },
      'pos-label': { type: 'string' },
      task: { type: 'string' },
      labels: { type: 'string' },
      id: { type: 'string' },
      'no-performance': { type: 'boolean', default: false },
      'fail-on-drift': { type: 'boolean', default: false },
      html: { type: 'string' },
      pdf: { type: 'string' },
      csv: { type: 'string' },
      'page-size': { type: 'string' },
    },
  });
  if (!values.reference || !values.current)
    throw new UsageError('analyze needs --reference REF and --current CUR');
  if (values.test !== undefined && !isTestKey(values.test)) {
    throw new UsageError(`unknown test "${values.test}"; one of ${TEST_KEYS.join(', ')}`);
  }
  const share = parseNumberOption(values['share-threshold'], 'share-threshold');
  if (share !== null && !(share > 0 && share <= 1))
    throw new UsageError('--share-threshold must be in (0, 1]');
  if (values.correction !== undefined && !(CORRECTIONS as readonly string[]).includes(values.correction)) {
    throw new UsageError(`unknown correction "${values.correction}"; one of ${CORRECTIONS.join(', ')}`);
  }
  const pageSize = values['page-size'] ?? 'A4';
  if (!isPageSize(pageSize)) throw new UsageError(`--page-size must be one of ${PAGE_SIZES.join(', ')}`);
  const reportTargets: Partial<Record<ReportFormat, string>> = {};
  for (const format of ['html', 'pdf', 'csv'] as const) {
    const target = values[format];
    if (target === undefined) continue;
    if (target === '' || target === '-') throw new UsageError(`--${format} needs a file name`);
    reportTargets[format] = target;
  }
  if (reportTargets.pdf !== undefined) await preflightPdf();
  const settings: AnalysisSettings = values.config ? readConfig(values.config) : { ...DEFAULT_SETTINGS };
  if (values.test !== undefined) settings.test = values.test;
  const threshold = parseNumberOption(values.threshold, 'threshold');
  if (threshold !== null) settings.threshold = threshold;
  if (share !== null) settings.shareThreshold = share;
  if (values.correction !== undefined) settings.correction = values.correction as Correction;
  settings.performance = performanceFlags(values, settings.performance);
  if (values.labels !== undefined && !settings.performance.id)
    throw new UsageError('--labels needs --id COL');
  const engine = new EngineClient();
  try {
    if (values.labels !== undefined) await engine.loadLabels(path.resolve(values.labels));
    const result = await analyze(
      engine,
      path.resolve(values.reference),
      path.resolve(values.current),
      settings,
    );
    if (values.json !== undefined) writeJson(values.json, result);
    else process.stdout.write(formatSummary(result));
    const written = await writeReports(result, reportTargets, { pageSize, printPdf: createCliPdfPrinter() });
    for (const report of written) {
      process.stderr.write(`Wrote ${report.file} (${formatBytes(report.bytes)})\n`);
    }
    if (values.json !== undefined && values.json !== '-') {
      process.stderr.write(verdictLine(result));
    }
    return values['fail-on-drift'] && result.dataset.driftDetected ? 1 : 0;
  } finally {
    await engine.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof DatasetError || error instanceof PdfUnavailableError) {
      process.stderr.write(`driftscope: ${error.message}\n`);
    } else if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`driftscope: ${(error as Error).message}\n\n${USAGE}`);
    } else {
      process.stderr.write(`driftscope: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 3;
      return;
    }
    process.exitCode = 2;
  },
);
