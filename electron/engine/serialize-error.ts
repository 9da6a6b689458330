import { DatasetError } from '../../shared/dataset-error';
import type { SerializedError } from './protocol';

/** Turns any thrown value into plain data that survives postMessage. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof DatasetError) {
    return {
      name: error.name,
      message: error.message,
      stack: error.stack,
      kind: 'dataset',
      file: error.file,
      line: error.line,
      column: error.column,
    };
  }
  if (error instanceof Error) {
    const kind = error.name === 'CancelledError' ? 'cancelled' : 'internal';
    return { name: error.name, message: error.message, stack: error.stack, kind };
  }
  return { name: 'Error', message: String(error), kind: 'internal' };
}

/** Rebuilds an error from plain data, keeping the file, line and column of dataset errors. */
export function deserializeError(data: SerializedError, context: string): Error {
  if (data.kind === 'dataset') {
    return new DatasetError(data.message, data.file ?? '', data.line ?? null, data.column ?? null);
  }
  if (data.kind === 'cancelled') return new CancelledError(data.message);
  const error = new Error(`${context}: ${data.message}`);
  error.name = data.name;
  if (data.stack) error.stack = `${error.name}: ${error.message}\n--- in the engine ---\n${data.stack}`;
  return error;
}

export class CancelledError extends Error {
  override name = 'CancelledError';
}
