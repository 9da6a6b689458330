#!/usr/bin/env node
/**
 * Champion/challenger, CBPE and serving benchmark (issue 13): bundles shadow-bench-run.ts with esbuild and
 * runs it in a child process for each --rows value (default 100000 and 1000000), printing its JSON line
 * (wall milliseconds of model quality alone, and what the estimate, the shadow comparison and serving add)
 * and the machine's load average (the CPU is shared). Being slow never makes the exit code non-zero.
 *
 * Usage: node test/bench/shadow.bench.mjs [--rows N[,N...]]
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBundle } from './lib/bench-util.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const rowsFlag = process.argv.indexOf('--rows');
const sizes = rowsFlag >= 0 ? process.argv[rowsFlag + 1].split(',').map(Number) : [100_000, 1_000_000];
await withBundle(
  join(HERE, 'shadow-bench-run.ts'),
  'driftscope-shadow-bench-',
  (bundle) => {
    for (const n of sizes) {
      const run = spawnSync(process.execPath, ['--max-old-space-size=8192', bundle, String(n)], {
        encoding: 'utf8',
      });
      if (run.status !== 0) {
        process.stderr.write(run.stderr);
        process.exitCode = 1;
        break;
      }
      process.stdout.write(run.stdout);
    }
    process.stdout.write(
      `load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}\n`,
    );
  },
  { logLevel: 'error' },
);
