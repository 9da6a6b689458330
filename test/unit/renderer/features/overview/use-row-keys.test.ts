/** The drift table's keyboard steps. Oracle: the key table in use-row-keys.ts, clamped to the table's ends. */
import { describe, expect, it } from 'vitest';
import { nextRowIndex } from '../../../../../renderer/src/features/overview/use-row-keys';

describe('nextRowIndex', () => {
  it('moves by one, ten, or to the ends, clamped', () => {
    expect(nextRowIndex('ArrowDown', 3, 8)).toBe(4);
    expect(nextRowIndex('ArrowUp', 0, 8)).toBe(0);
    expect(nextRowIndex('PageDown', 3, 8)).toBe(7);
    expect(nextRowIndex('PageUp', 15, 40)).toBe(5);
    expect(nextRowIndex('Home', 30, 40)).toBe(0);
    expect(nextRowIndex('End', 3, 40)).toBe(39);
  });
  it('ignores other keys, including names on Object.prototype', () => {
    expect(nextRowIndex('a', 3, 8)).toBeNull();
    expect(nextRowIndex('toString', 3, 8)).toBeNull();
  });
});
