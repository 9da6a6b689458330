import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../../shared/demo/csv';

describe('csv', () => {
  it('quotes only when RFC 4180 requires it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(1.5)).toBe('1.5');
    expect(csvField(null)).toBe('');
  });

  it('joins header and rows with \\n line ends and a final newline', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, null],
          ['x,y', 'z'],
        ],
      ),
    ).toBe('a,b\n1,\n"x,y",z\n');
    expect(toCsv(['a'], [])).toBe('a\n');
  });

  it('rejects rows of the wrong width', () => {
    expect(() => toCsv(['a', 'b'], [[1]])).toThrow(RangeError);
  });
});
