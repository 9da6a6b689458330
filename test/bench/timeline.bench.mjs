#!/usr/bin/env node
/**
 * Timeline benchmark (issue 11): N current rows (default 1,000,000) × 20 columns plus a timestamp `ts` over
 * one year (52 weeks from Monday 2025-01-06, evenly spaced, file order = time order) in 52 weekly chunks,
 * against an N-row reference (the year before). The data are generate-bench-data.mjs's files with `ts`
 * added as the first column (test/bench/data/timeline-N/, gitignored; timeline-data.mjs).
 *
 * Bundles timeline-bench-run.ts with esbuild (as bench-tests.mjs does) and runs it in separate child
 * processes, alternating `plain` (the two-file analysis), `plain-no-time` (the same with the ts column
 * ignored, as every chunk of the timeline does) and `timeline` (period:week), --repeat times each (default 2); each child loads both files itself, so times are end to end (load + analysis) and peak
 * memory is that child's VmHWM. Prints every run, the medians, and the ratios timeline/plain against the
 * targets (time ≤ 1.5×, peak memory ≤ 1.2×; also the time ratio to plain-no-time, for information) with the
 * machine's load average (the CPU is shared).
 * Being slow never makes the exit code non-zero; a run that fails does.
 *
 * Usage: node test/bench/timeline.bench.mjs [--rows N] [--repeat R] [--regenerate]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ensureTimelineData } from './timeline-data.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ENTRY = join(HERE, 'timeline-bench-run.ts');
const TARGET_TIME_RATIO = 1.5;
const TARGET_MEMORY_RATIO = 1.2;

function parseArgs(argv) {
  const args = { rows: 1_000_000, repeat: 2, regenerate: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--regenerate') args.regenerate = true;
    else if (flag === '--rows' || flag === '--repeat') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`${flag}: bad value`);
      args[flag.slice(2)] = n;
    } else throw new RangeError(`unknown argument: ${flag}`);
  }
  return args;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const args = parseArgs(process.argv.slice(2));
const { reference, current } = await ensureTimelineData(args.rows, args.regenerate);
const dir = mkdtempSync(join(tmpdir(), 'driftscope-bench-timeline-'));
const outfile = join(dir, 'timeline-bench.cjs');
let failed = false;
try {
  await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    external: ['electron'],
  });
  const runs = { plain: [], 'plain-no-time': [], timeline: [] };
  const loadBefore = loadavg()[0];
  for (let r = 0; r < args.repeat; r++) {
    for (const mode of ['plain', 'plain-no-time', 'timeline']) {
      const child = spawnSync(process.execPath, [outfile, mode, reference, current], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      if (child.status !== 0) {
        console.error(child.stderr);
        failed = true;
        continue;
      }
      const result = JSON.parse(child.stdout.trim().split('\n').pop());
      runs[mode].push(result);
      console.log(
        `${mode.padEnd(13)} rows ${result.rows} cols ${result.columns} chunks ${String(result.chunks).padStart(2)}  load ${(result.loadMs / 1000).toFixed(2)} s  analysis ${(result.analyzeMs / 1000).toFixed(2)} s  total ${(result.totalMs / 1000).toFixed(2)} s  peak ${result.peakRssMb?.toFixed(0)} MB  drifted ${result.drifted.join(' ')}`,
      );
    }
  }
  if (runs.plain.length > 0 && runs.timeline.length > 0) {
    const m = (mode, key) => median(runs[mode].map((x) => x[key]));
    const time = m('timeline', 'totalMs') / m('plain', 'totalMs');
    const analysis = m('timeline', 'analyzeMs') / m('plain', 'analyzeMs');
    const memory = m('timeline', 'peakRssMb') / m('plain', 'peakRssMb');
    console.log(
      `cpus ${cpus().length}, load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after`,
    );
    const seconds = (mode) => (runs[mode].length > 0 ? `${(m(mode, 'totalMs') / 1000).toFixed(2)} s` : 'n/a');
    console.log(
      `median total: plain ${seconds('plain')}, plain-no-time ${seconds('plain-no-time')}, timeline ${seconds('timeline')}`,
    );
    if (runs['plain-no-time'].length > 0) {
      const ratio = m('timeline', 'totalMs') / m('plain-no-time', 'totalMs');
      console.log(`time ratio to plain-no-time ${ratio.toFixed(2)} (for information)`);
    }
    console.log(
      `${time <= TARGET_TIME_RATIO ? 'PASS' : 'FAIL'} time ratio ${time.toFixed(2)} (target ≤ ${TARGET_TIME_RATIO}); analysis only ${analysis.toFixed(2)}`,
    );
    console.log(
      `${memory <= TARGET_MEMORY_RATIO ? 'PASS' : 'FAIL'} peak memory ratio ${memory.toFixed(2)} (target ≤ ${TARGET_MEMORY_RATIO})`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
