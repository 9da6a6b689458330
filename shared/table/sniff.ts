/**
 * Looks at the first bytes of a file before parsing: binary content and the delimiter.
 * Pure functions over a decoded sample, so that the loader and the tests share them.
 */

export const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * A sample is binary when it holds a NUL character, or when more than 10 % of its characters are control
 * characters other than tab, CR and LF, or U+FFFD replacement characters (invalid UTF-8).
 */
export function looksBinary(sample: string): boolean {
  if (sample.length === 0) return false;
  let suspicious = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) suspicious++;
  }
  return suspicious > 0.1 * sample.length;
}

/** Splits the sample into complete lines (a trailing partial line is dropped when more lines follow). */
function sampleLines(sample: string, maxLines: number): string[] {
  const lines = sample.split(/\r\n|\n|\r/);
  if (lines.length > 1) lines.pop();
  return lines.filter((line) => line.length > 0).slice(0, maxLines);
}

/** Counts a delimiter in a line, ignoring delimiters inside double-quoted fields. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) count++;
  }
  return count;
}

/**
 * Picks the delimiter that splits the header into the most fields while giving the same field count on
 * most of the first lines (a file name ending in .tsv prefers tab on a tie). Returns null when no candidate
 * splits the header at all (a one-column file or an unsupported delimiter).
 */
export function detectDelimiter(sample: string, fileName = ''): string | null {
  const lines = sampleLines(sample, 50);
  if (lines.length === 0) return null;
  let best: string | null = null;
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const headerFields = countOutsideQuotes(lines[0], delimiter);
    if (headerFields === 0) continue;
    let consistent = 0;
    for (const line of lines) if (countOutsideQuotes(line, delimiter) === headerFields) consistent++;
    const preferTab = delimiter === '\t' && /\.tsv$/i.test(fileName) ? 0.5 : 0;
    const score = (consistent / lines.length) * 1000 + headerFields + preferTab;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Names a delimiter for messages. */
export function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : 'pipe';
}
