/**
 * `driftscope baseline --reference REF [--config FILE] [mapping flags] [--model NAME] --out baseline.json`:
 * analyses the reference against itself with the same engine and settings as `analyze`, and saves the
 * baseline (shared/monitoring/baseline.ts) atomically. Refuses an --out that is the reference itself.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { baselineFromResult } from '../../shared/monitoring/baseline';
import {
  type PerformanceFlags,
  performanceFlags,
  readConfig,
  SHADOW_SERVING_OPTIONS,
  UsageError,
} from '../cli-options';
import { EngineClient } from '../engine/engine-client';
import { writeFileAtomic } from '../io/write-file-atomic';

export const MAPPING_OPTIONS = {
  target: { type: 'string' },
  prediction: { type: 'string' },
  proba: { type: 'string' },
  'pos-label': { type: 'string' },
  task: { type: 'string' },
  'no-performance': { type: 'boolean', default: false },
  ...SHADOW_SERVING_OPTIONS,
} as const;

const sameFile = (a: string, b: string): boolean => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

export async function baselineCommand(args: string[], say: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      reference: { type: 'string' },
      config: { type: 'string' },
      model: { type: 'string' },
      out: { type: 'string' },
      ...MAPPING_OPTIONS,
    },
  });
  if (!values.reference || !values.out) throw new UsageError('baseline needs --reference REF and --out FILE');
  const reference = path.resolve(values.reference);
  const out = path.resolve(values.out);
  if (sameFile(reference, out))
    throw new UsageError(`--out ${values.out} is the reference file; choose another name`);
  const settings = values.config ? readConfig(values.config) : undefined;
  const merged = { test: null, threshold: null, shareThreshold: 0.5, ...settings };
  merged.performance = performanceFlags(values as PerformanceFlags, merged.performance);
  const model = values.model ?? path.basename(values.reference).replace(/\.(csv|tsv|txt)(\.gz)?$/i, '');
  const engine = new EngineClient();
  try {
    await Promise.all([engine.load('reference', reference), engine.load('current', reference)]);
    const result = await engine.analyze(merged);
    const baseline = baselineFromResult(result, reference, model);
    writeFileAtomic(out, `${JSON.stringify(baseline, null, 2)}\n`);
    const metrics = baseline.performance
      ? `, ${baseline.performance.task} model metrics`
      : ', no model metrics';
    say(
      `Wrote ${values.out}: model "${model}", ${baseline.columns.length} columns, ${baseline.reference.rows} reference rows${metrics}`,
    );
  } finally {
    await engine.close();
  }
  return 0;
}
