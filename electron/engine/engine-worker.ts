/**
 * Worker entry: the engine. Holds the loaded datasets (their typed arrays never leave this thread) and
 * answers requests from the engine client: load (in a parse worker per file), cancel, analyze.
 */
import path from 'node:path';
import { parentPort, Worker } from 'node:worker_threads';
import type { DatasetRole, DatasetSummary } from '../../shared/api';
import { DatasetError } from '../../shared/dataset-error';
import { analyzeTables } from '../../shared/drift/analyze';
import type { ColumnarTable } from '../../shared/table/columnar';
import type { EngineMessage, EngineRequest, ParseWorkerMessage } from './protocol';
import { CancelledError, deserializeError, serializeError } from './serialize-error';

declare const __DRIFTSCOPE_VERSION__: string;

const port = parentPort!;
const tables: Partial<Record<DatasetRole, ColumnarTable>> = {};
const loading = new Map<DatasetRole, { worker: Worker; cancel: () => void }>();

function post(message: EngineMessage): void {
  port.postMessage(message);
}

function summarize(role: DatasetRole, table: ColumnarTable): DatasetSummary {
  return {
    role,
    fileName: table.fileName,
    rows: table.rowCount,
    columns: table.columns.map((c) => c.name),
    bytes: table.byteLength,
    delimiter: table.delimiter,
    warnings: table.warnings,
  };
}

function load(role: DatasetRole, filePath: string): Promise<DatasetSummary> {
  loading.get(role)?.cancel();
  delete tables[role];
  const fileName = path.basename(filePath);
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'parse-worker.cjs'), {
      workerData: { path: filePath },
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      loading.delete(role);
      fn();
    };
    loading.set(role, {
      worker,
      cancel: () => {
        settle(() => reject(new CancelledError(`Loading ${fileName} was cancelled.`)));
        void worker.terminate();
      },
    });
    worker.on('message', (message: ParseWorkerMessage) => {
      if (message.type === 'progress') {
        const { bytesRead, bytesTotal, rows } = message;
        post({ type: 'progress', progress: { role, bytesRead, bytesTotal, rows } });
      } else if (message.type === 'table') {
        settle(() => {
          tables[role] = message.table;
          resolve(summarize(role, message.table));
        });
        void worker.terminate();
      } else settle(() => reject(deserializeError(message.error, `Loading ${fileName}`)));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const message =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `${fileName} is too large to load into memory. Try a sample of its rows.`
          : `Loading ${fileName} failed: ${error.message}`;
      settle(() => reject(new DatasetError(message, fileName)));
    });
    worker.on('exit', (code) => {
      settle(() =>
        reject(new DatasetError(`Loading ${fileName} stopped unexpectedly (exit ${code}).`, fileName)),
      );
    });
  });
}

async function handle(request: EngineRequest): Promise<unknown> {
  switch (request.type) {
    case 'load':
      return load(request.role, request.path);
    case 'cancel':
      loading.get(request.role)?.cancel();
      return undefined;
    case 'analyze': {
      const { reference, current } = tables;
      if (!reference || !current) {
        const missing = !reference ? 'reference' : 'current';
        throw new DatasetError(`Open a ${missing} file first.`, '');
      }
      return analyzeTables(reference, current, request.settings, {
        version: __DRIFTSCOPE_VERSION__,
        now: new Date(),
      });
    }
  }
}

port.on('message', (message: { seq: number; request: EngineRequest }) => {
  handle(message.request).then(
    (result) => post({ type: 'response', seq: message.seq, result }),
    (error: unknown) => post({ type: 'response', seq: message.seq, error: serializeError(error) }),
  );
});
