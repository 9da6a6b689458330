/**
 * The timeline benchmarks' data (timeline.bench.mjs, timeline-app.bench.ts): generate-bench-data.mjs's
 * N-row reference and current files (20 columns) with a first column `ts`, ISO date-times evenly spaced
 * over 52 weeks from a Monday (reference: 2024-01-08, current: 2025-01-06), in test/bench/data/timeline-N/.
 *
 * Usage as a script: node test/bench/timeline-data.mjs [N]  (prints the two paths as JSON)
 */
import { closeSync, createReadStream, existsSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DATA_DIR, generateBenchData } from './generate-bench-data.mjs';

const DAY_S = 86_400;

/** Copies `from` to `to` with a first column ts: row i at start + floor(i · 364 days / rows) seconds. */
async function addTimestamps(from, to, rows, startMs) {
  const fd = openSync(`${to}.partial`, 'w');
  let i = -1;
  let buffer = '';
  for await (const line of createInterface({
    input: createReadStream(from),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    if (i < 0) buffer += `ts,${line}\n`;
    else {
      const ts = new Date(startMs + Math.floor((i * 364 * DAY_S) / rows) * 1000).toISOString().slice(0, 19);
      buffer += `${ts},${line}\n`;
    }
    i++;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
  renameSync(`${to}.partial`, to);
}

export async function ensureTimelineData(rows, regenerate = false) {
  const dir = join(DEFAULT_DATA_DIR, `timeline-${rows}`);
  const reference = join(dir, 'reference-ts.csv');
  const current = join(dir, 'current-ts.csv');
  if (!regenerate && existsSync(reference) && existsSync(current)) return { reference, current };
  const t0 = performance.now();
  const plain = await generateBenchData({ rows, dir });
  await addTimestamps(plain.reference, reference, rows, Date.UTC(2024, 0, 8)); // a Monday
  await addTimestamps(plain.current, current, rows, Date.UTC(2025, 0, 6)); // a Monday
  rmSync(plain.reference);
  rmSync(plain.current);
  console.log(`generated ${rows} rows per file in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { reference, current };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  console.log(JSON.stringify(await ensureTimelineData(rows)));
}
