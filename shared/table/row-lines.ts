/**
 * Physical line numbers of data rows, for messages. A row's line is its row index plus an offset that
 * only changes after a blank line or a quoted field spanning lines, so only those change points are kept
 * (row, offset) and a lookup is a binary search: O(changes) memory instead of one number per row.
 */
export class RowLines {
  private readonly rows: number[] = [];
  private readonly offsets: number[] = [];
  private offset: number;

  /** `firstDataLine`: the line of row 0 when nothing is skipped (2 below a one-line header). */
  constructor(private readonly firstDataLine = 2) {
    this.offset = firstDataLine;
  }

  /** Records that 0-based data row `row` starts on 1-based physical line `line`. */
  note(row: number, line: number): void {
    if (line - row === this.offset) return;
    this.offset = line - row;
    this.rows.push(row);
    this.offsets.push(this.offset);
  }

  /** The physical line of data row `row` (rows must have been noted in increasing order). */
  lineOf(row: number): number {
    let lo = 0;
    let hi = this.rows.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid] <= row) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return row + (found < 0 ? this.firstDataLine : this.offsets[found]);
  }
}
