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
 * /usr/bin/python3) on the same files, prints both side by side, compares the per-column verdicts and
 * judges issue 14's targets: Driftscope's wall time at most 0.25 of the notebook's (median of --repeat
 * runs, the two alternating, in one run) and peak RSS at most 700 MB.
 *
 * --sizes 100000,1000000,3000000 runs that for each size (data for sizes other than 1M under
 * data/rows-N/) and prints a table with the time per million rows, to show the cost grows linearly.
 *
 * Usage: node test/bench/bench-analyze.mjs [--rows N | --sizes N,N,...] [--repeat K] [--seed S]
 *   [--regenerate] [--baseline] [--cli PATH]
 * (--cli runs another build of the CLI, default bin/driftscope.cjs.)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DATA_DIR, DEFAULT_ROWS, DEFAULT_SEED } from './generate-bench-data.mjs';
import { ensureBenchData, median } from './lib/bench-util.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const DEFAULT_CLI = join(ROOT, 'bin', 'driftscope.cjs');
const PYTHON = '/usr/bin/python3';
const BASELINE = join(HERE, 'pandas_baseline.py');
const GNU_TIME = '/usr/bin/time';

/** Issue 14's targets on the 1M × 20 pair: at most this share of the notebook's time, and this peak RSS. */
const TARGET_RATIO = 0.25;
const TARGET_PEAK_RSS_MB = 700;

/** Columns the generator drifts on purpose (a drift test should flag exactly these). */
const EXPECTED_DRIFT = ['f01', 'f03', 'f05', 'f08', 'f14', 'c2', 'c4', 'i1'];

function parseArgs(argv) {
  const args = {
    rows: DEFAULT_ROWS,
    seed: DEFAULT_SEED,
    baseline: false,
    regenerate: false,
    cli: DEFAULT_CLI,
    repeat: 1,
    sizes: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--baseline') args.baseline = true;
    else if (flag === '--regenerate') args.regenerate = true;
    else if (flag === '--cli') args.cli = resolve(argv[++i]);
    else if (flag === '--sizes') {
      args.sizes = argv[++i].split(',').map(Number);
      if (args.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new RangeError('--sizes: bad value');
    } else if (flag === '--repeat') {
      args.repeat = Number(argv[++i]);
      if (!Number.isInteger(args.repeat) || args.repeat < 1) throw new RangeError('--repeat: bad value');
    } else if (flag === '--rows' || flag === '--seed') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || (flag === '--rows' && n < 1)) throw new RangeError(`${flag}: bad value`);
      args[flag.slice(2)] = n;
    } else if (flag === '--help' || flag === '-h') {
      console.log(
        'Usage: node test/bench/bench-analyze.mjs [--rows N | --sizes N,N,...] [--repeat K] [--seed S] [--regenerate] [--baseline] [--cli PATH]',
      );
      process.exit(0);
    } else throw new RangeError(`unknown argument: ${flag}`);
  }
  return args;
}

/** Generates the data when it is missing or was generated with other rows/seed (1M: data/, else data/rows-N/). */
async function ensureData({ rows, seed, regenerate }) {
  const dir = rows === DEFAULT_ROWS ? DEFAULT_DATA_DIR : join(DEFAULT_DATA_DIR, `rows-${rows}`);
  const { reference, current } = await ensureBenchData({ rows, seed, dir, regenerate, log: console.log });
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

/** Median wall time and the highest peak RSS of runs. */
function summarise(runs) {
  const ok = runs.filter((r) => r.code === 0);
  if (ok.length === 0) return { code: runs[0]?.code ?? 1, wallSeconds: null, peakRssMb: null, runs };
  const peaks = ok.map((r) => r.peakRssMb).filter((x) => x !== null);
  return {
    code: 0,
    wallSeconds: median(ok.map((r) => r.wallSeconds)),
    peakRssMb: peaks.length > 0 ? Math.max(...peaks) : null,
    rssSource: ok[0].rssSource,
    runs,
  };
}

/** Runs the CLI (and the notebook) `repeat` times on one size, alternating; prints and judges them. */
async function runSize(args, rows, workDir) {
  const data = await ensureData({ ...args, rows });
  const jsonPath = join(workDir, 'report.json');
  const baselineJson = join(workDir, 'baseline.json');
  const ours = [];
  const theirs = [];
  for (let k = 0; k < args.repeat; k++) {
    console.log(
      `\n$ node ${args.cli} analyze --reference ${data.reference} --current ... --json ${jsonPath}`,
    );
    ours.push(
      await measure(
        process.execPath,
        [args.cli, 'analyze', '--reference', data.reference, '--current', data.current, '--json', jsonPath],
        workDir,
      ),
    );
    if (args.baseline) {
      console.log(`$ ${PYTHON} test/bench/pandas_baseline.py --reference ... --current ...`);
      theirs.push(
        await measure(
          PYTHON,
          [BASELINE, '--reference', data.reference, '--current', data.current, '--json', baselineJson],
          workDir,
        ),
      );
    }
  }
  const cli = summarise(ours);
  const baseline = args.baseline ? summarise(theirs) : null;
  const baselineResult = baseline ? readJson(baselineJson) : null;
  const failed = cli.code !== 0 || (baseline !== null && baseline.code !== 0);

  console.log(`\n=== Driftscope benchmark: ${rows.toLocaleString('en-US')} rows per file x 20 columns ===`);
  console.log(`file MB:    ${fmt(data.bytes / 1e6, 1)} (reference + current); median of ${args.repeat}`);
  printRow('driftscope analyze', cli, data.bytes);
  if (cli.code === 0) console.log(`(peak RSS via ${cli.rssSource}; covers the CLI's worker threads)`);
  if (baseline) {
    printRow('pandas + scipy', baseline, data.bytes);
    if (baselineResult) {
      console.log(
        `  (inside python: read ${fmt(baselineResult.readSeconds)} s, analysis ${fmt(baselineResult.analysisSeconds)} s, ` +
          `getrusage peak ${fmt(baselineResult.peakRssMb, 0)} MB)`,
      );
    }
  }
  const report = cli.code === 0 ? readJson(jsonPath) : null;
  if (report) {
    const d = report.dataset;
    if (d) console.log(`dataset drift: ${d.driftDetected} (${d.driftedColumns}/${d.testedColumns} columns)`);
    compareVerdicts('driftscope', driftscopeVerdicts(report));
  }
  if (baselineResult) compareVerdicts('baseline', baselineVerdicts(baselineResult));
  if (report && baselineResult) {
    const mine = driftscopeVerdicts(report);
    const other = baselineVerdicts(baselineResult);
    const disagree = [...other].filter(([n, d]) => mine.has(n) && mine.get(n) !== d).map(([n]) => n);
    console.log(
      disagree.length === 0
        ? 'verdicts: Driftscope agrees with the baseline on every column both tested'
        : `verdicts: Driftscope and the baseline disagree on [${disagree.join(', ')}]`,
    );
  }
  const ratio = cli.code === 0 && baseline?.code === 0 ? cli.wallSeconds / baseline.wallSeconds : null;
  if (rows === DEFAULT_ROWS && cli.code === 0) {
    console.log('\n=== targets (issue 14, 1M rows) ===');
    if (ratio === null) console.log('SKIP time: run with --baseline to judge the ratio to the notebook');
    else
      console.log(
        `${ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'} time ${fmt(ratio)} of the notebook's (target <= ${TARGET_RATIO})`,
      );
    if (cli.peakRssMb === null) console.log('SKIP peak RSS: could not be measured on this system');
    else
      console.log(
        `${cli.peakRssMb <= TARGET_PEAK_RSS_MB ? 'PASS' : 'FAIL'} peak RSS ${fmt(cli.peakRssMb, 0)} MB (target <= ${TARGET_PEAK_RSS_MB} MB)`,
      );
  }
  return { rows, cli, baseline, ratio, failed };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.cli)) {
    console.error(`bench: ${args.cli} does not exist yet; build the CLI first (npm run build:node).`);
    process.exitCode = 1;
    return;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'driftscope-bench-'));
  const results = [];
  try {
    for (const rows of args.sizes ?? [args.rows]) results.push(await runSize(args, rows, workDir));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  if (results.length > 1) {
    console.log(
      `\n=== by size (median of ${args.repeat}; load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}) ===`,
    );
    console.log('rows        driftscope s  s per 1M rows  peak MB   notebook s  peak MB  ratio');
    for (const { rows, cli, baseline, ratio } of results) {
      console.log(
        `${rows.toLocaleString('en-US').padEnd(11)} ${fmt(cli.wallSeconds).padStart(12)}  ${fmt(cli.wallSeconds === null ? null : (cli.wallSeconds * 1e6) / rows).padStart(13)}  ${fmt(cli.peakRssMb, 0).padStart(7)}  ${fmt(baseline?.wallSeconds).padStart(11)}  ${fmt(baseline?.peakRssMb, 0).padStart(7)}  ${fmt(ratio).padStart(5)}`,
      );
    }
  }
  // Slowness never fails the run; a missing or failing command does.
  process.exitCode = results.some((r) => r.failed) ? 1 : 0;
}

await main();
