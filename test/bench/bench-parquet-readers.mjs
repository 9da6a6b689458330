#!/usr/bin/env node
/**
 * Measures the Parquet readers on the benchmark's data (generate-bench-data.mjs: 1,000,000 rows × 20
 * columns, 14 floats, 4 categorical text, 2 integers), converted to Parquet (snappy, DuckDB's default row
 * groups of 122,880 rows) by DuckDB's `COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT parquet,
 * COMPRESSION snappy)`. Each reader runs in its own child process (bench-parquet-readers-run.ts, bundled
 * with esbuild), --repeat times in turn, and reads the reference file into our typed columns: the
 * product's loader (DuckDB's vectors), DuckDB's values copied row by row (the first candidate), and our CSV
 * loader on the CSV it was made from. (hyparquet, the reader before, took 9.65 s: README "Decisions".)
 * Prints each run (time, peak RSS) and the medians, with the ratios to the CSV loader measured in this run.
 *
 * Then, unless --no-end-to-end, the speed target of issue 14: `driftscope analyze` end to end on the CSV
 * pair and on the same pair as Parquet, --repeat times alternately (wall time, in one run): Parquet at most
 * half of the CSV time.
 *
 * Usage: node test/bench/bench-parquet-readers.mjs [--rows N] [--repeat K] [--no-end-to-end]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEFAULT_DATA_DIR, DEFAULT_ROWS } from './generate-bench-data.mjs';
import { ensureBenchData, lastJsonLine, median, withBundle } from './lib/bench-util.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const CLI = join(ROOT, 'bin', 'driftscope.cjs');
const TARGET_PARQUET_RATIO = 0.5;

const args = { rows: DEFAULT_ROWS, repeat: 3, endToEnd: true };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--rows') args.rows = Number(argv[++i]);
  else if (argv[i] === '--repeat') args.repeat = Number(argv[++i]);
  else if (argv[i] === '--no-end-to-end') args.endToEnd = false;
  else throw new RangeError(`unknown argument: ${argv[i]}`);
}

const mb = (bytes) => (bytes / 1e6).toFixed(0);

/** The CSV pair (generated when missing or of another size) and the same pair as snappy Parquet. */
async function ensureData() {
  const { reference, current, generated } = await ensureBenchData({ rows: args.rows });
  const csv = { reference, current };
  const parquet = {};
  const db = await DuckDBInstance.create(':memory:');
  const sql = await db.connect();
  for (const role of ['reference', 'current']) {
    parquet[role] = join(DEFAULT_DATA_DIR, `${role}.parquet`);
    if (
      generated ||
      !existsSync(parquet[role]) ||
      statSync(parquet[role]).mtimeMs < statSync(csv[role]).mtimeMs
    ) {
      await sql.run(
        `COPY (SELECT * FROM read_csv('${csv[role]}', header = true)) TO '${parquet[role]}' (FORMAT parquet, COMPRESSION snappy)`,
      );
    }
  }
  sql.closeSync();
  return { csv, parquet };
}

const { csv, parquet } = await ensureData();
console.log(
  `data: ${args.rows.toLocaleString('en-US')} rows × 20 columns; reference CSV ${mb(statSync(csv.reference).size)} MB, Parquet (snappy) ${mb(statSync(parquet.reference).size)} MB`,
);
const loadBefore = loadavg()[0];
const runs = { parquet: [], 'duckdb-rows': [], csv: [] };
await withBundle(
  join(HERE, 'bench-parquet-readers-run.ts'),
  'ds-bench-parquet-',
  (bundle) => {
    for (let r = 0; r < args.repeat; r++) {
      for (const reader of Object.keys(runs)) {
        const file = reader === 'csv' ? csv.reference : parquet.reference;
        const child = spawnSync(process.execPath, [bundle, reader, file], {
          encoding: 'utf8',
          cwd: ROOT,
          env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
        });
        if (child.status !== 0) throw new Error(`${reader} failed: ${child.stderr}`);
        const result = lastJsonLine(child.stdout);
        runs[reader].push(result);
        console.log(
          `${reader.padEnd(11)} rows ${result.rows} cols ${result.columns}  ${(result.ms / 1000).toFixed(2)} s  peak RSS ${result.peakRssMb.toFixed(0)} MB`,
        );
      }
    }
  },
  { external: ['@duckdb/node-api', '@duckdb/node-bindings'] },
);
const m = (reader, key) => median(runs[reader].map((x) => x[key]));
console.log(
  `cpus ${cpus().length}, load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after`,
);
for (const reader of Object.keys(runs)) {
  console.log(
    `median ${reader.padEnd(11)} ${(m(reader, 'ms') / 1000).toFixed(2)} s (${(m(reader, 'ms') / m('csv', 'ms')).toFixed(2)} of CSV), peak RSS ${m(reader, 'peakRssMb').toFixed(0)} MB (${(m(reader, 'peakRssMb') / m('csv', 'peakRssMb')).toFixed(2)} of CSV)`,
  );
}

if (args.endToEnd) {
  const wall = { csv: [], parquet: [] };
  const out = mkdtempSync(join(tmpdir(), 'ds-bench-parquet-e2e-'));
  for (let r = 0; r < args.repeat; r++) {
    for (const [kind, pair] of [
      ['csv', csv],
      ['parquet', parquet],
    ]) {
      const t0 = performance.now();
      const child = spawnSync(
        process.execPath,
        [
          CLI,
          'analyze',
          '--reference',
          pair.reference,
          '--current',
          pair.current,
          '--json',
          join(out, `${kind}.json`),
        ],
        { encoding: 'utf8' },
      );
      const seconds = (performance.now() - t0) / 1000;
      if (child.status !== 0) throw new Error(`analyze ${kind} failed: ${child.stderr}`);
      wall[kind].push(seconds);
      console.log(`analyze ${kind.padEnd(8)} ${seconds.toFixed(2)} s`);
    }
  }
  const verdicts = (kind) =>
    JSON.parse(readFileSync(join(out, `${kind}.json`), 'utf8')).columns.map(
      (c) => `${c.name}:${c.driftDetected}`,
    );
  const same = JSON.stringify(verdicts('csv')) === JSON.stringify(verdicts('parquet'));
  const ratio = median(wall.parquet) / median(wall.csv);
  console.log(
    `median analyze: CSV ${median(wall.csv).toFixed(2)} s, Parquet ${median(wall.parquet).toFixed(2)} s; verdicts ${same ? 'identical' : 'DIFFERENT'}`,
  );
  console.log(
    `${ratio <= TARGET_PARQUET_RATIO ? 'PASS' : 'FAIL'} Parquet end to end ${ratio.toFixed(2)} of CSV (target ≤ ${TARGET_PARQUET_RATIO})`,
  );
  rmSync(out, { recursive: true, force: true });
}
