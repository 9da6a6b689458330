// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isOutOfMemory, tooLargeError } from '../../../../electron/engine/out-of-memory';

describe('out-of-memory errors become a message about the file', () => {
  it('recognises a typed array that cannot grow, and the worker heap limit', () => {
    let real: unknown;
    try {
      // A real allocation failure: more bytes than any ArrayBuffer may hold.
      new Float64Array(2 ** 53);
    } catch (error) {
      real = error;
    }
    expect(isOutOfMemory(real)).toBe(true);
    expect(isOutOfMemory(Object.assign(new Error('x'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }))).toBe(true);
    expect(isOutOfMemory(new RangeError('threshold must be in [0, 1]'))).toBe(false);
    expect(isOutOfMemory('nope')).toBe(false);
  });

  it('names the file and what to do', () => {
    expect(tooLargeError('huge.csv', 5.2e9).message).toBe(
      'huge.csv (5.2 GB) is too large to load into memory on this machine. Try a sample of its rows.',
    );
  });
});
