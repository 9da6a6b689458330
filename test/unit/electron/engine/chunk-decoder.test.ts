// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChunkDecoder } from '../../../../electron/engine/chunk-decoder';
import { openCsv } from '../../../../electron/engine/csv-source';
import { SeededRng } from '../../../../shared/stats/seeded-rng';
import type { Encoding } from '../../../../shared/table/encoding';

/** The text of `bytes` cut into random chunks and decoded by createChunkDecoder. */
function decodeInChunks(bytes: Buffer, encoding: Encoding, rng: SeededRng): { text: string; copied: number } {
  const decoder = createChunkDecoder(encoding);
  let text = '';
  let copied = 0;
  for (let at = 0; at < bytes.length; ) {
    const size = rng.int(4) === 0 ? 0 : 1 + rng.int(12);
    const end = Math.min(bytes.length, at + size);
    text += decoder.decode(bytes.subarray(at, end));
    if (end > at && !decoder.lastDecoded) copied++;
    at = end;
  }
  return { text: text + decoder.end(), copied };
}

// Oracle: Node 20's WHATWG TextDecoder decoding the whole buffer as a stream, as the loader did before.
// (Streaming matters: Node 20.20's one-call decode of windows-1252 maps 0x80-0x9F as Latin-1, not to €.)
const whole = (bytes: Buffer, encoding: Encoding) => {
  const decoder = new TextDecoder(encoding);
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
};

const samples: Record<string, Buffer> = {
  ascii: Buffer.from('a,b,c\n1,2.5,x\n3,4,"y, z"\n', 'latin1'),
  'utf-8 multibyte': Buffer.from('name,city\nJosé,Zürich\n€,日本\n😀,a\n'.repeat(6), 'utf8'),
  'utf-8 byte order mark': Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from('a,b\n1,2\n'.repeat(8)),
  ]),
  // U+FEFF after the start is a character, kept, whatever chunk reaches the decoder first.
  'byte order mark inside': Buffer.concat([
    Buffer.from('a,b\n1,2\n'.repeat(8)),
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from('3,4\n'.repeat(8)),
  ]),
  'invalid utf-8': Buffer.concat([
    Buffer.from('a,b\n1,'),
    Buffer.from([0xc3]),
    Buffer.from(',x\n'),
    Buffer.from([0xe2, 0x82]),
    Buffer.from('\n2,3\n'.repeat(6)),
    Buffer.from([0xf0, 0x9f]),
  ]),
};

describe('createChunkDecoder', () => {
  for (const [name, bytes] of Object.entries(samples)) {
    it(`gives TextDecoder's text for ${name} in any chunking`, () => {
      const rng = new SeededRng(7);
      for (let trial = 0; trial < 300; trial++) {
        expect(decodeInChunks(bytes, 'utf-8', rng).text).toBe(whole(bytes, 'utf-8'));
      }
    });
  }

  it('copies ASCII chunks rather than decoding them', () => {
    const { copied } = decodeInChunks(samples.ascii, 'utf-8', new SeededRng(3));
    expect(copied).toBeGreaterThan(0);
    const decoder = createChunkDecoder('utf-8');
    decoder.decode(Buffer.from('é', 'utf8').subarray(0, 1));
    expect(decoder.lastDecoded).toBe(true);
    // After a chunk that ends inside a sequence, the next ASCII chunk is decoded too (U+FFFD, then text).
    expect(decoder.decode(Buffer.from('ab'))).toBe('\uFFFDab');
    expect(decoder.lastDecoded).toBe(true);
    expect(decoder.decode(Buffer.from('cd'))).toBe('cd');
    expect(decoder.lastDecoded).toBe(false);
  });

  it('gives Windows-1252 and UTF-16 text as TextDecoder does', () => {
    const cp1252 = Buffer.from([
      0x61, 0x2c, 0x80, 0x0a, 0x93, 0x71, 0x94, 0x2c, 0x31, 0x0a, 0x32, 0x2c, 0x33, 0x0a,
    ]);
    const utf16 = Buffer.from('\uFEFFa,b\n1,é\n2,3\n', 'utf16le');
    const rng = new SeededRng(11);
    for (let trial = 0; trial < 200; trial++) {
      expect(decodeInChunks(cp1252, 'windows-1252', rng).text).toBe(whole(cp1252, 'windows-1252'));
      const read = decodeInChunks(utf16, 'utf-16le', rng);
      expect(read.text).toBe(whole(utf16, 'utf-16le'));
      expect(read.copied).toBe(0);
    }
  });
});

describe('openCsv sample', () => {
  it('decodes a whole small Windows-1252 file as TextDecoder streams it (0x80 is €)', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ds-sample-')), 'cp1252.csv');
    writeFileSync(file, Buffer.from([0x61, 0x0a, 0x80, 0x0a, 0x93, 0x71, 0x94, 0x0a]));
    // Oracle: the WHATWG windows-1252 table (0x80 → U+20AC, 0x93 → U+201C, 0x94 → U+201D).
    expect(openCsv(file, { encoding: 'windows-1252' }).sampleText).toBe('a\n€\n“q”\n');
  });
});
