/**
 * Body of the timeline benchmark (bundled and run by timeline.bench.mjs, one child process per mode; not a
 * unit test). Loads the reference and current CSVs with the app's loader (electron/engine/load-csv.ts),
 * then runs the plain two-file analysis (`plain`: shared/drift/analyze.ts analyzeTables), the same with the
 * time column ignored (`plain-no-time`, as every timeline chunk does), or the timeline (`timeline`:
 * shared/timeline/analyze-timeline.ts, `period:week` on column ts). Prints one JSON
 * line: load, analysis and total wall milliseconds, chunk count, and the process's peak resident memory
 * (VmHWM of /proc/self/status, Linux) in MB.
 *
 * Usage: node BUNDLE.cjs plain|plain-no-time|timeline REFERENCE CURRENT
 */
import { readFileSync } from 'node:fs';
import { loadCsv } from '../../electron/engine/load-csv';
import { analyzeTables } from '../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../shared/drift/settings';
import { analyzeTimeline } from '../../shared/timeline/analyze-timeline';

function peakRssMb(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function main() {
  const [mode, referencePath, currentPath] = process.argv.slice(2);
  if (!['plain', 'plain-no-time', 'timeline'].includes(mode) || !referencePath || !currentPath) {
    throw new Error('usage: plain|plain-no-time|timeline REFERENCE CURRENT');
  }
  const context = { version: 'bench', now: new Date() };
  const t0 = performance.now();
  const [reference, current] = await Promise.all([loadCsv(referencePath), loadCsv(currentPath)]);
  const t1 = performance.now();
  let chunks = 1;
  let drifted: string[] = [];
  if (mode !== 'timeline') {
    const settings = mode === 'plain' ? DEFAULT_SETTINGS : { ...DEFAULT_SETTINGS, ignore: ['ts'] };
    const result = analyzeTables(reference, current, settings, context);
    drifted = result.columns.filter((c) => c.driftDetected).map((c) => c.name);
  } else {
    const timeline = analyzeTimeline(reference, current, DEFAULT_SETTINGS, context, {
      chunking: { kind: 'period', period: 'week', timeColumn: 'ts' },
    });
    chunks = timeline.chunks.length;
    const last = timeline.chunks[timeline.chunks.length - 1];
    drifted = last.columns.filter((c) => c.driftDetected).map((c) => c.name);
  }
  const t2 = performance.now();
  console.log(
    JSON.stringify({
      mode,
      rows: current.rowCount,
      columns: current.columns.length,
      chunks,
      loadMs: t1 - t0,
      analyzeMs: t2 - t1,
      totalMs: t2 - t0,
      peakRssMb: peakRssMb(),
      drifted,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
