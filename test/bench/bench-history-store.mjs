#!/usr/bin/env node
/**
 * The monitor's history store, measured on its own workload in SQLite (better-sqlite3 12, what the monitor
 * uses) and DuckDB (@duckdb/node-api), to back the choice in docs/monitoring.md. Workload, per database, in a
 * fresh file: N batches appended one at a time, each as the monitor writes it (indexed columns plus a JSON
 * summary of 20 columns, about 3 kB), each preceded by the "seen this file and SHA-256?" lookup; then the
 * restart: open the file and read every batch back in order; then the history as a timeline: drift share per
 * batch. Reports the median per-batch write, the restart read, the file size and the process's RSS growth.
 *
 * DuckDB is not a dependency of Driftscope: install it beside the repository without saving it, then run
 *   npm install --no-save @duckdb/node-api && node test/bench/bench-history-store.mjs [--batches 10000]
 * or install it in another folder and give that folder's node_modules as NODE_PATH (without it, only SQLite
 * is measured). Each database runs in a child process of its own, so RSS is not shared.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const argBatches = process.argv.indexOf('--batches');
const batches = argBatches > 0 ? Number(process.argv[argBatches + 1]) : 10_000;
const require = createRequire(import.meta.url);
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const SCHEMA = `CREATE TABLE IF NOT EXISTS batches (
  id INTEGER PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL,
  analysed_at TEXT NOT NULL, status TEXT NOT NULL, error TEXT, rows INTEGER, drift_share DOUBLE,
  drift_detected INTEGER, duration_seconds DOUBLE NOT NULL, summary TEXT, UNIQUE (file, sha256))`;
const INSERT = `INSERT INTO batches VALUES ($id, $file, $sha256, $bytes, $analysed_at, $status, NULL, $rows,
  $drift_share, $drift_detected, $duration_seconds, $summary)`;

/** The batch the monitor would write for batch i: 20 columns' test, score, threshold and verdict. */
function record(i) {
  const columns = Array.from({ length: 20 }, (_, c) => ({
    name: `feature_${c}`,
    test: c % 4 === 0 ? 'chisquare' : 'ks',
    score: ((i * 7919 + c * 104729) % 1000) / 1000,
    threshold: 0.05,
    driftDetected: (i + c) % 9 === 0,
    missingShare: 0,
  }));
  const summary = JSON.stringify({ rows: 1000, dataset: { driftShare: 0.1, driftDetected: false }, columns });
  return {
    $id: i,
    $file: `batch-${String(i).padStart(6, '0')}.csv`,
    $sha256: (i * 2654435761).toString(16).padStart(64, '0'),
    $bytes: 120_000,
    $analysed_at: new Date(1_750_000_000_000 + i * 60_000).toISOString(),
    $status: 'ok',
    $rows: 1000,
    $drift_share: 0.1,
    $drift_detected: 0,
    $duration_seconds: 0.05,
    $summary: summary,
  };
}

async function sqlite(file) {
  const Database = require('better-sqlite3');
  const rss0 = rssMb();
  let db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  const has = db.prepare('SELECT 1 FROM batches WHERE file = ? AND sha256 = ?');
  const add = db.prepare(INSERT.replaceAll('$', '@'));
  const writes = [];
  for (let i = 1; i <= batches; i++) {
    const r = record(i);
    const t0 = performance.now();
    has.get(r.$file, r.$sha256);
    add.run(Object.fromEntries(Object.entries(r).map(([k, v]) => [k.slice(1), v])));
    writes.push(performance.now() - t0);
  }
  db.close();
  const t0 = performance.now();
  db = new Database(file);
  const all = db.prepare('SELECT * FROM batches ORDER BY id').all();
  for (const row of all) JSON.parse(row.summary);
  const restartMs = performance.now() - t0;
  const t1 = performance.now();
  const line = db.prepare('SELECT id, drift_share FROM batches ORDER BY id').all();
  const timelineMs = performance.now() - t1;
  db.close();
  return { writes, restartMs, timelineMs, rows: all.length + 0 * line.length, rssGrowthMb: rssMb() - rss0 };
}

async function duckdb(file) {
  const { DuckDBInstance } = require('@duckdb/node-api');
  const rss0 = rssMb();
  let instance = await DuckDBInstance.create(file);
  let db = await instance.connect();
  await db.run(SCHEMA);
  const has = await db.prepare('SELECT 1 FROM batches WHERE file = $1 AND sha256 = $2');
  const add = await db.prepare(INSERT);
  const writes = [];
  for (let i = 1; i <= batches; i++) {
    const r = record(i);
    const t0 = performance.now();
    has.bind([r.$file, r.$sha256]);
    await has.runAndReadAll();
    add.bind(Object.fromEntries(Object.entries(r).map(([k, v]) => [k.slice(1), v])));
    await add.run();
    writes.push(performance.now() - t0);
  }
  db.closeSync();
  instance.closeSync();
  const t0 = performance.now();
  instance = await DuckDBInstance.create(file);
  db = await instance.connect();
  const all = (await db.runAndReadAll('SELECT * FROM batches ORDER BY id')).getRowObjects();
  for (const row of all) JSON.parse(row.summary);
  const restartMs = performance.now() - t0;
  const t1 = performance.now();
  await db.runAndReadAll('SELECT id, drift_share FROM batches ORDER BY id');
  const timelineMs = performance.now() - t1;
  db.closeSync();
  instance.closeSync();
  return { writes, restartMs, timelineMs, rows: all.length, rssGrowthMb: rssMb() - rss0 };
}

if (process.argv[2] === '--child') {
  const [, , , engine, file] = process.argv;
  const r = await (engine === 'sqlite' ? sqlite : duckdb)(file);
  console.log(
    JSON.stringify({
      engine,
      batches: r.rows,
      writeMedianMs: median(r.writes),
      writeP99Ms: [...r.writes].sort((a, b) => a - b)[Math.floor(r.writes.length * 0.99)],
      writeTotalS: r.writes.reduce((a, b) => a + b, 0) / 1000,
      restartReadMs: r.restartMs,
      timelineQueryMs: r.timelineMs,
      fileMb: statSync(file).size / 2 ** 20,
      rssGrowthMb: r.rssGrowthMb,
    }),
  );
} else {
  const work = mkdtempSync(path.join(tmpdir(), 'ds-bench-history-'));
  let hasDuck = true;
  try {
    require.resolve('@duckdb/node-api');
  } catch {
    hasDuck = false;
    console.error('@duckdb/node-api is not installed: measuring SQLite only (see the usage above).');
  }
  for (const engine of hasDuck ? ['sqlite', 'duckdb'] : ['sqlite']) {
    const file = path.join(work, `${engine}.db`);
    const r = spawnSync(process.execPath, [self, '--child', engine, file, '--batches', String(batches)], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(r.stderr);
    const m = JSON.parse(r.stdout);
    console.log(
      `${engine.padEnd(6)} ${m.batches} batches: write ${m.writeMedianMs.toFixed(3)} ms median ` +
        `(p99 ${m.writeP99Ms.toFixed(3)} ms, ${m.writeTotalS.toFixed(1)} s in all), restart read ` +
        `${m.restartReadMs.toFixed(0)} ms, timeline query ${m.timelineQueryMs.toFixed(1)} ms, ` +
        `file ${m.fileMb.toFixed(1)} MB, RSS +${m.rssGrowthMb.toFixed(0)} MB`,
    );
  }
}
