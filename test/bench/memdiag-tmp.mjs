#!/usr/bin/env node
/**
 * Monitor benchmark (issue targets): (1) a 100,000-row × 20-column batch analysed against its baseline and
 * exported (history, metrics, textfile, log) in under 2 s; (2) a scrape of /metrics with 1,000 features in
 * under 50 ms; (3) the monitor's memory after 500 batches no higher than after 10 (no leak).
 * Data: test/bench/generate-bench-data.mjs (seeded), and a generated 1,000-column file. Runs the built CLI
 * (`npm run build:node` first). Usage: node test/bench/bench-monitor.mjs [--batches 500]
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, generateBenchData } from './generate-bench-data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'dist', 'electron', 'cli.cjs');
const work = mkdtempSync(path.join(tmpdir(), 'ds-bench-monitor-'));
const manyBatches = Number(process.argv[process.argv.indexOf('--batches') + 1]) || 500;
const run = (args) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

function deliver(src, dir, name) {
  const temp = path.join(dir, `.${name}.tmp`);
  copyFileSync(src, temp);
  renameSync(temp, path.join(dir, name));
}

async function withMonitor(baseline, watch, port, body) {
  const child = spawn(
    process.execPath,
    [
      cli,
      'monitor',
      '--baseline',
      baseline,
      '--watch',
      watch,
      '--listen',
      `127.0.0.1:${port}`,
      '--poll',
      '100',
      '--settle',
      '150',
      '--log',
      `${watch}.jsonl`,
      '--textfile',
      `${watch}.prom`,
    ],
    { cwd: work, stdio: 'ignore' },
  );
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/healthz`);
      break;
    } catch {
      await sleep(100);
    }
  }
  try {
    return await body(child);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const batchesIn = (log) =>
  readFileSync(path.join(work, log), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((e) => e.event === 'batch');

async function waitBatches(log, n) {
  for (;;) {
    try {
      if (batchesIn(log).length >= n) return batchesIn(log);
    } catch {}
    await sleep(50);
  }
}

// (3) Memory after 10 and after N small batches (1,000 rows × 20 columns each).
const small = await generateBenchData({ rows: 1000, dir: path.join(work, 'small') });
run(['baseline', '--reference', small.reference, '--model', 'small', '--out', 'bsmall.json']);
mkdirSync(path.join(work, 'wsmall'));
const gaugeOf = (text, name) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\S+)`, 'm').exec(text)?.[1]);
const memory = await withMonitor('bsmall.json', 'wsmall', 9563, async (child) => {
  const at = {};
  const samples = []; // [batch, V8 heap used, RSS, V8 heap total, external (MB)] every 10 batches, from the monitor's own /metrics
  for (let i = 1; i <= manyBatches; i++) {
    deliver(
      i % 2 ? small.current : small.reference,
      path.join(work, 'wsmall'),
      `batch-${String(i).padStart(4, '0')}.csv`,
    );
    if (i % 10 === 0) {
      await waitBatches('wsmall.jsonl', i);
      const text = await (await fetch('http://127.0.0.1:9563/metrics')).text();
      const mb = (name) => gaugeOf(text, name) / 2 ** 20;
      samples.push([
        i,
        mb('nodejs_heap_size_used_bytes'),
        rssMb(child.pid),
        mb('nodejs_heap_size_total_bytes'),
        mb('nodejs_external_memory_bytes'),
      ]);
    }
    if (i === 10 || i === Math.round(manyBatches / 2) || i === manyBatches) {
      await sleep(500);
      at[i] = rssMb(child.pid);
    }
  }
  // A leak shows as a rising floor of the heap: the lowest heap-used (just after a collection) of the first
  // fifth of the run against that of the last fifth.
  const fifth = Math.max(1, Math.floor(samples.length / 5));
  const floor = (xs) => Math.min(...xs.map((x) => x[1]));
  return {
    rss: at,
    heapFloorFirstMb: floor(samples.slice(0, fifth)),
    heapFloorLastMb: floor(samples.slice(-fifth)),
    samples,
  };
});
for (const s of memory.samples) console.log(s.map((v) => v.toFixed(1)).join("\t"));
