/**
 * The command line as a user runs it, for the tests: `node bin/driftscope.cjs ...` in a child process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** What a CLI run gave: its exit code (null when killed by a signal) and its output. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `driftscope ...args` in `cwd` (default: the repository root), with `env` added to the environment. */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): CliRun {
  const child = spawnSync(process.execPath, [path.join(root, 'bin', 'driftscope.cjs'), ...args], {
    encoding: 'utf8',
    cwd: options.cwd ?? root,
    ...(options.env && { env: { ...process.env, ...options.env } }),
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Builds the CLI bundle (dist/electron, `npm run build:node`) when it is missing. */
export function ensureCliBuilt(): void {
  if (!existsSync(path.join(root, 'dist', 'electron', 'cli.cjs')))
    spawnSync(process.execPath, [path.join(root, 'build', 'build-node.mjs')], { stdio: 'inherit' });
}
