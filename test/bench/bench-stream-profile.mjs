#!/usr/bin/env node
/**
 * Peak memory and time of `driftscope profile` on one CSV or Parquet file, streamed (the command: chunks
 * of --chunk-rows rows, stream-csv-profile.ts or stream-parquet-profile.ts) against the whole-file path
 * (loadTable + profileTable, as the command was before; bench-stream-profile-run.ts bundled with esbuild),
 * each run in its own process under /usr/bin/time (%M: peak RSS, %e: wall seconds). Also checks that the
 * two profiles are equal (deep-equal JSON). Inputs: generate-bench-data.mjs's reference file (20 columns)
 * at each --rows size, written under test/bench/data/stream (gitignored) and deleted after unless --keep;
 * 10,000,000 rows are about 1.4 GB. --parquet profiles a snappy Parquet copy of it instead, written by
 * DuckDB (`COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT parquet, COMPRESSION snappy)`, as
 * bench-parquet-readers.mjs makes its files; the CSV is deleted once converted).
 *
 * Usage: npm run build:node && node test/bench/bench-stream-profile.mjs [--rows 1000000,10000000]
 *        [--chunk-rows 65536] [--parquet] [--no-whole] [--keep]
 *
 * Measured 2026-12-07 on the shared 2-core machine (Node 20, 23 GB; docs/profiles.md, "Streaming"):
 *   1,000,000 rows (137 MB):     streamed 213 MB, 4.3 s; whole 418 MB, 4.7 s; equal
 *   10,000,000 rows (1,373 MB):  streamed 224 MB, 39.1 s; whole 2,819 MB, 45.8 s; equal
 * With --parquet, 2026-12-08 00:40 UTC, same machine (snappy, DuckDB's row groups of 122,880 rows):
 *   1,000,000 rows (94 MB):      streamed 255 MB, 1.8 s; whole 429 MB, 1.8 s; equal
 *   10,000,000 rows (943 MB):    streamed 251 MB, 15.5 s; whole 1,588 MB, 16.5 s; equal
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
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
const parquet = argv.includes('--parquet');
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new RangeError('--rows: whole numbers ≥ 1');

/** Runs `node args...` under /usr/bin/time; returns peak RSS (MB) and wall time (s). */
function measure(args) {
  const run = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, ...args], {
    encoding: 'utf8',
    // The whole-file bundle requires DuckDB from the repository's node_modules (it is in a temporary folder).
    env: { ...process.env, NODE_PATH: join(HERE, '..', '..', 'node_modules') },
  });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${run.stderr}`);
  const [kb, seconds] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { peakMB: Math.round(kb / 1024), seconds };
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** A snappy Parquet copy of `csv` at `out`, by DuckDB (its default row groups of 122,880 rows). */
async function toParquet(csv, out) {
  const db = await DuckDBInstance.create(':memory:');
  const sql = await db.connect();
  await sql.run(
    `COPY (SELECT * FROM read_csv('${csv}', header = true)) TO '${out}' (FORMAT parquet, COMPRESSION snappy)`,
  );
  sql.closeSync();
  db.closeSync();
}

const bundled = async (wholeRun) => {
  console.log(
    `rows        input MB  path      peak MB  seconds  equal (${parquet ? 'Parquet, snappy' : 'CSV'})`,
  );
  for (const rows of sizes) {
    const csv = join(DIR, `reference-${rows}.csv`);
    let bytes = writeReferenceFile(csv, rows);
    const input = parquet ? join(DIR, `reference-${rows}.parquet`) : csv;
    const streamedOut = join(DIR, `streamed-${rows}.json`);
    const wholeOut = join(DIR, `whole-${rows}.json`);
    try {
      if (parquet) {
        await toParquet(csv, input);
        rmSync(csv);
        bytes = statSync(input).size;
      }
      const mb = (bytes / 1e6).toFixed(0).padStart(8);
      const s = measure([CLI, 'profile', '--input', input, '--chunk-rows', chunkRows, '--out', streamedOut]);
      console.log(
        `${String(rows).padEnd(11)} ${mb}  streamed ${String(s.peakMB).padStart(8)}  ${s.seconds.toFixed(1).padStart(7)}`,
      );
      if (whole) {
        const w = measure([wholeRun, input, wholeOut]);
        const equal = isDeepStrictEqual(readJson(streamedOut), readJson(wholeOut));
        console.log(
          `${String(rows).padEnd(11)} ${mb}  whole    ${String(w.peakMB).padStart(8)}  ${w.seconds.toFixed(1).padStart(7)}  ${equal}`,
        );
        if (!equal) process.exitCode = 1;
      }
      console.log(`profile: ${statSync(streamedOut).size} bytes`);
    } finally {
      if (!keep) for (const file of [csv, input, streamedOut, wholeOut]) rmSync(file, { force: true });
    }
  }
};
await withBundle(join(HERE, 'bench-stream-profile-run.ts'), 'ds-bench-stream-', bundled, {
  external: ['@duckdb/node-api', '@duckdb/node-bindings'],
});
