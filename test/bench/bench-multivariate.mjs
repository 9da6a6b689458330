#!/usr/bin/env node
/**
 * Multivariate benchmark (issue 15): generate-bench-data.mjs's N rows (default 1,000,000) × 20 columns per
 * set. Bundles bench-multivariate-run.ts with esbuild and runs it in one child process, which loads both
 * files once and alternates, --repeat times (default 2), the plain analysis and the two detectors (domain
 * classifier, PCA reconstruction error) on the same tables, one after the other: the detectors' cost in CPU.
 * Then the same files through the engine (the app's and the command line's path, where the detectors run in
 * a worker of their own beside the per-column tests): `analyze` without and with the detectors, alternated,
 * on the files loaded (and sorted, by the parse workers) once. Prints each run, the medians and the load
 * average (the CPU is shared). Then the whole analysis, the judged figure (target: the detectors add at most
 * 30 % to the plain command), as a user runs it: `driftscope analyze --reference R --current C
 * --json OUT` (load, analysis, JSON written; the built CLI, `npm run build:node`) with and without
 * `--multivariate`, alternated --repeat times, each in its own process: the detectors' extra wall time as a
 * share of the plain command. Being slow never makes the exit code non-zero; a run that fails does.
 *
 * Usage: node test/bench/bench-multivariate.mjs [--rows N] [--repeat R] [--regenerate] [--no-cli]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBenchData, median, parseBenchArgs, withBundle } from './lib/bench-util.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ENTRY = join(HERE, 'bench-multivariate-run.ts');
const CLI = join(HERE, '..', '..', 'bin', 'driftscope.cjs');
const BUNDLE_DIR = join(HERE, '..', '..', 'dist', 'electron');
const TARGET_SHARE = 0.3;

async function main() {
  const cli = !process.argv.includes('--no-cli');
  const args = parseBenchArgs(
    process.argv.slice(2).filter((a) => a !== '--no-cli'),
    { rows: 1_000_000, repeat: 2, regenerate: false },
  );
  const { reference, current } = await ensureBenchData({ rows: args.rows, regenerate: args.regenerate });
  await withBundle(
    ENTRY,
    'driftscope-mv-bench-',
    (outfile) => {
      const before = loadavg()[0];
      const child = spawnSync(
        process.execPath,
        [outfile, reference, current, String(args.repeat), BUNDLE_DIR],
        {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      if (child.status !== 0) {
        process.stderr.write(child.stderr);
        throw new Error(`benchmark child failed with status ${child.status}`);
      }
      const lines = child.stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l));
      const runs = lines.filter((l) => l.kind === 'run');
      for (const l of lines) console.log(JSON.stringify(l));
      const plain = median(runs.map((r) => r.plainMs));
      const classifier = median(runs.map((r) => r.classifierMs));
      const reconstruction = median(runs.map((r) => r.reconstructionMs));
      const share = (classifier + reconstruction) / plain;
      const cpuPlain = median(runs.map((r) => r.plainCpuMs));
      const cpuShare =
        (median(runs.map((r) => r.classifierCpuMs)) + median(runs.map((r) => r.reconstructionCpuMs))) /
        cpuPlain;
      console.log(
        `\n${args.rows.toLocaleString('en')} rows × 20 columns per set, ${runs.length} runs, ${cpus().length} CPUs, load average ${before.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
      );
      console.log(`plain analysis (median)     ${(plain / 1000).toFixed(2)} s`);
      console.log(
        `domain classifier (median)  ${(classifier / 1000).toFixed(2)} s  (${((100 * classifier) / plain).toFixed(1)} %)`,
      );
      console.log(
        `reconstruction (median)     ${(reconstruction / 1000).toFixed(2)} s  (${((100 * reconstruction) / plain).toFixed(1)} %)`,
      );
      console.log(
        `one after the other, in one thread: detectors ${(100 * share).toFixed(1)} % of the plain analysis`,
      );
      console.log(
        `(process CPU time: plain ${(cpuPlain / 1000).toFixed(2)} s, detectors ${(100 * cpuShare).toFixed(1)} % of it)`,
      );
      const engine = lines.filter((l) => l.kind === 'engine');
      const enginePlain = median(engine.map((r) => r.plainMs));
      const engineWith = median(engine.map((r) => r.multivariateMs));
      const engineShare = (engineWith - enginePlain) / enginePlain;
      console.log(
        '\nthrough the engine (detectors in their own worker), analyze requests on the loaded files',
      );
      console.log(`plain analysis (median)     ${(enginePlain / 1000).toFixed(2)} s`);
      console.log(`with the detectors (median) ${(engineWith / 1000).toFixed(2)} s`);
      // Not the judged figure: in the engine the parse workers sort the columns while loading, so the
      // analysis of loaded files is only the tests proper; the judged figure is the whole command below.
      console.log(
        `detectors' extra time ${(100 * engineShare).toFixed(1)} % of the analysis of loaded files (${((engineWith - enginePlain) / 1000).toFixed(2)} s)`,
      );
    },
    { external: ['electron'] },
  );
  if (cli) endToEnd(reference, current, args.repeat);
}

/** `driftscope analyze` with and without --multivariate, alternated, each timed from spawn to exit. */
function endToEnd(reference, current, repeat) {
  const dir = mkdtempSync(join(tmpdir(), 'driftscope-mv-cli-'));
  const times = { plain: [], multivariate: [] };
  try {
    for (let r = 0; r < repeat; r++) {
      for (const kind of ['plain', 'multivariate']) {
        const out = join(dir, `${kind}.json`);
        const flags = kind === 'multivariate' ? ['--multivariate'] : [];
        const t = performance.now();
        const child = spawnSync(
          process.execPath,
          [CLI, 'analyze', '--reference', reference, '--current', current, '--json', out, ...flags],
          { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
        );
        const ms = performance.now() - t;
        // Exit code 1 is "drift found"; anything else is a failure.
        if (child.status !== 0 && child.status !== 1) {
          process.stderr.write(child.stderr);
          throw new Error(`driftscope analyze ${flags.join(' ')} failed with status ${child.status}`);
        }
        times[kind].push(ms);
        console.log(JSON.stringify({ kind: 'cli', variant: kind, ms }));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const plain = median(times.plain);
  const withDetectors = median(times.multivariate);
  const share = (withDetectors - plain) / plain;
  console.log(
    `\nend to end, driftscope analyze --json (median of ${repeat}, load average now ${loadavg()[0].toFixed(2)})`,
  );
  console.log(`plain                       ${(plain / 1000).toFixed(2)} s`);
  console.log(`with --multivariate         ${(withDetectors / 1000).toFixed(2)} s`);
  console.log(
    `${share <= TARGET_SHARE ? 'PASS' : 'FAIL'} detectors' extra time ${(100 * share).toFixed(1)} % of the plain command (target ≤ ${100 * TARGET_SHARE} %)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
