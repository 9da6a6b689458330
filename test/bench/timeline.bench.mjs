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
 * With --cli it times the command line instead (`npm run build` first): `driftscope analyze --json` of the
 * same two files (`cli-plain`) against `driftscope analyze --chunk period:week --time-column ts --json`
 * (`cli-timeline`), each a whole process run end to end, wall time and peak RSS from /usr/bin/time (GNU);
 * also the plain run with ts ignored (`cli-plain-no-time`, --config {"ignore": ["ts"]}), for information,
 * as the timeline leaves its time column out of every analysis.
 *
 * Usage: node test/bench/timeline.bench.mjs [--rows N] [--repeat R] [--regenerate] [--cli]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastJsonLine, median, parseBenchArgs, withBundle } from './lib/bench-util.mjs';
import { ensureTimelineData } from './timeline-data.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ENTRY = join(HERE, 'timeline-bench-run.ts');
const TARGET_TIME_RATIO = 1.5;
const TARGET_MEMORY_RATIO = 1.2;

const args = parseBenchArgs(process.argv.slice(2), {
  rows: 1_000_000,
  repeat: 2,
  regenerate: false,
  cli: false,
});
const { reference, current } = await ensureTimelineData(args.rows, args.regenerate);
if (args.cli) {
  await cliBench(reference, current, args.repeat);
  process.exit(0);
}

/** One CLI run under GNU time: wall seconds and peak resident memory (MB) of the whole process. */
function cliRun(reference, current, extra, out) {
  const cli = join(HERE, '..', '..', 'dist', 'electron', 'cli.cjs');
  const argv = ['-f', 'TIME %e %M %U %S', process.execPath, cli, 'analyze', '--reference', reference];
  const child = spawnSync('/usr/bin/time', [...argv, '--current', current, ...extra, '--json', out], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const m = /TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(child.stderr);
  if (child.status !== 0 || !m) throw new Error(`CLI run failed (${child.status}): ${child.stderr}`);
  return { seconds: Number(m[1]), peakMb: Number(m[2]) / 1024, cpu: Number(m[3]) + Number(m[4]) };
}

async function cliBench(reference, current, repeat) {
  const out = join(mkdtempSync(join(tmpdir(), 'driftscope-bench-cli-')), 'out.json');
  const config = join(dirname(out), 'ignore-ts.json');
  writeFileSync(config, '{"ignore": ["ts"]}');
  const extras = {
    'cli-plain': [],
    'cli-plain-no-time': ['--config', config],
    'cli-timeline': ['--chunk', 'period:week', '--time-column', 'ts'],
  };
  const modes = { 'cli-plain': [], 'cli-plain-no-time': [], 'cli-timeline': [] };
  const loadBefore = loadavg()[0];
  for (let r = 0; r < repeat; r++) {
    for (const mode of Object.keys(modes)) {
      const run = cliRun(reference, current, extras[mode], out);
      modes[mode].push(run);
      console.log(
        `${mode.padEnd(17)} total ${run.seconds.toFixed(2)} s  cpu ${run.cpu.toFixed(2)} s  peak ${run.peakMb.toFixed(0)} MB`,
      );
    }
  }
  rmSync(dirname(out), { recursive: true, force: true });
  const m = (mode, key) => median(modes[mode].map((x) => x[key]));
  const time = m('cli-timeline', 'seconds') / m('cli-plain', 'seconds');
  const memory = m('cli-timeline', 'peakMb') / m('cli-plain', 'peakMb');
  console.log(
    `cpus ${cpus().length}, load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after`,
  );
  console.log(
    `median total: cli-plain ${m('cli-plain', 'seconds').toFixed(2)} s, cli-plain-no-time ${m('cli-plain-no-time', 'seconds').toFixed(2)} s, cli-timeline ${m('cli-timeline', 'seconds').toFixed(2)} s`,
  );
  const noTime = m('cli-timeline', 'seconds') / m('cli-plain-no-time', 'seconds');
  console.log(
    `time ratio to cli-plain-no-time ${noTime.toFixed(2)} (for information: the timeline leaves ts out)`,
  );
  const cpu = m('cli-timeline', 'cpu') / m('cli-plain', 'cpu');
  console.log(
    `CPU time (user + system) median: cli-plain ${m('cli-plain', 'cpu').toFixed(2)} s, cli-timeline ${m('cli-timeline', 'cpu').toFixed(2)} s, ratio ${cpu.toFixed(2)} (less sensitive to a shared CPU than wall time)`,
  );
  console.log(
    `${time <= TARGET_TIME_RATIO ? 'PASS' : 'FAIL'} CLI time ratio ${time.toFixed(2)} (target ≤ ${TARGET_TIME_RATIO})`,
  );
  console.log(
    `${memory <= TARGET_MEMORY_RATIO ? 'PASS' : 'FAIL'} CLI peak memory ratio ${memory.toFixed(2)} (target ≤ ${TARGET_MEMORY_RATIO})`,
  );
}
const failed = await withBundle(ENTRY, 'driftscope-bench-timeline-', timelineBench, {
  external: ['electron'],
});
process.exit(failed ? 1 : 0);

/** The child-process runs, alternating the modes; true when a run failed. */
function timelineBench(outfile) {
  let failed = false;
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
      const result = lastJsonLine(child.stdout);
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
  return failed;
}
