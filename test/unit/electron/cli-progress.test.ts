// Progress lines of the command line (electron/cli-progress.ts), on a fake stream: a terminal gets one
// line rewritten in place with a bar, a log gets a line at each tenth and at the end.
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../../electron/cli-progress';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return {
    written,
    stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream,
  };
}

describe('progressReporter', () => {
  it('on a log: one line per tenth reached and one at the end', () => {
    const { written, stream } = fakeStream(false);
    const report = progressReporter('Profiling a.csv', (d, t) => `(${d} of ${t})`, stream);
    for (const done of [0, 3, 5, 12, 13, 50, 99, 100]) report(done, 100);
    expect(written).toEqual([
      'Profiling a.csv: 0 % (0 of 100)\n',
      'Profiling a.csv: 12 % (12 of 100)\n',
      'Profiling a.csv: 50 % (50 of 100)\n',
      'Profiling a.csv: 99 % (99 of 100)\n',
      'Profiling a.csv: 100 % (100 of 100)\n',
    ]);
  });

  it('on a terminal: the line is rewritten with a bar, and ends with a newline when done', () => {
    const { written, stream } = fakeStream(true);
    const report = progressReporter('Timeline', (d, t) => `(${d} of ${t} chunks)`, stream);
    report(1, 4);
    report(4, 4);
    expect(written[0]).toBe(`\rTimeline: [${'#'.repeat(6)}${'.'.repeat(18)}] 25 % (1 of 4 chunks)`);
    expect(written[1]).toBe(`\rTimeline: [${'#'.repeat(24)}] 100 % (4 of 4 chunks)\n`);
  });
});
