#!/usr/bin/env node
/**
 * Times the numeric sort (shared/stats/sort-order.ts `sortedValues`, run on every numeric column at load)
 * against the native Float64Array sort: bundles bench-sort-run.ts with esbuild into a temporary CommonJS
 * file and runs it. Usage: node test/bench/bench-sort.mjs [--rows N] [--repeat K]
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBundle } from './lib/bench-util.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ENTRY = join(HERE, 'bench-sort-run.ts');

const status = await withBundle(
  ENTRY,
  'driftscope-bench-sort-',
  (outfile) =>
    spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' }).status ?? 1,
);
process.exit(status);
