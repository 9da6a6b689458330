// Bundles the Node-side entry points (Electron main, preload, engine workers, command line) with esbuild.
// Each becomes one CommonJS file in dist/electron; the preload must be a single file for sandbox: true.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entries = {
  main: 'electron/main/index.ts',
  preload: 'electron/preload/index.ts',
  'engine-worker': 'electron/engine/engine-worker.ts',
  'parse-worker': 'electron/engine/parse-worker.ts',
  'detector-worker': 'electron/engine/detector-worker.ts',
  'column-test-worker': 'electron/engine/column-test-worker.ts',
  'profile-worker': 'electron/engine/profile-worker.ts',
  cli: 'electron/cli.ts',
};
const { existsSync } = await import('node:fs');
const entryPoints = Object.fromEntries(
  Object.entries(entries).filter(([, file]) => existsSync(path.join(root, file))),
);
await build({
  absWorkingDir: root,
  entryPoints,
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // playwright-core (PDF from the command line), better-sqlite3 (native, the monitor's history) and DuckDB
  // (native, the Parquet reader) are loaded from node_modules at run time.
  external: ['electron', 'playwright-core', 'better-sqlite3', '@duckdb/node-api', '@duckdb/node-bindings'],
  sourcemap: true,
  logLevel: 'warning',
  define: { __DRIFTSCOPE_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.1.0') },
});
