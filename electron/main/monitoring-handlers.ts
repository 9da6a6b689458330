/**
 * Handlers of the monitoring channels (shared/api.ts): "Save as baseline" (the builder of `driftscope
 * baseline`, electron/monitor/build-baseline.ts), "Open baseline" (validated, its reference checked by SHA-256
 * as the monitor does, then loaded) and "Open monitor history" (the monitor's SQLite file read-only, as a
 * timeline: shared/monitoring/history-timeline.ts). Plain Node like handlers.ts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DatasetRole, LoadOutcome } from '../../shared/api';
import { DatasetError } from '../../shared/dataset-error';
import { parseSettings } from '../../shared/drift/settings';
import { historyTimeline } from '../../shared/monitoring/history-timeline';
import { inputOverwrittenBy } from '../io/same-file';
import { writeFileAtomic } from '../io/write-file-atomic';
import { checkBaselineReference, readBaselineFile } from '../monitor/baseline-file';
import { buildBaseline, defaultModelName, serializeBaseline } from '../monitor/build-baseline';
import { HistoryStore } from '../monitor/history-store';
import type { LoadedPaths } from './explore-handlers';
import type { InvokeHandlers } from './ipc';

export interface MonitoringDeps {
  /** Save dialog for a baseline; resolves with the chosen path or null. */
  chooseBaselineSaveFile(defaultName: string): Promise<string | null>;
  /** Open dialog for a baseline; resolves with the path or null. */
  chooseBaselineFile(): Promise<string | null>;
  /** Open dialog for a monitor history; resolves with the path or null. */
  chooseHistoryFile(): Promise<string | null>;
  /** Asks where a baseline's reference went (it no longer exists); null to give up. */
  locateFile(role: DatasetRole, missingPath: string): Promise<string | null>;
}

export function createMonitoringHandlers(
  deps: MonitoringDeps,
  paths: LoadedPaths,
  load: (role: DatasetRole, filePath: string) => Promise<LoadOutcome>,
) {
  return {
    'baseline:save': async (settings) => {
      const valid = parseSettings(settings, 'analysis settings');
      const reference = paths.reference;
      if (!reference) throw new DatasetError('Open a reference file before saving a baseline.', '');
      const model = defaultModelName(reference);
      const file = await deps.chooseBaselineSaveFile(`${model}.baseline.json`);
      if (file === null) return null;
      const opened = [paths.reference, paths.current].filter((p): p is string => p !== undefined);
      const input = inputOverwrittenBy(file, opened);
      if (input !== undefined)
        throw new DatasetError(
          `${file} is the opened file ${input}; a baseline cannot replace its input. Choose another name.`,
          path.basename(file),
        );
      const baseline = await buildBaseline(reference, valid, model);
      writeFileAtomic(file, serializeBaseline(baseline));
      return {
        fileName: path.basename(file),
        model,
        columns: baseline.columns.length,
        rows: baseline.reference.rows,
      };
    },
    'baseline:open': async () => {
      const file = await deps.chooseBaselineFile();
      if (file === null) return null;
      const fileName = path.basename(file);
      const baseline = readBaselineFile(file, fileName);
      let reference = baseline.reference.path;
      if (!existsSync(reference)) {
        const located = await deps.locateFile('reference', reference);
        if (located === null) return null;
        reference = located;
      }
      await checkBaselineReference(baseline, reference, path.basename(reference), fileName);
      const outcome = await load('reference', reference);
      return {
        reference: outcome,
        baseline: {
          fileName,
          model: baseline.model,
          createdAt: baseline.createdAt,
          settings: baseline.settings,
        },
      };
    },
    'history:open': async () => {
      const file = await deps.chooseHistoryFile();
      if (file === null) return null;
      const fileName = path.basename(file);
      let store: HistoryStore;
      try {
        store = HistoryStore.openReadOnly(file);
      } catch (error) {
        throw new DatasetError(
          `${fileName} cannot be read as a monitor history: ${(error as Error).message}`,
          fileName,
        );
      }
      try {
        return historyTimeline(store.all(), fileName, store.baselineSha256());
      } catch (error) {
        throw new DatasetError(
          `${fileName} cannot be read as a monitor history: ${(error as Error).message}`,
          fileName,
        );
      } finally {
        store.close();
      }
    },
  } satisfies Partial<InvokeHandlers>;
}
