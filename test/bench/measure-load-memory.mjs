#!/usr/bin/env node
/**
 * Measures the peak resident memory of `driftscope analyze` per byte of input, the factor behind
 * electron/engine/memory-budget.ts (RSS_PER_BYTE). For each shape and size it writes a reference and a
 * current file, runs the CLI on them under /usr/bin/time (GNU time's %M: the process' peak RSS; the
 * engine and parse workers are threads of that process) and prints
 *   factor = (peak RSS − peak RSS on a 2-row file) / (reference bytes + current bytes).
 * Shapes: "bench" = test/bench/generate-bench-data.mjs (14 floats, 4 categoricals, 2 integers);
 * "text" = an all-distinct string ID, a free-text column of distinct strings and 2 floats (the dictionary
 * case, the most memory per byte).
 *
 * Usage: npm run build:node && node test/bench/measure-load-memory.mjs [--rows 250000,1000000] [--keep]
 *
 * Measured 2026-12-04 on the shared 2-core build machine (Node 20.20.2, 23 GB RAM), baseline 75 MB:
 *   shape  rows       input MB  peak MB  factor
 *   bench  250000           69      372  4.33
 *   bench  1000000         274      918  3.07
 *   text   250000           42      485  9.76
 *   text   1000000         171     1214  6.67
 * The factor falls with size (fixed costs spread out; issue 10 saw 12.25 GB for 2 × 2.06 GB, 2.97), so
 * memory-budget.ts uses the 1,000,000-row factors, rounded up: 3.1 and 6.7.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const cli = path.join(root, 'bin', 'driftscope.cjs');

const args = process.argv.slice(2);
const rowsArg = args.includes('--rows') ? args[args.indexOf('--rows') + 1] : '250000,1000000';
const sizes = rowsArg.split(',').map(Number);
const keep = args.includes('--keep');

/** Peak RSS in bytes of `node cli analyze` on the two files. */
function peakRss(reference, current) {
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      process.execPath,
      cli,
      'analyze',
      '--reference',
      reference,
      '--current',
      current,
      '--json',
      '-',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  if (run.status !== 0) throw new Error(`driftscope failed (${run.status}): ${run.stderr}`);
  const lines = run.stderr.trim().split('\n');
  return Number(lines.at(-1)) * 1024;
}

function benchFiles(dir, rows) {
  const gen = spawnSync(
    process.execPath,
    [path.join(here, 'generate-bench-data.mjs'), '--rows', String(rows), '--out', dir],
    { encoding: 'utf8' },
  );
  if (gen.status !== 0) throw new Error(gen.stderr);
  return [path.join(dir, 'reference.csv'), path.join(dir, 'current.csv')];
}

function textFiles(dir, rows) {
  const out = [];
  for (const [name, offset] of [
    ['reference.csv', 0],
    ['current.csv', rows],
  ]) {
    const file = path.join(dir, name);
    const fd = openSync(file, 'w');
    writeSync(fd, 'user_key,comment,x,y\n');
    let chunk = '';
    for (let i = 0; i < rows; i++) {
      const k = i + offset;
      chunk += `u-${(k * 2654435761) % 4294967296}-${k},note ${k} about item ${(k * 7919) % 100003} and more words,${(k % 997) / 7},${(k % 113) * 1.5}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
    closeSync(fd);
    out.push(file);
  }
  return out;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-mem-'));
try {
  const tiny = path.join(dir, 'tiny.csv');
  writeFileSync(tiny, 'a,b\n1,x\n2,y\n');
  const baseline = peakRss(tiny, tiny);
  process.stdout.write(`baseline (2-row files): ${(baseline / 1e6).toFixed(0)} MB peak RSS\n`);
  process.stdout.write('shape  rows       input MB  peak MB  factor\n');
  for (const [shape, make] of [
    ['bench', benchFiles],
    ['text', textFiles],
  ]) {
    for (const rows of sizes) {
      const sub = mkdtempSync(path.join(dir, `${shape}-`));
      const [reference, current] = make(sub, rows);
      const input = statSync(reference).size + statSync(current).size;
      const peak = peakRss(reference, current);
      const factor = (peak - baseline) / input;
      process.stdout.write(
        `${shape.padEnd(6)} ${String(rows).padEnd(10)} ${(input / 1e6).toFixed(0).padStart(8)}  ${(peak / 1e6).toFixed(0).padStart(7)}  ${factor.toFixed(2)}\n`,
      );
      if (!keep) rmSync(sub, { recursive: true, force: true });
    }
  }
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
