#!/usr/bin/env node
/**
 * Measures DuckDB's CSV reader against ours (issue 14: "if reaching the target needs another parser
 * (DuckDB's CSV reader, or a byte-level parser of our own), measure both") on the benchmark's data
 * (generate-bench-data.mjs: 1,000,000 rows × 20 columns, 14 floats, 4 categorical text, 2 integers).
 * Each reader runs in its own child process (bench-csv-readers-run.ts, bundled with esbuild), --repeat
 * times in turn, and reads the reference CSV into our typed columns:
 * - csv: our loader (electron/engine/load-csv.ts: the record scanner into ColumnBuilder), the product's;
 * - duckdb: DuckDB's `read_csv` through the Parquet loader's vector path (duckdb-parquet.ts readWithDuckdb
 *   into ParquetColumnBuilders), one DuckDB thread as the Parquet loader uses (the two files of a pair are
 *   read at once); given our sniff's dialect and explicit types (header = true, auto_detect = false,
 *   delim, quote and escape '"', encoding, columns = {name: DOUBLE or VARCHAR} from our type inference on
 *   the first 64 KiB), with the SHA-256 hashed beside the read as the Parquet loader does;
 * - duckdb-2t: the same with two DuckDB threads (one file alone on the 2 cores).
 * Prints each run (time, CPU time of all threads, peak RSS), the medians with the ratios to ours, and
 * the load average. Then, unless --no-pair, the pair as the CLI loads it: the reference and the current
 * file read at once, each in its own child process, by ours and by duckdb (wall time of both, the larger
 * peak RSS), --repeat times alternately.
 *
 * Then, unless --no-compare, both tables in one process compared column by column (storage, numbers bit
 * for bit, dictionaries and codes), and, unless --no-differences, small files that show what DuckDB's
 * reader would give differently from ours (line numbers, decimal commas, missing tokens, odd quoting,
 * encodings, ragged rows, spaces around labels).
 *
 * Usage: node test/bench/bench-csv-readers.mjs [--rows N] [--repeat K] [--no-pair] [--no-compare] [--no-differences]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ROWS } from './generate-bench-data.mjs';
import { ensureBenchData, lastJsonLine, median, withBundle } from './lib/bench-util.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');

const args = { rows: DEFAULT_ROWS, repeat: 3, pair: true, compare: true, differences: true };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--rows') args.rows = Number(argv[++i]);
  else if (argv[i] === '--repeat') args.repeat = Number(argv[++i]);
  else if (argv[i] === '--no-pair') args.pair = false;
  else if (argv[i] === '--no-compare') args.compare = false;
  else if (argv[i] === '--no-differences') args.differences = false;
  else throw new RangeError(`unknown argument: ${argv[i]}`);
}

const { reference, current } = await ensureBenchData({ rows: args.rows, log: console.log });
console.log(
  `data: ${args.rows.toLocaleString('en-US')} rows × 20 columns; reference CSV ${(statSync(reference).size / 1e6).toFixed(0)} MB`,
);
const readers = { csv: ['csv'], duckdb: ['duckdb', '1'], 'duckdb-2t': ['duckdb', '2'] };
const runs = Object.fromEntries(Object.keys(readers).map((r) => [r, []]));
const loadBefore = loadavg()[0];
const childOptions = { cwd: ROOT, env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } };
const run = (bundle, mode, rest) => {
  const child = spawnSync(process.execPath, [bundle, mode, ...rest], {
    ...childOptions,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (child.status !== 0) throw new Error(`${mode} failed: ${child.stderr}`);
  return child.stdout;
};
/** A child run without waiting: resolves with its JSON line. */
const start = (bundle, mode, rest) =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, [bundle, mode, ...rest], childOptions);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) =>
      code === 0 ? done(lastJsonLine(stdout)) : fail(new Error(`${mode} failed: ${stderr}`)),
    );
  });
await withBundle(
  join(HERE, 'bench-csv-readers-run.ts'),
  'ds-bench-csv-',
  async (bundle) => {
    for (let r = 0; r < args.repeat; r++) {
      for (const [reader, [mode, ...rest]] of Object.entries(readers)) {
        const result = lastJsonLine(run(bundle, mode, [reference, ...rest]));
        runs[reader].push(result);
        console.log(
          `${reader.padEnd(9)} rows ${result.rows} cols ${result.columns}  ${(result.ms / 1000).toFixed(2)} s  CPU ${(result.cpuMs / 1000).toFixed(2)} s  peak RSS ${result.peakRssMb.toFixed(0)} MB`,
        );
      }
    }
    const m = (reader, key) => median(runs[reader].map((x) => x[key]));
    console.log(
      `cpus ${cpus().length}, load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after`,
    );
    for (const reader of Object.keys(runs)) {
      const range = runs[reader].map((x) => x.ms / 1000);
      console.log(
        `median ${reader.padEnd(9)} ${(m(reader, 'ms') / 1000).toFixed(2)} s (${Math.min(...range).toFixed(2)}–${Math.max(...range).toFixed(2)}; ${(m(reader, 'ms') / m('csv', 'ms')).toFixed(2)} of ours), CPU ${(m(reader, 'cpuMs') / 1000).toFixed(2)} s, peak RSS ${m(reader, 'peakRssMb').toFixed(0)} MB (${(m(reader, 'peakRssMb') / m('csv', 'peakRssMb')).toFixed(2)} of ours)`,
      );
    }
    if (args.pair) {
      console.log('\n# the pair read at once (two processes)');
      const pairs = { csv: [], duckdb: [] };
      const pairLoad = loadavg()[0];
      for (let r = 0; r < args.repeat; r++) {
        for (const reader of Object.keys(pairs)) {
          const [mode, ...rest] = readers[reader];
          const t0 = performance.now();
          const both = await Promise.all([reference, current].map((f) => start(bundle, mode, [f, ...rest])));
          const seconds = (performance.now() - t0) / 1000;
          const rss = Math.max(...both.map((x) => x.peakRssMb));
          pairs[reader].push({ seconds, rss });
          console.log(
            `pair ${reader.padEnd(7)} ${seconds.toFixed(2)} s  larger peak RSS ${rss.toFixed(0)} MB`,
          );
        }
      }
      const pm = (reader, key) => median(pairs[reader].map((x) => x[key]));
      console.log(`load average ${pairLoad.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after`);
      console.log(
        `median pair: ours ${pm('csv', 'seconds').toFixed(2)} s, DuckDB ${pm('duckdb', 'seconds').toFixed(2)} s (${(pm('duckdb', 'seconds') / pm('csv', 'seconds')).toFixed(2)} of ours)`,
      );
    }
    if (args.compare) {
      console.log('\n# agreement of the two tables');
      const out = run(bundle, 'compare', [reference]);
      process.stdout.write(out.split('\n').slice(0, -2).join('\n'));
      const { differences } = lastJsonLine(out);
      console.log(`\n${differences === 0 ? 'AGREE' : `DIFFER (${differences})`}: ours and DuckDB's tables`);
    }
    if (args.differences) {
      console.log('\n# what DuckDB reads differently (small files)');
      const dir = mkdtempSync(join(tmpdir(), 'ds-bench-csv-differences-'));
      try {
        process.stdout.write(run(bundle, 'differences', [dir]));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  },
  { external: ['@duckdb/node-api', '@duckdb/node-bindings'] },
);
