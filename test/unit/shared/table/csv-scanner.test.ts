/**
 * The record scanner against its oracle, papaparse 5 (the parser it replaces on the load path), run the way
 * the loader ran it: streaming the same text chunks, `header: false`, the delimiter given, line ending guessed.
 */
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../../../shared/stats/seeded-rng';
import { CsvScanner, guessLineEnding } from '../../../../shared/table/csv-scanner';

/** Records as the scanner gives them: fields as strings, and the lines each spans. */
function scan(chunks: string[], delimiter: string): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  const scanner = new CsvScanner(delimiter, (s) => {
    rows.push(Array.from({ length: s.fieldCount }, (_, i) => s.field(i)));
    lines.push(s.lines);
  });
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return { rows, lines };
}

/** Papaparse streaming the same chunks, as csv-source.ts called it before the scanner. */
function papa(chunks: string[], delimiter: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    Papa.parse<string[]>(Readable.from(chunks, { objectMode: true }) as unknown as NodeJS.ReadableStream, {
      delimiter,
      header: false,
      skipEmptyLines: false,
      chunk(results) {
        rows.push(...results.data);
      },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

/** Cuts `text` into chunks at random places (at least one chunk). */
function cut(text: string, random: () => number): string[] {
  const chunks: string[] = [];
  let at = 0;
  while (at < text.length) {
    const next = Math.min(text.length, at + 1 + Math.floor(random() * 12));
    chunks.push(text.slice(at, next));
    at = next;
  }
  return chunks.length > 0 ? chunks : [''];
}

const TRIALS = Number(process.env.SCANNER_TRIALS ?? 3000);

describe('CsvScanner', () => {
  it('reads plain, quoted and escaped fields', () => {
    const text = 'a,b,c\n1,"x, y",3\n"say ""hi""",,\n';
    expect(scan([text], ',').rows).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', '3'],
      ['say "hi"', '', ''],
    ]);
  });

  it('counts the physical lines of a record with line breaks in a quoted field', () => {
    const { rows, lines } = scan(['a,b\n"one\ntwo\r\nthree",2\nx,y'], ',');
    expect(rows).toEqual([
      ['a', 'b'],
      ['one\ntwo\r\nthree', '2'],
      ['x', 'y'],
    ]);
    expect(lines).toEqual([1, 3, 1]);
  });

  it('hands over only whole records, whatever the chunks', () => {
    // The line ending is guessed from the first chunk (as papaparse does), so the first is whole here.
    const text = 'h1;h2\r\n"a\r\nb";1,5\r\nc;"2"\r\n';
    const whole = scan([text], ';').rows;
    for (let size = 1; size <= 5; size++) {
      const rest = text.slice(7);
      const chunks = ['h1;h2\r\n'];
      for (let at = 0; at < rest.length; at += size) chunks.push(rest.slice(at, at + size));
      expect(scan(chunks, ';').rows).toEqual(whole);
    }
    expect(whole).toEqual([
      ['h1', 'h2'],
      ['a\r\nb', '1,5'],
      ['c', '2'],
    ]);
  });

  it('notes a quoted field that never closes and reads the rest as that field', () => {
    const rows: string[] = [];
    const scanner = new CsvScanner(',', (s) => rows.push(s.field(s.fieldCount - 1)));
    scanner.push('a,b\n1,2\n3,"open\n4,5\n');
    scanner.end();
    expect(rows).toEqual(['b', '2', 'open\n4,5\n']);
    expect(scanner.unterminatedLine).toBe(3);
  });

  it('guesses the line ending as papaparse does', () => {
    expect(guessLineEnding('a,b\r\nc,d\r\n')).toBe('\r\n');
    expect(guessLineEnding('a,b\rc,d\r')).toBe('\r');
    expect(guessLineEnding('a,b\nc,d\n')).toBe('\n');
    expect(guessLineEnding('"x\r\ny",b\nc,d\n')).toBe('\n');
  });

  // Oracle: papaparse 5.5 streaming the same chunks (the loader's parser before the scanner).
  it('gives the records papaparse gives, on 3,000 random texts in random chunks', async () => {
    const rng = new SeededRng(20261207);
    const random = () => rng.nextUint32() / 2 ** 32;
    const alphabet = ['a', '1', '.', ',', ';', '\t', '"', '"', '\n', '\n', '\r', '\r\n', ' ', '""', 'é'];
    for (let trial = 0; trial < TRIALS; trial++) {
      const length = 1 + Math.floor(random() * 40);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const delimiter = [',', ';', '\t'][trial % 3];
      const chunks = cut(text, random);
      const expected = await papa(chunks, delimiter);
      const actual = scan(chunks, delimiter).rows;
      expect({ text, delimiter, chunks, rows: actual }).toEqual({ text, delimiter, chunks, rows: expected });
    }
  });
});
