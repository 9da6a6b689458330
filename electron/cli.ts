/**
 * The headless command line (`driftscope`, plain Node): the same engine worker as the app, so verdicts
 * are identical. Model quality: target, prediction and probability columns are detected from their names
(target/label/y/actual, prediction/pred/y_pred, probability/proba/score or proba_<class>); the flags
override. --labels FILE joins target values that arrived later into the current file by --id COL.
Exit codes: see USAGE (0 done; 1 drift with --fail-on-drift; 2 bad input or usage; 3 internal error;
4 a report file not written).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetError } from '../shared/dataset-error';
import { type AnalysisSettings, CORRECTIONS, DEFAULT_SETTINGS } from '../shared/drift/settings';
import type { AnalysisResult } from '../shared/report/analysis-result';
import { isPageSize, PAGE_SIZES } from '../shared/report/pdf-layout';
import { formatBytes } from '../shared/report/report-format';
import { timelineCsvText } from '../shared/report/timeline-csv';
import { chunkSettings } from '../shared/timeline/analyze-timeline';
import type { Timeline } from '../shared/timeline/types';
import { TEST_KEYS } from '../shared/types';
import { formatSummary, formatTimeline, printable as printableLine, verdictLine } from './cli-format';
import {
  applySettingsFlags,
  fileLoadFlags,
  parseByteSize,
  readConfigFile,
  SHADOW_SERVING_OPTIONS,
  UsageError,
} from './cli-options';
import { progressReporter } from './cli-progress';
import {
  CHUNK_FAIL_ON,
  chunkingText,
  currentFiles,
  FAIL_ON,
  type FailOn,
  failedTimeline,
  failsOn,
  normaliseAnalyzeArgs,
  timelineMessages,
  timelineRequest,
} from './cli-timeline';
import { baselineCommand } from './commands/baseline-command';
import { monitorCommand } from './commands/monitor-command';
import { analyzeWithProfiles, profileCommand, streamedProfilesNote } from './commands/profile-command';
import { simulateCommand } from './commands/simulate-command';
import { EngineClient } from './engine/engine-client';
import { isProfileFile } from './engine/load-profile';
import { defaultMemoryBudget } from './engine/memory-budget';
import type { FileLoadOptions, TimelineProgress } from './engine/protocol';
import { writeDemoFiles } from './io/demo-files';
import { outputLocationProblem } from './io/output-location';
import { inputOverwrittenBy } from './io/same-file';
import { writeFileAtomic } from './io/write-file-atomic';
import { createCliPdfPrinter, PdfUnavailableError, preflightPdf } from './report/pdf-cli';
import { type ReportFormat, reportFailureLine, writeReports } from './report/write-reports';

const USAGE = `Usage:
  driftscope analyze --reference REF --current CUR [CUR...] [--json FILE|-] [--config FILE] [--test KEY]
                     [--threshold X] [--share-threshold X] [--correction METHOD]
                     [--fail-on-drift] [--fail-on dataset|column|model|any|last-chunk|any-chunk]
                     [--chunk size:N|count:N|period:P] [--time-column COL] [--reference-chunks]
                     [--threshold-from-reference [K]] [--timeline-csv FILE]
                     [--html FILE] [--pdf FILE] [--csv FILE] [--page-size A4|Letter]
                     [--target COL] [--prediction COL] [--proba COL[,COL...]] [--pos-label L]
                     [--task binary|multiclass|regression] [--labels FILE --id COL] [--no-performance]
                     [--challenger-prediction COL] [--challenger-proba COL[,COL...]]
                     [--latency COL[:ms|s]] [--status COL] [--multivariate|--no-multivariate]
                     [--encoding utf-8|utf-16le|utf-16be|windows-1252] [--decimal .|,]
                     [--memory-budget SIZE] [--debug]
  driftscope demo --out DIR     writes the demo's reference.csv, current.csv and report.json into DIR
  driftscope simulate --reference REF --out DIR [--batches N] [--rows N] [--drift SPEC ...]
                      [--drift-from K] [--seed S]
  driftscope baseline --reference REF --out baseline.json [--config FILE] [--model NAME] [--multivariate]
                      [--target COL] [--prediction COL] [--proba COL[,COL...]] [--task T] [--pos-label L]
  driftscope profile --input FILE... --out P.json [--relative-accuracy A] [--chunk-rows N]
                     writes a streaming profile of the files (docs/profiles.md); CSV/TSV are read
                     in chunks of N rows (default 65536), so memory does not grow with the file
  driftscope profile --merge A.json B.json... --out C.json   merges the profiles of partitions
  driftscope monitor --baseline baseline.json --watch DIR [--listen 127.0.0.1:9464|off] [--textfile FILE]
                     [--history FILE] [--log FILE] [--reference FILE] [--poll MS] [--settle MS]
                     [--stale-after SECONDS]

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
--encoding NAME: the text encoding of the input files (default: detected per file: UTF-8, UTF-16 with or
without BOM, else Windows-1252/Latin-1); --decimal ,: numbers use a decimal comma ("1,5").
Files ending in .gz are decompressed while reading.
Timeline (docs/timeline.md): --chunk cuts the current file into chunks, each compared with the whole
reference: size:N rows, count:N chunks, or period:hour|day|week|month|quarter|year on --time-column COL
(ISO 8601 or Unix epoch seconds/milliseconds; weeks start on Monday; UTC unless the data carry one offset).
Several --current files, or a folder (its .csv, .tsv, .txt files), are batches, one chunk each, ordered by
--time-column when given, else by file name. --reference-chunks cuts the reference the same way (each
chunk scored against the rest of the reference); --threshold-from-reference [K] adds thresholds mean ± K·sd
of those scores (K = 3). The JSON gains a "timeline" section, the HTML and PDF a timeline heatmap;
--timeline-csv FILE writes one row per chunk and column. Progress goes to stderr.
--fail-on-drift exits 1 on dataset drift; --fail-on says on what: dataset (the default: the whole current
data), column (any tested column drifted), model (model quality degraded), any (any of these, or any chunk),
last-chunk (the last chunk of the timeline) or any-chunk; --fail-on implies --fail-on-drift.
--drift SPEC (simulate): shift:COL:DELTA (or 0.5sd), scale:COL:FACTOR, reweight:COL:A=W,B=W,
new-category:COL:NAME:SHARE, missing:COL:SHARE, break:COL, degrade:PREDICTION_COL:SHARE; @K starts it at
batch K (default: --drift-from, else the middle batch). See docs/monitoring.md.
A report path (--json, --html, --pdf, --csv) must not be an input file (also through another path or a
link), and its folder must exist and be writable; both are checked before the analysis runs.
Profiles: --reference and --current may be profiles (JSON with "format": "driftscope-profile", written by
driftscope profile, integrations/duckdb/profile.sql or a merge); a data file compared with a profile is
profiled first. Numeric tests on a profile's sketches are approximate and say so (docs/profiles.md);
--chunk, --labels and several --current files need data files.
--memory-budget SIZE (e.g. 4G, 512M; default 3/4 of the memory available, at most 1/8 of the machine's):
two data files (CSV, TSV or Parquet) estimated to need more to analyse whole are analysed from their streamed profiles instead (the outputs say so), unless a timeline,
batches, --labels, the multivariate detectors or a model's columns need the rows.
--debug: print the stack trace of an internal error.
Exit codes:
  0  done (no drift, or drift without --fail-on-drift)
  1  dataset drift detected with --fail-on-drift (as --fail-on chose)
  2  bad input or usage: unreadable or invalid file, unknown flag, a report path that is an input or
     cannot be written; also a timeline that cannot be made (no such time column, mixed timestamp
     formats) or a batch file that cannot be read: the reports are still written, with the message
  3  internal error (a bug: please report it, with the output of --debug)
  4  a report file could not be written (stderr names each, and why); the others were written
`;

/**
 * Promise.all that settles only once every load has: the first failure (in time) is rethrown after the
 * others end, so that no Parquet read is still running in its worker when the CLI exits (DuckDB's native
 * code aborts the process if its worker is torn down mid-query).
 */
async function allLoads<T extends readonly unknown[]>(loads: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  let failure: { error: unknown } | null = null;
  const settled = await Promise.allSettled(
    loads.map((load) =>
      load.catch((error: unknown) => {
        failure ??= { error };
        throw error;
      }),
    ),
  );
  if (failure !== null) throw (failure as { error: unknown }).error;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** Loads both files (messages name each path as given) and analyses them. */
async function analyze(
  engine: EngineClient,
  reference: string,
  current: string,
  settings: AnalysisSettings,
  options: FileLoadOptions = {},
) {
  await allLoads([
    engine.load('reference', path.resolve(reference), { ...options, displayPath: reference }),
    engine.load('current', path.resolve(current), { ...options, displayPath: current }),
  ]);
  return engine.analyze(settings);
}

function writeJson(target: string, value: unknown): void {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (target === '-') process.stdout.write(text);
  else writeFileAtomic(path.resolve(target), text);
}

/**
 * Refuses, before any analysis, a report path that would overwrite an input (same path, another path,
 * a symlink or a hard link) or whose folder is missing or not writable; the message names the flag and path.
 */
function checkOutputs(targets: Partial<Record<string, string>>, inputs: (string | undefined)[]): void {
  const given = inputs.filter((i): i is string => i !== undefined);
  for (const [format, target] of Object.entries(targets)) {
    if (target === undefined) continue;
    const input = inputOverwrittenBy(target, given);
    if (input !== undefined)
      throw new UsageError(`--${format} ${target} is the input file ${input}; choose another report path`);
    const problem = outputLocationProblem(target);
    if (problem !== null) throw new UsageError(`cannot write --${format} ${target}: ${problem}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const help = argv.some((arg) => arg === '--help' || arg === '-h');
  if (command === undefined || command === 'help' || help) {
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
  const say = (line: string) => process.stderr.write(`${line}\n`);
  if (command === 'simulate') return simulateCommand(rest, say);
  if (command === 'baseline') return baselineCommand(rest, say);
  if (command === 'monitor') return monitorCommand(rest, say);
  if (command === 'profile') return profileCommand(rest, say);
  if (command !== 'analyze') throw new UsageError(`unknown command "${command}"`);
  const { values } = parseArgs({
    args: normaliseAnalyzeArgs(rest),
    strict: true,
    options: {
      reference: { type: 'string' },
      current: { type: 'string', multiple: true },
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
      multivariate: { type: 'boolean', default: false },
      'no-multivariate': { type: 'boolean', default: false },
      ...SHADOW_SERVING_OPTIONS,
      'fail-on-drift': { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
      chunk: { type: 'string' },
      'time-column': { type: 'string' },
      'reference-chunks': { type: 'boolean', default: false },
      'threshold-from-reference': { type: 'string' },
      html: { type: 'string' },
      pdf: { type: 'string' },
      csv: { type: 'string' },
      'timeline-csv': { type: 'string' },
      'page-size': { type: 'string' },
      encoding: { type: 'string' },
      decimal: { type: 'string' },
      'memory-budget': { type: 'string' },
    },
  });
  if (!values.reference || !values.current || values.current.length === 0)
    throw new UsageError('analyze needs --reference REF and --current CUR');
  const loadOptions = fileLoadFlags(values);
  const failOn = values['fail-on'] ?? 'dataset';
  if (!(FAIL_ON as readonly string[]).includes(failOn))
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, got "${failOn}"`);
  const failOnDrift = values['fail-on-drift'] || values['fail-on'] !== undefined;
  const pageSize = values['page-size'] ?? 'A4';
  if (!isPageSize(pageSize)) throw new UsageError(`--page-size must be one of ${PAGE_SIZES.join(', ')}`);
  const reportTargets: Partial<Record<ReportFormat, string>> = {};
  for (const format of ['html', 'pdf', 'csv'] as const) {
    const target = values[format];
    if (target === undefined) continue;
    if (target === '' || target === '-') throw new UsageError(`--${format} needs a file name`);
    reportTargets[format] = target;
  }
  const timelineCsv = values['timeline-csv'];
  if (timelineCsv === '' || timelineCsv === '-') throw new UsageError('--timeline-csv needs a file name');
  const currents = currentFiles(values.current);
  checkOutputs(
    {
      ...reportTargets,
      ...(timelineCsv !== undefined ? { 'timeline-csv': timelineCsv } : {}),
      ...(values.json !== undefined && values.json !== '-' ? { json: values.json } : {}),
    },
    [values.reference, ...currents, values.labels, values.config],
  );
  const config = values.config ? readConfigFile(values.config) : null;
  const timelineOptions = timelineRequest(values, config?.timeline, currents.length);
  if (timelineOptions === null && timelineCsv !== undefined)
    throw new UsageError('--timeline-csv needs a timeline: --chunk SPEC or several --current files');
  if (timelineOptions === null && (CHUNK_FAIL_ON as readonly string[]).includes(failOn))
    throw new UsageError(`--fail-on ${failOn} needs a timeline: --chunk SPEC or several --current files`);
  const settings = applySettingsFlags(config ? config.settings : DEFAULT_SETTINGS, values);
  const budget = parseByteSize(values['memory-budget'], 'memory-budget') ?? defaultMemoryBudget();
  const profiles = isProfileFile(path.resolve(values.reference)) || isProfileFile(path.resolve(currents[0]));
  // Files too large for the budget are analysed from their streamed profiles, unless what was asked needs
  // the rows (a timeline, batches, labels, the multivariate detectors, model quality).
  const needsRows =
    currents.length > 1 ||
    timelineOptions !== null ||
    values.labels !== undefined ||
    settings.multivariate?.enabled === true ||
    settings.performance?.target !== undefined ||
    (settings.performance?.prediction ?? null) !== null ||
    (settings.performance?.proba?.length ?? 0) > 0;
  const streamedNote =
    profiles || needsRows ? null : await streamedProfilesNote(values.reference, currents[0], budget, values);
  if (streamedNote !== null) say(`driftscope: ${streamedNote}`);
  if (profiles || streamedNote !== null)
    return analyzeProfilesCommand(
      values.reference,
      currents,
      settings,
      values,
      reportTargets,
      pageSize,
      failOnDrift,
      failOn as FailOn,
      streamedNote,
    );
  if (reportTargets.pdf !== undefined) await preflightPdf();
  if (values.labels !== undefined && !settings.performance.id)
    throw new UsageError('--labels needs --id COL');
  const engine = new EngineClient();
  try {
    if (values.labels !== undefined)
      await engine.loadLabels(path.resolve(values.labels), { ...loadOptions, displayPath: values.labels });
    const reference = path.resolve(values.reference);
    let badInput = false;
    const batchNotes: string[] = [];
    let result: AnalysisResult;
    // The time column is the timeline's axis, not a feature: left out of the two-file analysis too.
    const wholeSettings = timelineOptions ? chunkSettings(settings, timelineOptions.chunking) : settings;
    if (currents.length > 1) {
      say(`Loading ${currents.length} current files as batches…`);
      const [, batches] = await allLoads([
        engine.load('reference', reference, { ...loadOptions, displayPath: values.reference }),
        engine.loadBatches(
          currents.map((c) => path.resolve(c)),
          loadOptions,
        ),
      ]);
      for (const failed of batches.failed) {
        const note = `${failed.message} The batch ${failed.file} is left out; the other batches are analysed.`;
        batchNotes.push(note);
        say(`driftscope: ${note}`);
        badInput = true;
      }
      result = await engine.analyze(wholeSettings);
    } else result = await analyze(engine, values.reference, currents[0], wholeSettings, loadOptions);
    let timeline: Timeline | null = null;
    if (timelineOptions !== null) {
      const off = engine.onTimelineProgress(timelineProgress());
      try {
        timeline =
          currents.length > 1
            ? await engine.timelineBatches(settings, timelineOptions)
            : await engine.timeline(settings, timelineOptions);
        timeline.notes.unshift(...batchNotes);
      } catch (error) {
        if (!(error instanceof DatasetError)) throw error;
        say(`driftscope: timeline not made: ${error.message} The two-file analysis is reported.`);
        timeline = failedTimeline(timelineOptions.chunking, error.message);
        badInput = true;
      } finally {
        off();
      }
      for (const message of timelineMessages(timeline, result)) say(`timeline: ${printableLine(message)}`);
      result = { ...result, timeline };
    }
    const failed = await writeOutputs(result, timeline, values.json, reportTargets, pageSize, say, () => {
      if (timeline === null || timelineCsv === undefined) return null;
      const text = timelineCsvText(timeline);
      writeFileAtomic(path.resolve(timelineCsv), text);
      return { file: path.resolve(timelineCsv), bytes: Buffer.byteLength(text) };
    });
    if (badInput) return 2;
    if (failed > 0) return 4;
    return failOnDrift && failsOn(failOn as FailOn, result, timeline) ? 1 : 0;
  } finally {
    await engine.close();
  }
}

/** `analyze` on profiles (docs/profiles.md): the JSON, text and report outputs of a two-file analysis. */
async function analyzeProfilesCommand(
  reference: string,
  currents: string[],
  settings: AnalysisSettings,
  values: { json?: string; chunk?: string; labels?: string; encoding?: string; decimal?: string },
  reportTargets: Partial<Record<ReportFormat, string>>,
  pageSize: 'A4' | 'Letter',
  failOnDrift: boolean,
  failOn: FailOn,
  /** Why the files' profiles are analysed instead of their rows (the memory budget), for the outputs. */
  streamedNote: string | null = null,
): Promise<number> {
  if (currents.length > 1) throw new UsageError('a profile is compared with one --current file');
  if (values.chunk !== undefined) throw new UsageError('--chunk needs data files, not profiles');
  if (values.labels !== undefined) throw new UsageError('--labels needs data files, not profiles');
  const result = await analyzeWithProfiles(reference, currents[0], settings, values);
  if (streamedNote !== null) result.reference.warnings.unshift(streamedNote);
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const failed = await writeOutputs(result, null, values.json, reportTargets, pageSize, say);
  if (failed > 0) return 4;
  return failOnDrift && failsOn(failOn, result, null) ? 1 : 0;
}

/**
 * The outputs of one analysis: the JSON (to a file or stdout) or the readable summary (with the timeline's
 * table), the reports, `extra` (a further file it writes, e.g. the timeline CSV), a line per report that
 * failed, and the verdict line when the JSON went to a file. Returns how many reports failed.
 */
async function writeOutputs(
  result: AnalysisResult,
  timeline: Timeline | null,
  json: string | undefined,
  reportTargets: Partial<Record<ReportFormat, string>>,
  pageSize: 'A4' | 'Letter',
  say: (line: string) => void,
  extra: () => { file: string; bytes: number } | null = () => null,
): Promise<number> {
  if (json !== undefined) writeJson(json, result);
  else {
    process.stdout.write(formatSummary(result));
    if (timeline !== null) process.stdout.write(formatTimeline(timeline, chunkingText(timeline.chunking)));
  }
  const wrote = (report: { file: string; bytes: number }) =>
    process.stderr.write(`Wrote ${report.file} (${formatBytes(report.bytes)})\n`);
  const { failed } = await writeReports(
    result,
    reportTargets,
    { pageSize, printPdf: createCliPdfPrinter() },
    wrote,
  );
  const written = extra();
  if (written !== null) wrote(written);
  for (const failure of failed) say(reportFailureLine(failure, debug));
  if (json !== undefined && json !== '-') process.stderr.write(verdictLine(result));
  return failed.length;
}

/** Chunk progress on stderr (cli-progress.ts). */
function timelineProgress(): (p: TimelineProgress) => void {
  const report = progressReporter('Timeline', (done, total) => `(${done} of ${total} chunks)`);
  return ({ done, total }) => report(done, total);
}

const args = process.argv.slice(2);
const debug = args.includes('--debug');
main(args.filter((a) => a !== '--debug')).then(
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
      process.stderr.write(
        `driftscope: ${(error as Error).message}\nRun driftscope --help for every command, flag and exit code.\n`,
      );
    } else {
      const detail = debug
        ? ((error as Error).stack ?? String(error))
        : `${(error as Error).message ?? String(error)} (run again with --debug for details)`;
      process.stderr.write(`driftscope: internal error: ${detail}\n`);
      process.exitCode = 3;
      return;
    }
    process.exitCode = 2;
  },
);
