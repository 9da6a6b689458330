/**
 * One worker run to its one answer: the worker bundle beside this one (dist/electron) is started with
 * `workerData`; each message it posts is read by `message`, which returns the value or error that settles
 * the run (null: not yet, e.g. progress). The first settlement wins and terminates the worker; an error the
 * worker throws, or its exit before answering, settles with `failed` or `exited`; `signal` aborted settles
 * with its reason (terminating the worker: not for a worker that may be running a DuckDB query).
 */
import path from 'node:path';
import { type ResourceLimits, Worker } from 'node:worker_threads';

export interface WorkerTaskHandlers<M, T> {
  message(message: M): { value: T } | { error: Error } | null;
  failed(error: Error): Error;
  exited(code: number): Error;
}

export function workerTask<M, T>(
  bundle: string,
  workerData: unknown,
  handlers: WorkerTaskHandlers<M, T>,
  resourceLimits?: ResourceLimits,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, bundle), {
      workerData,
      ...(resourceLimits && { resourceLimits }),
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    worker.on('message', (message: M) => {
      const outcome = handlers.message(message);
      if (outcome === null) return;
      settle(() => ('value' in outcome ? resolve(outcome.value) : reject(outcome.error)));
    });
    worker.on('error', (error: Error) => settle(() => reject(handlers.failed(error))));
    worker.on('exit', (code) => settle(() => reject(handlers.exited(code))));
    signal?.addEventListener('abort', () => settle(() => reject(signal.reason)), { once: true });
  });
}
