// @vitest-environment node
// The memory check before loading: the decompressed size of a gzip file from its trailer, and the
// refusal message. Files are real gzip streams written by node:zlib (RFC 1952).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipTextBytes, loadCsv } from '../../../../electron/engine/load-csv';
import {
  appMemoryBudget,
  byteSize,
  checkMemory,
  defaultMemoryBudget,
  estimateMemory,
} from '../../../../electron/engine/memory-budget';
import { DatasetError } from '../../../../shared/dataset-error';

const GIB = 1024 ** 3;
const dir = mkdtempSync(path.join(os.tmpdir(), 'driftscope-memory-'));

function writeGzip(name: string, data: Buffer): { file: string; size: number } {
  const file = path.join(dir, name);
  writeFileSync(file, gzipSync(data));
  return { file, size: statSync(file).size };
}

describe('gzipTextBytes', () => {
  it('keeps the trailer of a tiny file that gzip makes larger than its text', () => {
    const text = Buffer.from('city,x\nK\xf6ln,1\nBerlin,2\n', 'latin1'); // 24 bytes
    const { file, size } = writeGzip('tiny.csv.gz', text);
    expect(size).toBeGreaterThan(text.length); // the premise: gzip grew it
    expect(gzipTextBytes(file, size)).toBe(text.length);
  });

  it('reads the exact size of a compressible file', () => {
    const text = Buffer.from('a,b\n'.concat('1,2\n'.repeat(250_000)));
    const { file, size } = writeGzip('ones.csv.gz', text);
    expect(gzipTextBytes(file, size)).toBe(text.length); // 1,000,004 bytes
  });

  it('adds 2^32 when the trailer is smaller than the data can be (a text of 4 GiB or more)', () => {
    // Incompressible bytes cannot shrink, so a trailer of 5 (the size mod 2^32) means 2^32 + 5.
    const { file, size } = writeGzip('wrapped.gz', randomBytes(300_000));
    const bytes = readFileSync(file);
    bytes.writeUInt32LE(5, bytes.length - 4);
    writeFileSync(file, bytes);
    expect(gzipTextBytes(file, size)).toBe(2 ** 32 + 5);
  });
});

describe('checkMemory', () => {
  it('loads a tiny gzip file with a modest budget (it was once read as 4 GB)', async () => {
    const { file } = writeGzip('small.csv.gz', Buffer.from('a,b\n1,2\n3,4\n'));
    const table = await loadCsv(file, { memoryAvailable: 64 * 1024 * 1024 });
    expect(table.rowCount).toBe(2);
    expect(table.compression).toBe('gzip');
  });

  it('refuses with the file, its size, the need and what to do', () => {
    let error: unknown;
    try {
      checkMemory('data/big.csv.gz', GIB, 4 * GIB, 0, 8 * GIB);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatasetError);
    const message = (error as DatasetError).message;
    // 4 GiB × 3.1 (RSS_PER_BYTE.numeric) = 12.4 GiB; formatBytes counts in 1,024s
    expect(estimateMemory(4 * GIB, 0)).toBeCloseTo(12.4 * GIB, -3);
    expect(message).toContain('data/big.csv.gz (1.0 GB, about 4.0 GB decompressed) needs about 12.4 GB');
    expect(message).toContain('only 8.0 GB is available');
    expect(message).toContain('head -n 1000001');
    expect(() => checkMemory('ok.csv', 1e6, 1e6, 1, 1e9)).not.toThrow();
  });
});

describe("the app's memory budget", () => {
  it('reads sizes in binary units (1G = 1024³ bytes, by definition)', () => {
    expect(byteSize('1.5G')).toBe(1.5 * GIB);
    expect(byteSize(' 512m ')).toBe(512 * 1024 ** 2);
    expect(byteSize('2000000000')).toBe(2e9);
    expect(byteSize('4GiB')).toBe(4 * GIB);
    for (const bad of ['', 'lots', '0', '-1G', '1X']) expect(byteSize(bad)).toBeNull();
  });

  it('is DRIFTSCOPE_MEMORY_BUDGET when it is a size, else the default, with a warning for a bad value', () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(appMemoryBudget('2G', warn)).toBe(2 * GIB);
    const fallback = appMemoryBudget('two gigs', warn);
    expect(warnings).toEqual([
      'DRIFTSCOPE_MEMORY_BUDGET="two gigs" is not a size such as 4G or 512M; the default budget is used.',
    ]);
    // The default depends on the memory available now: within 10 % of a second reading.
    expect(Math.abs(fallback - defaultMemoryBudget())).toBeLessThan(0.1 * fallback);
    expect(appMemoryBudget(undefined, warn)).toBeGreaterThan(0);
    expect(warnings).toHaveLength(1);
  });
});
