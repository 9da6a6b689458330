/**
 * The one builder of a baseline file (docs/monitoring.md), used by `driftscope baseline` and by the app's
 * "Save as baseline": the reference is analysed against itself in an engine worker of its own (the app's
 * loaded files stay as they are), with the settings given, and the result becomes the baseline
 * (shared/monitoring/baseline.ts). Both write `serializeBaseline`'s text, so the same inputs give the same bytes
 * apart from `createdAt`.
 */
import path from 'node:path';
import type { AnalysisSettings } from '../../shared/drift/settings';
import { type Baseline, baselineFromResult } from '../../shared/monitoring/baseline';
import { EngineClient } from '../engine/engine-client';

/** The `model` label when none is given: the reference's file name without .csv/.tsv/.txt (and .gz). */
export function defaultModelName(referencePath: string): string {
  return path.basename(referencePath).replace(/\.(csv|tsv|txt)(\.gz)?$/i, '');
}

/** The baseline of `referencePath` (absolute) under `settings`, labelled `model`. */
export async function buildBaseline(
  referencePath: string,
  settings: AnalysisSettings,
  model: string,
): Promise<Baseline> {
  const engine = new EngineClient();
  try {
    await Promise.all([engine.load('reference', referencePath), engine.load('current', referencePath)]);
    const result = await engine.analyze(settings);
    return baselineFromResult(result, referencePath, model);
  } finally {
    await engine.close();
  }
}

/** The text of a baseline file: two-space JSON and a final newline. */
export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}
