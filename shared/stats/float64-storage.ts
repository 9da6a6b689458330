/**
 * Where a loaded column's Float64Arrays live: its values (ColumnBuilder) and its sorted finite values
 * (sortedValues). By default ordinary memory; a parse worker passes storage in a SharedArrayBuffer
 * (electron/engine/shared-storage.ts), so that the engine can hand a column to a second thread for its
 * tests without a copy (electron/engine/column-tests-in-worker.ts).
 */
export type Float64Storage = (length: number) => Float64Array;

/** Ordinary (unshared) storage. */
export const plainFloat64: Float64Storage = (length) => new Float64Array(length);
