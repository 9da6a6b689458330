/**
 * One analysis chunk of a table as a table of its own, with the settings its timeline analysis used:
 * what the app's chunk detail compares with the reference (the same cut as analyzeTimeline, so the
 * chunk's scores are those the timeline showed).
 */
import { DatasetError } from '../dataset-error';
import type { AnalysisSettings } from '../drift/settings';
import type { ColumnarTable } from '../table/columnar';
import { chunkSettings } from './analyze-timeline';
import { cutTable } from './cut-table';
import { sliceTable } from './slice-table';
import type { Chunking } from './types';

/**
 * @param chunk position among the analysis chunks (0-based, reference chunks not counted).
 * @throws DatasetError when the chunking does not apply, the position is out of range, or the chunk is a
 * gap (no rows).
 */
export function chunkTable(
  current: ColumnarTable,
  chunking: Chunking,
  chunk: number,
  settings: AnalysisSettings,
): { table: ColumnarTable; label: string; settings: AnalysisSettings } {
  const { plans } = cutTable(current, chunking, []);
  const plan = Number.isInteger(chunk) ? plans[chunk] : undefined;
  if (!plan) {
    throw new DatasetError(
      `${current.fileName} has ${plans.length} chunk(s) under this chunking; there is no chunk ${chunk + 1}.`,
      current.fileName,
    );
  }
  if (plan.rows.length === 0) {
    throw new DatasetError(
      `${plan.label} holds no rows (a gap): there is nothing to show.`,
      current.fileName,
    );
  }
  return {
    table: sliceTable(current, plan.rows, `${current.fileName} [${plan.label}]`),
    label: plan.label,
    settings: chunkSettings(settings, chunking),
  };
}
