/** The drift table's virtualiser. Oracle: the formulas in its doc comments, worked by hand. */
import { describe, expect, it } from 'vitest';
import {
  OVERSCAN,
  ROW_HEIGHT,
  revealScrollTop,
  rowWindow,
} from '../../../../../renderer/src/features/overview/use-virtual-rows';

describe('rowWindow', () => {
  it('renders the rows in view plus 8 each side, spacers standing in for the rest', () => {
    expect(ROW_HEIGHT).toBe(44);
    expect(OVERSCAN).toBe(8);
    // 2,000 rows, 600 px from 44,000 px: rows ⌊44000/44⌋ − 8 = 992 to ⌈44600/44⌉ + 8 = 1022
    expect(rowWindow(44_000, 600, 2000)).toEqual({
      first: 992,
      last: 1022,
      padTop: 992 * 44,
      padBottom: (2000 - 1022) * 44,
    });
  });

  it('clamps to the table’s ends', () => {
    // top: ⌈600/44⌉ + 8 = 22
    expect(rowWindow(0, 600, 2000)).toEqual({ first: 0, last: 22, padTop: 0, padBottom: (2000 - 22) * 44 });
    expect(rowWindow(0, 600, 5)).toEqual({ first: 0, last: 5, padTop: 0, padBottom: 0 });
    expect(rowWindow(0, 600, 0)).toEqual({ first: 0, last: 0, padTop: 0, padBottom: 0 });
  });
});

describe('revealScrollTop', () => {
  // a 400 px box under a 34 px header shows 366 px of rows
  it('leaves a row in view alone', () => {
    expect(revealScrollTop(3, 0, 400, 34)).toBeNull();
  });
  it('aligns a row above with the top', () => {
    expect(revealScrollTop(10, 1000, 400, 34)).toBe(440);
  });
  it('aligns a row below with the bottom', () => {
    // row 20 ends at 21 × 44 = 924; 924 − 366 = 558
    expect(revealScrollTop(20, 0, 400, 34)).toBe(558);
  });
});
