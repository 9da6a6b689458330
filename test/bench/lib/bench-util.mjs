/**
 * Helpers of the Node benchmarks (test/bench/*.mjs): the median of the runs, the common command line
 * (--rows, --repeat and on/off flags), a body bundled with esbuild into a temporary file, and the JSON line
 * a child process ends its output with.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

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
