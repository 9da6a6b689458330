/**
 * A real monitor history for the app's tests: the demo's reference → `driftscope baseline` → `driftscope
 * simulate` (4 batches of 400 rows, income shifted by 2 sd from batch 2 on) plus a batch with the wrong columns → `driftscope
 * monitor` (the built CLI, no HTTP) over that folder until every batch is in the history, then SIGTERM. The
 * monitor's JSON log is returned too: it is the oracle of the alerts the history view lists.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
export const cliPath = path.join(root, 'dist', 'electron', 'cli.cjs');

export interface MonitorRun {
  reference: string;
  baseline: string;
  watch: string;
  history: string;
  log: string;
}

const runCli = (work: string, args: string[]) => {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: work, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`driftscope ${args[0]} failed: ${r.stderr}`);
};

export async function writeMonitorHistory(work: string): Promise<MonitorRun> {
  if (!existsSync(cliPath))
    spawnSync(process.execPath, [path.join(root, 'build', 'build-node.mjs')], { stdio: 'inherit' });
  mkdirSync(work, { recursive: true });
  runCli(work, ['demo', '--out', 'demo']);
  runCli(work, [
    'baseline',
    '--reference',
    'demo/reference.csv',
    '--model',
    'loans',
    '--out',
    'baseline.json',
  ]);
  runCli(work, [
    'simulate',
    '--reference',
    'demo/reference.csv',
    '--out',
    'watch',
    '--batches',
    '4',
    '--rows',
    '400',
    '--seed',
    '7',
    '--drift',
    'shift:income:2sd@2',
  ]);
  // A batch with the wrong columns (none of the baseline's), named to sort after the good ones.
  writeFileSync(path.join(work, 'watch', 'batch-005.csv'), 'colour,size\nred,1\nblue,2\n');
  const run: MonitorRun = {
    reference: path.join(work, 'demo', 'reference.csv'),
    baseline: path.join(work, 'baseline.json'),
    watch: path.join(work, 'watch'),
    history: path.join(work, 'history.sqlite'),
    log: path.join(work, 'monitor.jsonl'),
  };
  const child = spawn(
    process.execPath,
    [
      cliPath,
      'monitor',
      '--baseline',
      'baseline.json',
      '--watch',
      'watch',
      '--listen',
      'off',
      '--history',
      'history.sqlite',
      '--log',
      'monitor.jsonl',
      '--poll',
      '100',
      '--settle',
      '100',
    ],
    { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const batches = () =>
    existsSync(run.log)
      ? readFileSync(run.log, 'utf8')
          .split('\n')
          .filter((l) => l.includes('"event":"batch"')).length
      : 0;
  const until = Date.now() + 60_000;
  while (batches() < 5) {
    if (Date.now() > until || child.exitCode !== null) {
      child.kill('SIGTERM');
      throw new Error(`the monitor did not finish the 5 batches: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  if ((await exited) !== 0) throw new Error(`the monitor did not stop cleanly: ${stderr}`);
  return run;
}
