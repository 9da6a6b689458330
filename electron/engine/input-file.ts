/**
 * Opening a data file for a loader (CSV or Parquet): its size, with a message naming the path as the user
 * gave it when it is missing, not a file, unreadable or empty, and reads of a few bytes at a position.
 * Files are only ever opened for reading.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { DatasetError } from '../../shared/dataset-error';

/** The size in bytes of the data file at `filePath`; `shown` is the path as the user gave it. */
export function inputFileSize(filePath: string, shown: string): number {
  let size: number;
  try {
    const stat = statSync(filePath);
    if (!stat.isFile()) throw new DatasetError(`${shown} is not a file.`, shown);
    size = stat.size;
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : String(code);
    throw new DatasetError(`Cannot open ${shown}: ${why}.`, shown);
  }
  if (size === 0) throw new DatasetError(`${shown} is empty (0 bytes).`, shown);
  return size;
}

/** Reads up to `length` bytes of a file from byte `position`. */
export function readBytes(filePath: string, length: number, position: number): Buffer {
  const fd = openSync(filePath, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const n = readSync(fd, buffer, 0, buffer.length, position);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
