// @vitest-environment node
import { chmodSync, linkSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputLocationProblem } from '../../../../electron/io/output-location';
import { inputOverwrittenBy, isSameFile } from '../../../../electron/io/same-file';
import { writeFileAtomic } from '../../../../electron/io/write-file-atomic';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-io-'));
const a = path.join(dir, 'a.csv');
const b = path.join(dir, 'b.csv');
writeFileSync(a, 'x\n1\n');
writeFileSync(b, 'x\n1\n');
linkSync(a, path.join(dir, 'hard.csv'));
symlinkSync(a, path.join(dir, 'sym.csv'));
mkdirSync(path.join(dir, 'sub'));

describe('isSameFile', () => {
  it('is true for the same path, another spelling, a symlink and a hard link', () => {
    expect(isSameFile(a, a)).toBe(true);
    expect(isSameFile(path.join(dir, 'sub', '..', 'a.csv'), a)).toBe(true);
    expect(isSameFile(path.join(dir, 'sym.csv'), a)).toBe(true);
    expect(isSameFile(path.join(dir, 'hard.csv'), a)).toBe(true);
  });
  it('is false for another file with the same content and for a file that does not exist', () => {
    expect(isSameFile(b, a)).toBe(false);
    expect(isSameFile(path.join(dir, 'new.html'), a)).toBe(false);
  });
  it('inputOverwrittenBy names the input', () => {
    expect(inputOverwrittenBy(path.join(dir, 'hard.csv'), [b, a])).toBe(a);
    expect(inputOverwrittenBy(path.join(dir, 'r.html'), [a, b])).toBeUndefined();
  });
});

describe('outputLocationProblem', () => {
  it('accepts a new file in a writable folder and refuses a missing folder or a folder target', () => {
    expect(outputLocationProblem(path.join(dir, 'r.html'))).toBeNull();
    expect(outputLocationProblem(path.join(dir, 'nope', 'r.html'))).toMatch(/does not exist/);
    expect(outputLocationProblem(path.join(dir, 'sub'))).toMatch(/is a folder/);
    expect(outputLocationProblem(path.join(a, 'r.html'))).toMatch(/is not a folder/);
  });
});

describe('writeFileAtomic', () => {
  it('keeps the mode of the file it replaces', () => {
    const file = path.join(dir, 'report.csv');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });
});
