#!/usr/bin/env node
/**
 * End-to-end benchmark of `driftscope analyze` on the generated 1M × 20 files (see generate-bench-data.mjs).
 *
 * Runs `node bin/driftscope.cjs analyze --reference REF --current CUR --json TMP` as a child process, under
 * GNU `/usr/bin/time -v` when available (its "Maximum resident set size" is the peak RSS of the whole CLI
 * process, worker threads included, because workers are threads of that process). Without GNU time, on Linux
 * it polls /proc/PID/status for VmHWM instead. Prints rows, file MB, wall seconds, peak RSS and throughput
 * (bytes of both files / wall time), then PASS/FAIL lines against the targets. Being slow never makes the
 * exit code non-zero; a CLI that fails or is missing does.
 *
 * With --baseline it also runs the pandas + SciPy "notebook" baseline (pandas_baseline.py, Debian's
 * /usr/bin/python3) on the same files, prints both side by side, and compares the per-column verdicts.
 *
 * Usage: node test/bench/bench-analyze.mjs [--rows N] [--seed S] [--regenerate] [--baseline] [--cli PATH]
 * (--cli runs another build of the CLI, default bin/driftscope.cjs.)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ROWS, DEFAULT_SEED } from './generate-bench-data.mjs';
import { ensureBenchData } from './lib/bench-util.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const DEFAULT_CLI = join(ROOT, 'bin', 'driftscope.cjs');
const PYTHON = '/usr/bin/python3';
const BASELINE = join(HERE, 'pandas_baseline.py');
const GNU_TIME = '/usr/bin/time';

/** Targets from the architecture notes: 1M rows × 20 columns, two files, on 2 cores. */
const TARGET_WALL_SECONDS = 12;
const TARGET_PEAK_RSS_MB = 1200;

/** Columns the generator drifts on purpose (a drift test should flag exactly these). */
const EXPECTED_DRIFT = ['f01', 'f03', 'f05', 'f08', 'f14', 'c2', 'c4', 'i1'];

function parseArgs(argv) {
  const args = {
    rows: DEFAULT_ROWS,
    seed: DEFAULT_SEED,
    baseline: false,
    regenerate: false,
    cli: DEFAULT_CLI,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--baseline') args.baseline = true;
    else if (flag === '--regenerate') args.regenerate = true;
    else if (flag === '--cli') args.cli = resolve(argv[++i]);
    else if (flag === '--rows' || flag === '--seed') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || (flag === '--rows' && n < 1)) throw new RangeError(`${flag}: bad value`);
      args[flag.slice(2)] = n;
    } else if (flag === '--help' || flag === '-h') {
      console.log(
        'Usage: node test/bench/bench-analyze.mjs [--rows N] [--seed S] [--regenerate] [--baseline] [--cli PATH]',
      );
      process.exit(0);
    } else throw new RangeError(`unknown argument: ${flag}`);
  }
  return args;
}

/** Generates the data when it is missing or was generated with other rows/seed. */
async function ensureData({ rows, seed, regenerate }) {
  const { reference, current } = await ensureBenchData({ rows, seed, regenerate, log: console.log });
  return { reference, current, bytes: statSync(reference).size + statSync(current).size };
}

function hasGnuTime() {
  if (!existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /Maximum resident set size/.test(probe.stderr ?? '');
}

function readVmHwmKb(pid) {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Runs a command, measuring wall time and peak RSS. Output of the command goes to this terminal.
 * Returns { code, wallSeconds, peakRssMb (null when it could not be measured) }.
 */
async function measure(command, args, workDir) {
  const useTime = hasGnuTime();
  const timeFile = join(workDir, `time-${Date.now()}.txt`);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const start = performance.now();
  const child = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  let polledKb = null;
  const poll =
    !useTime && process.platform === 'linux'
      ? setInterval(() => {
          const kb = readVmHwmKb(child.pid);
          if (kb !== null) polledKb = Math.max(polledKb ?? 0, kb);
        }, 20)
      : null;
  const code = await new Promise((res, rej) => {
    child.on('error', rej);
    child.on('exit', (c, signal) => res(c ?? (signal ? 128 : 1)));
  });
  const wallSeconds = (performance.now() - start) / 1000;
  if (poll) clearInterval(poll);
  let peakRssMb = polledKb === null ? null : polledKb / 1024;
  if (useTime && existsSync(timeFile)) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
    if (m) peakRssMb = Number(m[1]) / 1024;
  }
  return { code, wallSeconds, peakRssMb, rssSource: useTime ? '/usr/bin/time -v' : '/proc VmHWM polling' };
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Per-column verdicts of the Driftscope JSON report (schemaVersion 1): name → drift, for tested columns. */
function driftscopeVerdicts(report) {
  const out = new Map();
  for (const c of report?.columns ?? []) if (c.test) out.set(c.name, Boolean(c.driftDetected));
  return out;
}

function baselineVerdicts(result) {
  const out = new Map();
  for (const [name, c] of Object.entries(result?.columns ?? {})) if (c.test) out.set(name, Boolean(c.drift));
  return out;
}

const fmt = (x, digits = 2) => (x === null || x === undefined ? 'n/a' : x.toFixed(digits));

function printRow(label, run, bytes) {
  const throughput = run.code === 0 ? bytes / 1e6 / run.wallSeconds : null;
  console.log(
    `${label.padEnd(22)} wall ${fmt(run.wallSeconds).padStart(7)} s   peak RSS ${fmt(run.peakRssMb, 0).padStart(6)} MB` +
      `   throughput ${fmt(throughput, 1).padStart(6)} MB/s${run.code === 0 ? '' : `   (exit code ${run.code})`}`,
  );
}

function compareVerdicts(label, verdicts) {
  const flagged = [...verdicts].filter(([, d]) => d).map(([n]) => n);
  const missed = EXPECTED_DRIFT.filter((n) => !flagged.includes(n));
  const extra = flagged.filter((n) => !EXPECTED_DRIFT.includes(n));
  console.log(
    `${label}: ${flagged.length}/${verdicts.size} columns drifted` +
      (missed.length || extra.length
        ? ` (differs from the built-in drifts: missed [${missed.join(', ')}], extra [${extra.join(', ')}])`
        : ' (exactly the built-in drifts)'),
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const data = await ensureData(args);
  const workDir = mkdtempSync(join(tmpdir(), 'driftscope-bench-'));
  let failed = false;
  try {
    const jsonPath = join(workDir, 'report.json');
    let cli = null;
    if (!existsSync(args.cli)) {
      console.error(`bench: ${args.cli} does not exist yet; build the CLI first (npm run build:node).`);
      failed = true;
    } else {
      console.log(`\n$ node ${args.cli} analyze --reference ... --current ... --json ${jsonPath}`);
      cli = await measure(
        process.execPath,
        [args.cli, 'analyze', '--reference', data.reference, '--current', data.current, '--json', jsonPath],
        workDir,
      );
      if (cli.code !== 0) failed = true;
    }

    let baseline = null;
    let baselineResult = null;
    if (args.baseline) {
      const baselineJson = join(workDir, 'baseline.json');
      console.log(`\n$ ${PYTHON} test/bench/pandas_baseline.py --reference ... --current ...`);
      baseline = await measure(
        PYTHON,
        [BASELINE, '--reference', data.reference, '--current', data.current, '--json', baselineJson],
        workDir,
      );
      baselineResult = readJson(baselineJson);
      if (baseline.code !== 0) failed = true;
    }

    console.log('\n=== Driftscope benchmark ===');
    console.log(`rows:       ${args.rows.toLocaleString('en-US')} per file x 20 columns`);
    console.log(`file MB:    ${fmt(data.bytes / 1e6, 1)} (reference + current)`);
    if (cli) {
      printRow('driftscope analyze', cli, data.bytes);
      console.log(`(peak RSS via ${cli.rssSource}; covers the CLI's worker threads)`);
    }
    if (baseline) {
      printRow('pandas + scipy', baseline, data.bytes);
      if (baselineResult) {
        console.log(
          `  (inside python: read ${fmt(baselineResult.readSeconds)} s, analysis ${fmt(baselineResult.analysisSeconds)} s, ` +
            `getrusage peak ${fmt(baselineResult.peakRssMb, 0)} MB)`,
        );
      }
      if (cli && cli.code === 0 && baseline.code === 0) {
        console.log(`speed-up vs baseline: ${fmt(baseline.wallSeconds / cli.wallSeconds, 1)}x`);
      }
    }

    const report = cli && cli.code === 0 ? readJson(jsonPath) : null;
    if (report) {
      const d = report.dataset;
      if (d)
        console.log(`dataset drift: ${d.driftDetected} (${d.driftedColumns}/${d.testedColumns} columns)`);
      compareVerdicts('driftscope', driftscopeVerdicts(report));
    }
    if (baselineResult) compareVerdicts('baseline', baselineVerdicts(baselineResult));
    if (report && baselineResult) {
      const ours = driftscopeVerdicts(report);
      const theirs = baselineVerdicts(baselineResult);
      const disagree = [...theirs].filter(([n, d]) => ours.has(n) && ours.get(n) !== d).map(([n]) => n);
      console.log(
        disagree.length === 0
          ? 'verdicts: Driftscope agrees with the baseline on every column both tested'
          : `verdicts: Driftscope and the baseline disagree on [${disagree.join(', ')}]`,
      );
    }

    if (cli && cli.code === 0) {
      console.log('\n=== targets ===');
      console.log(
        `${cli.wallSeconds < TARGET_WALL_SECONDS ? 'PASS' : 'FAIL'} wall time ${fmt(cli.wallSeconds)} s < ${TARGET_WALL_SECONDS} s`,
      );
      if (cli.peakRssMb === null) console.log('SKIP peak RSS: could not be measured on this system');
      else {
        console.log(
          `${cli.peakRssMb < TARGET_PEAK_RSS_MB ? 'PASS' : 'FAIL'} peak RSS ${fmt(cli.peakRssMb, 0)} MB < ${TARGET_PEAK_RSS_MB} MB`,
        );
      }
      if (args.rows !== DEFAULT_ROWS)
        console.log(`(targets are for ${DEFAULT_ROWS.toLocaleString('en-US')} rows)`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  // Slowness never fails the run; a missing or failing command does.
  process.exitCode = failed ? 1 : 0;
}

await main();
