#!/usr/bin/env node
/**
 * Peak memory and time of `driftscope profile` on one CSV, streamed (the command: chunks of --chunk-rows
 * rows, stream-csv-profile.ts) against the whole-file path (loadCsv + profileTable, as the command was
 * before; bench-stream-profile-run.ts bundled with esbuild), each run in its own process under
 * /usr/bin/time (%M: peak RSS, %e: wall seconds). Also checks that the two profiles are equal (deep-equal
 * JSON). Inputs: generate-bench-data.mjs's reference file (20 columns) at each --rows size, written under
 * test/bench/data/stream (gitignored) and deleted after unless --keep; 10,000,000 rows are about 1.4 GB.
 *
 * Usage: npm run build:node && node test/bench/bench-stream-profile.mjs [--rows 1000000,10000000]
 *        [--chunk-rows 65536] [--no-whole] [--keep]
 *
 * Measured 2026-12-07 on the shared 2-core machine (Node 20, 23 GB; docs/profiles.md, "Streaming"):
 *   1,000,000 rows (137 MB):     streamed 213 MB, 4.3 s; whole 418 MB, 4.7 s; equal
 *   10,000,000 rows (1,373 MB):  streamed 224 MB, 39.1 s; whole 2,819 MB, 45.8 s; equal
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_DATA_DIR, writeReferenceFile } from './generate-bench-data.mjs';
import { withBundle } from './lib/bench-util.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = join(HERE, '..', '..', 'bin', 'driftscope.cjs');
const DIR = join(DEFAULT_DATA_DIR, 'stream');

const argv = process.argv.slice(2);
const value = (flag, fallback) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : fallback);
const sizes = value('--rows', '1000000,10000000').split(',').map(Number);
const chunkRows = value('--chunk-rows', '65536');
const whole = !argv.includes('--no-whole');
const keep = argv.includes('--keep');
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new RangeError('--rows: whole numbers ≥ 1');

/** Runs `node args...` under /usr/bin/time; returns peak RSS (MB) and wall time (s). */
function measure(args) {
  const run = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${run.stderr}`);
  const [kb, seconds] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { peakMB: Math.round(kb / 1024), seconds };
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

await withBundle(join(HERE, 'bench-stream-profile-run.ts'), 'ds-bench-stream-', async (wholeRun) => {
  console.log('rows        input MB  path      peak MB  seconds  equal');
  for (const rows of sizes) {
    const csv = join(DIR, `reference-${rows}.csv`);
    const bytes = writeReferenceFile(csv, rows);
    const streamedOut = join(DIR, `streamed-${rows}.json`);
    const wholeOut = join(DIR, `whole-${rows}.json`);
    try {
      const mb = (bytes / 1e6).toFixed(0).padStart(8);
      const s = measure([CLI, 'profile', '--input', csv, '--chunk-rows', chunkRows, '--out', streamedOut]);
      console.log(
        `${String(rows).padEnd(11)} ${mb}  streamed ${String(s.peakMB).padStart(8)}  ${s.seconds.toFixed(1).padStart(7)}`,
      );
      if (whole) {
        const w = measure([wholeRun, csv, wholeOut]);
        const equal = isDeepStrictEqual(readJson(streamedOut), readJson(wholeOut));
        console.log(
          `${String(rows).padEnd(11)} ${mb}  whole    ${String(w.peakMB).padStart(8)}  ${w.seconds.toFixed(1).padStart(7)}  ${equal}`,
        );
        if (!equal) process.exitCode = 1;
      }
      console.log(`profile: ${statSync(streamedOut).size} bytes`);
    } finally {
      if (!keep) for (const file of [csv, streamedOut, wholeOut]) rmSync(file, { force: true });
    }
  }
});
