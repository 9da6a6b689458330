/**
 * Progress of a long step on stderr, for the command line: one updating line on a terminal (a bar and the
 * share done), else a line at each tenth and at the end, so that logs stay short.
 */

const BAR_WIDTH = 24;

/** `[██████░░░░] 60 %`-style bar for `share` in [0, 1]. */
function bar(share: number): string {
  const filled = Math.round(share * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
}

/**
 * A reporter of `done` of `total` for the step named `label`; `detail(done, total)` words the count
 * (for example "4,000,000 rows, 550 of 1,373 MB").
 */
export function progressReporter(
  label: string,
  detail: (done: number, total: number) => string,
  stream: NodeJS.WriteStream = process.stderr,
): (done: number, total: number) => void {
  let shownTenth = -1;
  return (done, total) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const end = done >= total;
    if (stream.isTTY) {
      stream.write(
        `\r${label}: ${bar(share)} ${Math.floor(share * 100)} % ${detail(done, total)}${end ? '\n' : ''}`,
      );
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth > shownTenth || end) {
      shownTenth = tenth;
      stream.write(`${label}: ${Math.floor(share * 100)} % ${detail(done, total)}\n`);
    }
  };
}
