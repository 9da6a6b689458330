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

/** Splits a line into fields at `delimiter` outside double quotes (quotes kept; a sniffing estimate only). */
function splitOutsideQuotes(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) {
      fields.push(line.slice(start, i));
      start = i + 1;
    }
  }
  fields.push(line.slice(start));
  return fields;
}

/**
 * Share of the sample's data bytes (after the header line) in columns of distinct text: columns whose
 * non-numeric cells are more than half distinct. Such columns are stored as a dictionary of strings, the
 * most memory per byte (memory-budget.ts); numbers and repeated categories are stored as 8 or 4 bytes a cell.
 */
export function distinctTextShare(sample: string, delimiter: string): number {
  const lines = sampleLines(sample, 2000);
  if (lines.length < 2) return 0;
  const width = splitOutsideQuotes(lines[0], delimiter).length;
  const bytes = new Float64Array(width);
  const text = new Float64Array(width);
  const distinct = Array.from({ length: width }, () => new Set<string>());
  let total = 0;
  for (let r = 1; r < lines.length; r++) {
    const fields = splitOutsideQuotes(lines[r], delimiter);
    for (let c = 0; c < Math.min(width, fields.length); c++) {
      const field = fields[c];
      bytes[c] += field.length + 1;
      total += field.length + 1;
      if (field.length > 0 && Number.isNaN(Number(field))) {
        text[c]++;
        distinct[c].add(field);
      }
    }
  }
  if (total === 0) return 0;
  let textBytes = 0;
  for (let c = 0; c < width; c++) if (text[c] > 0 && distinct[c].size > 0.5 * text[c]) textBytes += bytes[c];
  return textBytes / total;
}
