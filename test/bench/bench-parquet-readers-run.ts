/**
 * Body of the Parquet reader benchmark (bundled and run by bench-parquet-readers.mjs, one child process
 * per reader so that each peak RSS is its own). Reads one file into our typed columns
 * (shared/table/columnar.ts: Float64Array for numbers, Int32Array codes + dictionary for text) and prints
 * one JSON line: reader, rows, columns, milliseconds, peak RSS (process.resourceUsage().maxRSS).
 *
 * Readers: parquet (electron/engine/load-parquet.ts, the product's loader: DuckDB's vectors read straight
 * into the typed columns), duckdb-rows (@duckdb/node-api: read_parquet, each chunk's values as JavaScript
 * values copied into the same typed columns, the first DuckDB candidate), csv (electron/engine/load-csv.ts,
 * our CSV loader on the CSV the Parquet file was made from, for the ratio).
 *
 * Usage: node BUNDLE.cjs parquet|duckdb-rows|csv FILE
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { loadCsv } from '../../electron/engine/load-csv';
import { loadParquet } from '../../electron/engine/load-parquet';
import type { Column } from '../../shared/table/columnar';

/** DuckDB's result, chunk by chunk, into our columns (numbers as Float64Array, text as codes). */
async function loadWithDuckdb(file: string): Promise<{ rows: number; columns: Column[] }> {
  const db = await DuckDBInstance.create(':memory:');
  const sql = await db.connect();
  const count = await sql.runAndReadAll(`SELECT count(*) FROM read_parquet('${file.replaceAll("'", "''")}')`);
  const rows = Number(count.getRows()[0][0]);
  const result = await sql.run(`SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
  const names = result.columnNames();
  const types = result.columnTypes().map((t) => t.toString());
  const numeric = types.map((t) => t !== 'VARCHAR');
  const values = names.map((_, c) => (numeric[c] ? new Float64Array(rows) : null));
  const codes = names.map((_, c) => (numeric[c] ? null : new Int32Array(rows)));
  const dictionaries = names.map(() => new Map<string, number>());
  let at = 0;
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    const n = chunk.rowCount;
    for (let c = 0; c < names.length; c++) {
      const column = chunk.getColumnValues(c);
      if (numeric[c]) {
        const out = values[c]!;
        for (let i = 0; i < n; i++) {
          const v = column[i];
          out[at + i] = v === null ? Number.NaN : Number(v);
        }
      } else {
        const out = codes[c]!;
        const dictionary = dictionaries[c];
        for (let i = 0; i < n; i++) {
          const v = column[i];
          if (v === null) out[at + i] = -1;
          else {
            let code = dictionary.get(v as string);
            if (code === undefined) {
              code = dictionary.size;
              dictionary.set(v as string, code);
            }
            out[at + i] = code;
          }
        }
      }
    }
    at += n;
  }
  sql.closeSync();
  const columns: Column[] = names.map((name, c) =>
    numeric[c]
      ? { name, storage: 'number', values: values[c]!, invalidCount: 0, firstInvalid: null }
      : { name, storage: 'string', codes: codes[c]!, dictionary: [...dictionaries[c].keys()] },
  );
  return { rows: at, columns };
}

async function main() {
  const [reader, file] = process.argv.slice(2);
  const t0 = performance.now();
  const table =
    reader === 'parquet'
      ? await loadParquet(file)
      : reader === 'duckdb-rows'
        ? await loadWithDuckdb(file)
        : await loadCsv(file);
  const ms = performance.now() - t0;
  const rows = 'rowCount' in table ? table.rowCount : table.rows;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ reader, rows, columns: table.columns.length, ms, peakRssMb }));
}

void main();
