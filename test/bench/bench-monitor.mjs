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

// (1) 100k × 20 batch.
const data = await generateBenchData({ rows: 100_000, dir: path.join(work, 'data') });
run(['baseline', '--reference', data.reference, '--model', 'bench', '--out', 'b100k.json']);
mkdirSync(path.join(work, 'w100k'));
const big = await withMonitor('b100k.json', 'w100k', 9561, async () => {
  const times = [];
  for (let i = 1; i <= 3; i++) {
    const t0 = performance.now();
    deliver(data.current, path.join(work, 'w100k'), `batch-${i}.csv`);
    const b = await waitBatches('w100k.jsonl', i);
    times.push({ wall: (performance.now() - t0) / 1000, analyse: b[i - 1].durationSeconds });
  }
  return times;
});

// (2) 1,000 features: a 1,000-column file of 1,000 rows.
const rng = createRng(7);
const cols = Array.from({ length: 1000 }, (_, j) => `feature_${String(j).padStart(4, '0')}`);
const wide = (shift) =>
  `${cols.join(',')}\n${Array.from({ length: 1000 }, () => cols.map((_, j) => (rng.uniform() + (j % 3 === 0 ? shift : 0)).toFixed(4)).join(',')).join('\n')}\n`;
writeFileSync(path.join(work, 'wide-ref.csv'), wide(0));
writeFileSync(path.join(work, 'wide-cur.csv'), wide(0.2));
run(['baseline', '--reference', 'wide-ref.csv', '--model', 'wide', '--out', 'bwide.json']);
mkdirSync(path.join(work, 'wwide'));
const scrape = await withMonitor('bwide.json', 'wwide', 9562, async () => {
  deliver(path.join(work, 'wide-cur.csv'), path.join(work, 'wwide'), 'batch-1.csv');
  await waitBatches('wwide.jsonl', 1);
  const times = [];
  let bytes = 0;
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const text = await (await fetch('http://127.0.0.1:9562/metrics')).text();
    times.push(performance.now() - t0);
    bytes = text.length;
  }
  return { ms: median(times), bytes };
});

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

console.log(JSON.stringify({ batch100k: big, scrape1000Features: scrape, memory }, null, 2));
console.log(
  `100k×20 batch: analysed in ${median(big.map((b) => b.analyse)).toFixed(2)} s (median of 3), ` +
    `${median(big.map((b) => b.wall)).toFixed(2)} s from delivery to log line (target < 2 s)`,
);
console.log(
  `/metrics with 1,000 features (${(scrape.bytes / 1024).toFixed(0)} kB): ${scrape.ms.toFixed(1)} ms (median of 30; target < 50 ms)`,
);
console.log(
  `RSS after ${Object.entries(memory.rss)
    .map(([n, mb]) => `${n} batches ${mb.toFixed(0)} MB`)
    .join(', ')}; V8 heap-used floor: first fifth ${memory.heapFloorFirstMb.toFixed(1)} MB, ` +
    `last fifth ${memory.heapFloorLastMb.toFixed(1)} MB (a leak raises the floor)`,
);
