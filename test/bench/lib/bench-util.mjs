/**
 * Helpers of the Node benchmarks (test/bench/*.mjs): the median of the runs, the common command line
 * (--rows, --repeat and on/off flags), a body bundled with esbuild into a temporary file, the JSON line
 * a child process ends its output with, and generate-bench-data.mjs's pair made fresh when needed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { DEFAULT_DATA_DIR, DEFAULT_SEED, generateBenchData } from '../generate-bench-data.mjs';

/** The median (the mean of the two middle values for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Reads `--name N` (a whole number ≥ 1) for the numeric entries of `defaults` and `--name` (sets true)
 * for its boolean ones.
 *
 * @throws {RangeError} for an unknown argument or a bad number.
 * @example parseBenchArgs(['--rows', '10'], { rows: 1_000_000, regenerate: false }) // { rows: 10, regenerate: false }
 */
export function parseBenchArgs(argv, defaults) {
  const args = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const key = flag.startsWith('--') ? flag.slice(2) : '';
    if (typeof defaults[key] === 'boolean') args[key] = true;
    else if (typeof defaults[key] === 'number') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`${flag}: bad value`);
      args[key] = n;
    } else throw new RangeError(`unknown argument: ${flag}`);
  }
  return args;
}

/**
 * Bundles `entry` with esbuild into a temporary CommonJS file (`prefix` names its folder), resolves with
 * what `use(file)` resolves with, and removes the file, also when `use` throws. `options` go to esbuild
 * (external, logLevel, ...).
 */
export async function withBundle(entry, prefix, use, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const outfile = join(dir, 'run.cjs');
  try {
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      logLevel: 'warning',
      ...options,
    });
    return await use(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The JSON value on the last line of a child's output. */
export function lastJsonLine(stdout) {
  return JSON.parse(stdout.trim().split('\n').pop());
}

/**
 * generate-bench-data.mjs's reference.csv and current.csv in `dir` for `rows` and `seed`, generated again
 * when either file or data/meta.json is missing, when meta.json records other rows or another seed, or
 * when `regenerate` is set. `log` (e.g. console.log) is told before and after a generation. Resolves with
 * the two paths and whether they were generated now (what was derived from the old files is then stale).
 */
export async function ensureBenchData({
  rows,
  seed = DEFAULT_SEED,
  dir = DEFAULT_DATA_DIR,
  regenerate = false,
  log = () => {},
}) {
  const reference = join(dir, 'reference.csv');
  const current = join(dir, 'current.csv');
  const metaPath = join(dir, 'meta.json');
  let fresh = !regenerate && existsSync(reference) && existsSync(current) && existsSync(metaPath);
  if (fresh) {
    try {
      const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
      fresh = meta.rows === rows && meta.seed === seed;
    } catch {
      fresh = false;
    }
  }
  if (!fresh) {
    log(`generating ${rows.toLocaleString('en-US')} rows per file into ${dir} ...`);
    const r = await generateBenchData({ rows, seed, dir });
    log(`generated in ${r.seconds.toFixed(1)} s`);
  }
  return { reference, current, generated: !fresh };
}
