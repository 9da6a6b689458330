/**
 * The command line's timeline (issue 11, docs/timeline.md): `--current` with several files or a folder
 * (batches), `--chunk size:N|count:N|period:P`, `--time-column COL`, `--reference-chunks`,
 * `--threshold-from-reference [K]` and the `--fail-on` gate; also the config file's `timeline` block.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DatasetError } from '../shared/dataset-error';
import { isTested } from '../shared/drift/is-tested';
import type { AnalysisResult } from '../shared/report/analysis-result';
import { parseChunking } from '../shared/timeline/parse-chunking';
import type { Timeline } from '../shared/timeline/types';
import { type ConfigTimeline as TimelineConfig, UsageError } from './cli-options';
import type { TimelineRequestOptions } from './engine/protocol';
import { BATCH_EXTENSIONS } from './monitor/batch-watcher';

/** What `--fail-on-drift` gates on; `dataset` (the default) is the two-file verdict on all of current. */
/**
 * What `--fail-on` gates on: `dataset` (the dataset verdict on all of current, the default), `column` (any
 * tested column drifted), `model` (model quality degraded), `any` (any of these, or any chunk of a timeline),
 * `last-chunk` / `any-chunk` (the dataset verdict of the timeline's last chunk / of any chunk).
 */
export const FAIL_ON = ['dataset', 'column', 'model', 'any', 'last-chunk', 'any-chunk'] as const;
/** The --fail-on values that need a timeline. */
export const CHUNK_FAIL_ON: readonly FailOn[] = ['last-chunk', 'any-chunk'];
export type FailOn = (typeof FAIL_ON)[number];

/**
 * Rewrites the analyze arguments for node:util parseArgs: `--current a.csv b.csv` becomes one `--current`
 * per file, and `--threshold-from-reference` without a number gets an empty value (K = 3).
 * @example normaliseAnalyzeArgs(['--current', 'a', 'b', '--threshold-from-reference']) // ['--current=a', '--current=b', '--threshold-from-reference=']
 */
export function normaliseAnalyzeArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--current') {
      let taken = 0;
      while (i + 1 < args.length && !args[i + 1].startsWith('--')) {
        out.push(`--current=${args[++i]}`);
        taken++;
      }
      if (taken === 0) out.push(arg);
    } else if (arg === '--threshold-from-reference') {
      const next = args[i + 1];
      if (next !== undefined && /^\d+(\.\d+)?$|^\.\d+$/.test(next)) out.push(`${arg}=${args[++i]}`);
      else out.push(`${arg}=`);
    } else out.push(arg);
  }
  return out;
}

/** The current files: each `--current` path, a folder standing for its data files sorted by name. */
export function currentFiles(given: readonly string[]): string[] {
  const files: string[] = [];
  for (const entry of given) {
    let isFolder = false;
    try {
      isFolder = statSync(entry).isDirectory();
    } catch {
      // not there: the loader reports it with the file's name
    }
    if (!isFolder) {
      files.push(entry);
      continue;
    }
    const inside = readdirSync(entry)
      .filter((n) => !n.startsWith('.') && BATCH_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e)))
      .sort()
      .map((n) => path.join(entry, n));
    if (inside.length === 0)
      throw new DatasetError(
        `The folder ${entry} holds no ${BATCH_EXTENSIONS.join(', ')} file to read as a batch.`,
        entry,
      );
    files.push(...inside);
  }
  return files;
}

export interface TimelineFlags {
  chunk?: string;
  'time-column'?: string;
  'reference-chunks'?: boolean;
  'threshold-from-reference'?: string;
}

/**
 * The timeline request from the flags over the config's block, or null when none is asked for (one
 * current file and no --chunk). Several current files are batches; --chunk then is a usage error.
 */
export function timelineRequest(
  flags: TimelineFlags,
  config: TimelineConfig | undefined,
  currentCount: number,
): TimelineRequestOptions | null {
  const spec = flags.chunk ?? (currentCount > 1 ? undefined : config?.chunk);
  const timeColumn = flags['time-column'] ?? config?.timeColumn;
  const referenceChunks = flags['reference-chunks'] === true || config?.referenceChunks === true;
  const fromFlag = flags['threshold-from-reference'];
  const fromConfig = config?.thresholdFromReference;
  let thresholdFromReference: { k?: number } | null = null;
  if (fromFlag !== undefined) {
    const k = fromFlag === '' ? undefined : Number(fromFlag);
    if (k !== undefined && !(Number.isFinite(k) && k >= 0))
      throw new UsageError(`--threshold-from-reference takes a number K >= 0, got "${fromFlag}"`);
    thresholdFromReference = k === undefined ? {} : { k };
  } else if (fromConfig !== undefined && fromConfig !== false)
    thresholdFromReference = fromConfig === true ? {} : { k: fromConfig };
  if (currentCount > 1) {
    if (flags.chunk !== undefined)
      throw new UsageError(
        `--chunk ${flags.chunk} cuts one current file; ${currentCount} current files are batches (one chunk each)`,
      );
    const chunking =
      timeColumn === undefined ? { kind: 'batch' as const } : { kind: 'batch' as const, timeColumn };
    return { chunking, referenceChunks, thresholdFromReference };
  }
  if (spec === undefined) {
    const extra = [
      flags['time-column'] !== undefined && '--time-column',
      flags['reference-chunks'] && '--reference-chunks',
      fromFlag !== undefined && '--threshold-from-reference',
    ].filter(Boolean);
    if (extra.length > 0)
      throw new UsageError(`${extra.join(', ')} needs a timeline: --chunk SPEC or several --current files`);
    return null;
  }
  let chunking: TimelineRequestOptions['chunking'];
  try {
    chunking = parseChunking(spec, timeColumn, flags.chunk !== undefined ? '--chunk' : 'timeline.chunk');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { chunking, referenceChunks, thresholdFromReference };
}

/** The timeline's analysis chunks (not the reference ones). */
function analysisChunks(timeline: Timeline) {
  return timeline.chunks.filter((c) => c.period === 'analysis');
}

/**
 * Whether `--fail-on-drift` fails (exit 1): `dataset` on the two-file verdict, `last-chunk` on the last
 * analysis chunk's dataset verdict, `any-chunk` on any analysis chunk's. A gap (no rows) is never drift.
 */
export function failsOn(failOn: FailOn, result: AnalysisResult, timeline: Timeline | null): boolean {
  const column = () => result.columns.some((c) => isTested(c) && c.driftDetected);
  const model = () => result.performance?.modelDegraded === true;
  if (failOn === 'column') return column();
  if (failOn === 'model') return model();
  if (failOn === 'any')
    return (
      result.dataset.driftDetected ||
      column() ||
      model() ||
      (timeline !== null && failsOn('any-chunk', result, timeline))
    );
  if (failOn === 'dataset' || timeline === null) return result.dataset.driftDetected;
  const chunks = analysisChunks(timeline);
  if (failOn === 'last-chunk') return chunks.at(-1)?.dataset?.driftDetected === true;
  return chunks.some((c) => c.dataset?.driftDetected === true);
}

/** The timeline when it could not be made: no chunk, and the reason as its note. */
export function failedTimeline(chunking: Timeline['chunking'], message: string): Timeline {
  return { chunking, chunks: [], notes: [message] };
}

/**
 * The timeline's messages for stderr: its notes, each chunk's notes, and the columns that the two-file
 * analysis tested but a chunk could not (absent from a batch, empty in that chunk), grouped by message with
 * the chunks' labels.
 */
export function timelineMessages(timeline: Timeline, result: AnalysisResult): string[] {
  const out: string[] = [...timeline.notes];
  const tested = new Set(result.columns.filter((c) => c.score !== null).map((c) => c.name));
  const grouped = new Map<string, string[]>();
  const add = (message: string, label: string) => {
    const labels = grouped.get(message) ?? [];
    labels.push(label);
    grouped.set(message, labels);
  };
  for (const chunk of timeline.chunks) {
    for (const note of chunk.notes) add(note, chunk.label);
    for (const column of chunk.columns) {
      if (column.score === null && column.note && tested.has(column.name))
        add(`${column.name}: ${column.note}`, chunk.label);
    }
  }
  for (const [message, labels] of grouped) {
    const where =
      labels.length <= 3
        ? labels.join(', ')
        : `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more chunks`;
    out.push(`${where}: ${message}`);
  }
  return out;
}

export function chunkingText(chunking: Timeline['chunking']): string {
  const on = chunking.timeColumn === undefined ? '' : ` on ${chunking.timeColumn}`;
  switch (chunking.kind) {
    case 'size':
      return `size:${chunking.size}${on}`;
    case 'count':
      return `count:${chunking.count}${on}`;
    case 'period':
      return `period:${chunking.period}${on}`;
    case 'batch':
      return `batches${chunking.timeColumn === undefined ? ' by file name' : ` ordered by ${chunking.timeColumn}`}`;
  }
}
