/**
 * Column storage in shared memory. A parse worker allocates its number columns and their sorted values
 * here (float64-storage.ts), so that a table posted to the engine shares them rather than moving them, and
 * the engine can post a column on to a second thread (column-tests-in-worker.ts, detectors-in-worker.ts)
 * without a copy, and keep reading it meanwhile. Loaded columns are never written after loading.
 */
import type { Float64Storage } from '../../shared/stats/float64-storage';

/** A Float64Array over a SharedArrayBuffer of its own (zero-filled, like `new Float64Array(n)`). */
export const sharedFloat64: Float64Storage = (length) =>
  new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));

/** Whether posting `array` to a worker shares its memory (no copy, no transfer). */
export function isShared(array: ArrayBufferView): boolean {
  return array.buffer instanceof SharedArrayBuffer;
}
