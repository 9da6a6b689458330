// @vitest-environment node
// The command line over a bad-input corpus (test/fixtures/bad-input/cli-cases.mjs): for each case the
// exit code, the message, no stack trace, and every input file byte-identical afterwards (SHA-256).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs generator without types
import { makeCliCases } from '../../fixtures/bad-input/cli-cases.mjs';
import { ensureCliBuilt } from '../../helpers/run-cli';

interface CliCase {
  name: string;
  args: string[];
  code: number;
  message: RegExp;
  inputs: string[];
  skipAsRoot?: boolean;
}

const root = path.resolve(__dirname, '..', '..', '..');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-bad-input-'));
const cases = makeCliCases(dir, path.join(root, 'test', 'fixtures', 'csv')) as CliCase[];
const isRoot = process.getuid?.() === 0;

beforeAll(() => {
  ensureCliBuilt();
});

describe('driftscope analyze over the bad-input corpus', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (c.skipAsRoot && isRoot) return; // root writes into read-only folders: nothing to refuse.
    const before = c.inputs.map(sha256);
    const child = spawnSync(process.execPath, [path.join(root, 'bin', 'driftscope.cjs'), ...c.args], {
      encoding: 'utf8',
      cwd: root,
    });
    expect(child.stderr).toMatch(c.message);
    expect(child.status).toBe(c.code);
    expect(child.stderr).not.toMatch(/\n\s+at /); // no stack trace without --debug
    expect(child.stdout).not.toContain('Dataset drift');
    expect(c.inputs.map(sha256)).toEqual(before);
  });
});
