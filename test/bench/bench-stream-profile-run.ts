/**
 * The whole-file profile, as `driftscope profile` made it before streaming: the file loaded by loadTable
 * (loadCsv, or loadParquet for a Parquet file) into a ColumnarTable, then profileTable, written atomically. Bundled and run by bench-stream-profile.mjs
 * (one process per run, so its peak RSS is this path's alone).
 *
 * Usage (bundled): node run.cjs FILE OUT
 */
import path from 'node:path';
import { loadTable } from '../../electron/engine/load-table';
import { writeFileAtomic } from '../../electron/io/write-file-atomic';
import { profileTable } from '../../shared/profile/build-profile';

async function main(): Promise<void> {
  const [file, out] = process.argv.slice(2);
  const table = await loadTable(file);
  const profile = profileTable({ ...table, fileName: path.basename(file) });
  writeFileAtomic(out, `${JSON.stringify(profile)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
