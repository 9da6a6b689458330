/**
 * A CSV/TSV record scanner over decoded text chunks that hands each record over as field ranges of the
 * text, so that a numeric cell is parsed where it lies (ColumnBuilder.pushRange) and never becomes a string.
 * It replaces papaparse on the engine's load path (README "Decisions": the parse was 23 % of a load, and
 * the per-cell strings most of the garbage collection), and reads records exactly as papaparse 5 does with
 * `header: false` and a given delimiter:
 *
 * - the line ending is guessed from the first chunk as papaparse's `guessLineEndings` does ('\n', '\r\n' or
 *   '\r'; quoted text left out); a lone '\r' or '\n' that is not the line ending is field text;
 * - a field that starts with '"' is quoted: it ends at a '"' followed by (whitespace and) the delimiter, the
 *   line ending or the end of the text; '""' inside is one '"'; any other '"' inside is kept as text;
 * - a quoted field that never closes runs to the end of the file, its text as it stands (papaparse's
 *   "MissingQuotes"); `unterminatedLine` then says where it opened;
 * - a '"' anywhere else is field text; a blank line is a record of one empty field (the caller skips it).
 *
 * Only whole records are handed over: a record cut by the end of a chunk is scanned again with the next.
 */

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Papaparse's line-ending guess (papaparse.js `guessLineEndings`), on the first chunk. */
export function guessLineEnding(text: string): '\n' | '\r\n' | '\r' {
  const sample = text.substring(0, 1024 * 1024).replace(/"([\s\S]*?)"/gm, '');
  const r = sample.split('\r');
  const n = sample.split('\n');
  if (r.length === 1 || (n.length > 1 && n[0].length < r[0].length)) return '\n';
  let withN = 0;
  for (const piece of r) if (piece.charCodeAt(0) === LF) withN++;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}

/** What `trim()` removes: ECMAScript WhiteSpace and LineTerminator (ECMA-262 §12.2, §12.3). */
function isTrimmed(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Line breaks (\r\n, \r or \n) in `text` from `start` to `end`. */
function lineBreaks(text: string, start: number, end: number): number {
  let breaks = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) breaks++;
    else if (c === CR) {
      breaks++;
      if (i + 1 < end && text.charCodeAt(i + 1) === LF) i++;
    }
  }
  return breaks;
}

/**
 * `onRecord(scanner)` is called once per record; during the call `fieldCount`, `text`, `startOf(i)`,
 * `endOf(i)`, `quotedValue(i)` and `lines` describe it.
 */
export class CsvScanner {
  /** The text the current record's ranges index into. */
  text = '';
  /** Fields of the current record. */
  fieldCount = 0;
  /** Physical lines the current record spans (1 + line breaks inside quoted fields). */
  lines = 1;
  /** The 1-based physical line of the record whose quoted field never closes, if one does not. */
  unterminatedLine: number | null = null;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  /** Per field: its value when quoted (quotes removed), else undefined. */
  private quoted: (string | undefined)[] = [];
  private newline: string | null = null;
  private carry = '';
  private line = 1;
  private readonly delimiterCode: number;

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: (scanner: CsvScanner) => void,
  ) {
    if (delimiter.length !== 1) throw new RangeError('CsvScanner: the delimiter must be one character');
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Field i of the current record is a range of `text`, or (quoted) its value is `quotedValue(i)`. */
  startOf(i: number): number {
    return this.starts[i];
  }

  endOf(i: number): number {
    return this.ends[i];
  }

  quotedValue(i: number): string | undefined {
    return this.quoted[i];
  }

  /** Field i as a string. */
  field(i: number): string {
    return this.quoted[i] ?? this.text.substring(this.starts[i], this.ends[i]);
  }

  /** Scans the whole records of `chunk` (after what was left of the last one). */
  push(chunk: string): void {
    this.newline ??= guessLineEnding(chunk);
    this.scan(this.carry.length > 0 ? this.carry + chunk : chunk, false);
  }

  /** Scans what is left, the end of the text ending the last record. */
  end(): void {
    this.newline ??= '\n';
    this.scan(this.carry, true);
    this.carry = '';
  }

  private addField(i: number, start: number, end: number, value: string | undefined): void {
    if (i >= this.starts.length) {
      const starts = new Int32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
      const ends = new Int32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.starts[i] = start;
    this.ends[i] = end;
    this.quoted[i] = value;
  }

  /** Scans records from the start of `text`; a record the text cuts (not `final`) is carried over. */
  private scan(text: string, final: boolean): void {
    const newline = this.newline!;
    const newlineLength = newline.length;
    const delimiter = this.delimiter;
    const delimiterCode = this.delimiterCode;
    const n = text.length;
    this.text = text;
    let record = 0;
    // The next delimiter and line ending at or after the scan, looked up again only once passed.
    let nextDelimiter = text.indexOf(delimiter);
    let nextNewline = text.indexOf(newline);
    while (record < n) {
      let pos = record;
      let field = 0;
      let breaks = 0;
      let recordEnd = -1;
      for (;;) {
        if (text.charCodeAt(pos) === QUOTE) {
          const closed = this.quotedField(text, pos, final);
          if (closed === null) break;
          this.addField(field++, pos + 1, closed.end, closed.value);
          breaks += lineBreaks(text, pos + 1, closed.end);
          if (closed.unterminated) this.unterminatedLine ??= this.line;
          if (closed.next >= n) recordEnd = n;
          else if (text.charCodeAt(closed.next) === delimiterCode) {
            pos = closed.next + 1;
            continue;
          } else recordEnd = closed.next + newlineLength;
          break;
        }
        if (nextNewline >= 0 && nextNewline < pos) nextNewline = text.indexOf(newline, pos);
        if (nextNewline < 0 && !final) break;
        const lineEnd = nextNewline < 0 ? n : nextNewline;
        if (nextDelimiter >= 0 && nextDelimiter < pos) nextDelimiter = text.indexOf(delimiter, pos);
        if (nextDelimiter >= 0 && nextDelimiter < lineEnd) {
          this.addField(field++, pos, nextDelimiter, undefined);
          pos = nextDelimiter + 1;
          continue;
        }
        this.addField(field++, pos, lineEnd, undefined);
        recordEnd = nextNewline < 0 ? n : lineEnd + newlineLength;
        break;
      }
      if (recordEnd < 0) break;
      this.fieldCount = field;
      this.lines = 1 + breaks;
      this.onRecord(this);
      this.line += this.lines;
      record = recordEnd;
    }
    if (!final) this.carry = text.substring(record);
  }

  /**
   * The quoted field opening at `open`: its value, where its text ends (the closing quote) and where the
   * scan goes on (the delimiter or the line ending after it); null when the text cuts it (not final).
   */
  private quotedField(
    text: string,
    open: number,
    final: boolean,
  ): { value: string; end: number; next: number; unterminated: boolean } | null {
    const n = text.length;
    let search = open;
    for (;;) {
      const quote = text.indexOf('"', search + 1);
      if (quote < 0) {
        if (!final) return null;
        return { value: text.substring(open + 1), end: n, next: n, unterminated: true };
      }
      if (quote + 1 < n && text.charCodeAt(quote + 1) === QUOTE) {
        search = quote + 1;
        continue;
      }
      let after = quote + 1;
      while (after < n && isTrimmed(text.charCodeAt(after)) && !this.startsSeparator(text, after)) after++;
      if (after >= n && !final) return null;
      // At the end of the text only a quote that is its last character closes (papaparse).
      if (quote === n - 1) {
        return { value: quotedText(text, open + 1, quote), end: quote, next: n, unterminated: false };
      }
      if (after < n && this.startsSeparator(text, after)) {
        return { value: quotedText(text, open + 1, quote), end: quote, next: after, unterminated: false };
      }
      // A quote followed by other text: papaparse keeps it as text and looks for the next one.
      search = quote;
    }
  }

  /** Whether the delimiter or the line ending starts at `at`. */
  private startsSeparator(text: string, at: number): boolean {
    const c = text.charCodeAt(at);
    if (c === this.delimiterCode) return true;
    const newline = this.newline!;
    if (c !== newline.charCodeAt(0)) return false;
    return newline.length === 1 || text.charCodeAt(at + 1) === LF;
  }
}

/** The text of a quoted field between its quotes, '""' read as '"'. */
function quotedText(text: string, start: number, end: number): string {
  const inner = text.substring(start, end);
  return inner.indexOf('""') < 0 ? inner : inner.replace(/""/g, '"');
}
