#!/usr/bin/env node
/**
 * Micro-benchmark of every drift test in TEST_REGISTRY, in memory (no CSV, no CLI): bundles
 * test/bench/bench-tests-run.ts with esbuild's JS API into a temporary CommonJS file, runs it with Node and
 * removes it. The body generates 20 numeric columns × 1,000,000 rows per set (seeded; drifted, tied and
 * integer-valued columns), sorts them once, times each test on the 20 columns, then the tests that apply
 * to categorical columns on 20 categorical columns of 5–50 categories. See bench-tests-run.ts.
 *
 * Usage: node test/bench/bench-tests.mjs [--rows N] [--seed S] [--only KEY,KEY]
 * Exit code: the child's (non-zero only when a test throws or the bundle fails; slowness is reported, not fatal).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBundle } from './lib/bench-util.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ENTRY = join(HERE, 'bench-tests-run.ts');

const status = await withBundle(
  ENTRY,
  'driftscope-bench-tests-',
  (outfile) =>
    spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' }).status ?? 1,
);
process.exit(status);
