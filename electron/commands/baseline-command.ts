/**
 * `driftscope baseline --reference REF [--config FILE] [mapping flags] [--multivariate] [--model NAME] --out baseline.json`:
 * analyses the reference against itself with the same engine and settings as `analyze`, and saves the
 * baseline (electron/monitor/build-baseline.ts, the app's builder too) atomically. Refuses an --out that is the reference itself.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SETTINGS } from '../../shared/drift/settings';
import {
  applySettingsFlags,
  type PerformanceFlags,
  performanceFlags,
  readConfig,
  SHADOW_SERVING_OPTIONS,
  UsageError,
} from '../cli-options';
import { isSameFile } from '../io/same-file';
import { writeFileAtomic } from '../io/write-file-atomic';
import { buildBaseline, defaultModelName, serializeBaseline } from '../monitor/build-baseline';

export const MAPPING_OPTIONS = {
  target: { type: 'string' },
  prediction: { type: 'string' },
  proba: { type: 'string' },
  'pos-label': { type: 'string' },
  task: { type: 'string' },
  'no-performance': { type: 'boolean', default: false },
  ...SHADOW_SERVING_OPTIONS,
} as const;

export async function baselineCommand(args: string[], say: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      reference: { type: 'string' },
      config: { type: 'string' },
      model: { type: 'string' },
      out: { type: 'string' },
      multivariate: { type: 'boolean', default: false },
      'no-multivariate': { type: 'boolean', default: false },
      ...MAPPING_OPTIONS,
    },
  });
  if (!values.reference || !values.out) throw new UsageError('baseline needs --reference REF and --out FILE');
  const reference = path.resolve(values.reference);
  const out = path.resolve(values.out);
  if (isSameFile(reference, out))
    throw new UsageError(`--out ${values.out} is the reference file; choose another name`);
  const settings = values.config ? readConfig(values.config) : undefined;
  const merged = { test: null, threshold: null, shareThreshold: 0.5, ...settings };
  const performance = performanceFlags(values as PerformanceFlags, merged.performance);
  // No mapping flags and none in the config: no `performance` block, as the app saves it (same bytes).
  if (merged.performance !== undefined || Object.keys(performance).length > 0)
    merged.performance = performance;
  // --multivariate / --no-multivariate: the detectors run on every batch the monitor analyses.
  if (values.multivariate || values['no-multivariate'])
    merged.multivariate = applySettingsFlags(
      { ...DEFAULT_SETTINGS, ...merged },
      { multivariate: values.multivariate, 'no-multivariate': values['no-multivariate'] },
    ).multivariate;
  const model = values.model ?? defaultModelName(values.reference);
  const baseline = await buildBaseline(reference, merged, model);
  writeFileAtomic(out, serializeBaseline(baseline));
  const metrics = baseline.performance
    ? `, ${baseline.performance.task} model metrics`
    : ', no model metrics';
  say(
    `Wrote ${values.out}: model "${model}", ${baseline.columns.length} columns, ${baseline.reference.rows} reference rows${metrics}`,
  );
  return 0;
}
