/**
 * The settings file's (and the app session's) `timeline` block: the shape of TimelineSpec
 * (analyze-timeline.ts), validated like the rest of the settings (docs/settings.md).
 *
 * @example parseTimelineSpec({ chunking: { kind: 'period', period: 'week', timeColumn: 'ts' } }, 'cfg.json')
 */
import { DatasetError } from '../dataset-error';
import type { TimelineSpec } from './analyze-timeline';
import { type Chunking, PERIODS, type Period } from './types';

function fail(where: string, message: string): never {
  throw new DatasetError(`${where}: timeline.${message}`, where);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wholeNumber(value: unknown, where: string, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    fail(where, `${path} must be a whole number ≥ 1`);
  return value;
}

function parseChunkingBlock(value: unknown, where: string): Chunking {
  if (!isRecord(value)) fail(where, 'chunking must be an object such as {"kind": "size", "size": 1000}');
  const keys: Record<string, string[]> = {
    size: ['kind', 'size', 'timeColumn'],
    count: ['kind', 'count', 'timeColumn'],
    period: ['kind', 'period', 'timeColumn'],
    batch: ['kind', 'timeColumn'],
  };
  const kind = value.kind;
  if (typeof kind !== 'string' || !(kind in keys))
    fail(where, `chunking.kind must be one of size, count, period, batch (got ${JSON.stringify(kind)})`);
  for (const key of Object.keys(value))
    if (!keys[kind].includes(key)) fail(where, `chunking: unknown key "${key}" for kind ${kind}`);
  const timeColumn = value.timeColumn;
  if (timeColumn !== undefined && (typeof timeColumn !== 'string' || timeColumn === ''))
    fail(where, 'chunking.timeColumn must be a column name');
  const time = timeColumn === undefined ? {} : { timeColumn: timeColumn as string };
  if (kind === 'size') return { kind, size: wholeNumber(value.size, where, 'chunking.size'), ...time };
  if (kind === 'count') return { kind, count: wholeNumber(value.count, where, 'chunking.count'), ...time };
  if (kind === 'batch') return { kind, ...time };
  if (!PERIODS.includes(value.period as Period))
    fail(where, `chunking.period must be one of ${PERIODS.join(', ')}`);
  if (timeColumn === undefined) fail(where, 'chunking: a period chunking needs its timeColumn');
  return { kind: 'period', period: value.period as Period, timeColumn: timeColumn as string };
}

/** @throws DatasetError naming `where` and the offending key. */
export function parseTimelineSpec(value: unknown, where: string): TimelineSpec {
  if (!isRecord(value)) fail(where, '(the block) must be an object with a chunking');
  for (const key of Object.keys(value))
    if (!['chunking', 'referenceChunks', 'thresholdFromReference'].includes(key))
      fail(where, `unknown key "${key}"`);
  const spec: TimelineSpec = { chunking: parseChunkingBlock(value.chunking, where) };
  if (value.referenceChunks !== undefined) {
    if (typeof value.referenceChunks !== 'boolean') fail(where, 'referenceChunks must be true or false');
    spec.referenceChunks = value.referenceChunks;
  }
  const threshold = value.thresholdFromReference;
  if (threshold === null) spec.thresholdFromReference = null;
  else if (threshold !== undefined) {
    if (!isRecord(threshold))
      fail(where, 'thresholdFromReference must be an object such as {"k": 3}, or null');
    for (const key of Object.keys(threshold))
      if (key !== 'k') fail(where, `thresholdFromReference: unknown key "${key}"`);
    const k = threshold.k;
    if (k !== undefined && (typeof k !== 'number' || !Number.isFinite(k) || k < 0))
      fail(where, 'thresholdFromReference.k must be a number ≥ 0');
    spec.thresholdFromReference = k === undefined ? {} : { k: k as number };
  }
  return spec;
}
