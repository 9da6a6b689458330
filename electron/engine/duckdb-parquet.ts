/**
 * Reads the data of a Parquet file with DuckDB (@duckdb/node-api; chosen over hyparquet on
 * test/bench/bench-parquet-readers.mjs, README "Decisions"), vector by vector straight into the column
 * builders' typed arrays: `SELECT <one expression per chosen column> FROM read_parquet(?)`, the columns by
 * position (the schema's order, so that renamed or repeated names do not matter), in file order (DuckDB
 * keeps the insertion order). Each expression gives one of a few fixed types (DOUBLE, BIGINT, VARCHAR,
 * BOOLEAN, DATE, TIME), whose raw vector data (the C API's layout) is read here without a JavaScript
 * value per cell for numbers and short strings.
 */
import type * as DuckdbApi from '@duckdb/node-api';
import type { DuckDBTypeId } from '@duckdb/node-api';
import type * as DuckdbBindings from '@duckdb/node-bindings';
import type { ParquetColumnBuilder } from '../../shared/table/parquet-column-builder';

/** One column to read: its 0-based position in the file's top-level schema, and its builder. */
export interface DuckdbColumn {
  position: number;
  /** Physical INT64 without DECIMAL: read as 64-bit integers so that values beyond ±2^53 are counted. */
  int64: boolean;
  builder: ParquetColumnBuilder;
}

const TWO_32 = 4294967296;
/** |hi word| bounds of an int64 that is exactly a double (|v| < 2^53). */
const SAFE_HI = 2097152;
const decoder = new TextDecoder();

/**
 * DuckDB's API and its bindings, loaded on the first Parquet read (not with the CLI: loading the 70 MB
 * native library is about 0.1 s that a CSV analysis does not need). require where there is one (the
 * bundles, so that Node's module paths apply), import() under the test runner.
 */
let api: typeof DuckdbApi;
let duckdb: typeof DuckdbBindings;
export async function loadDuckdb(): Promise<void> {
  api ??= typeof require === 'function' ? require('@duckdb/node-api') : await import('@duckdb/node-api');
  duckdb ??=
    typeof require === 'function'
      ? require('@duckdb/node-bindings')
      : (await import('@duckdb/node-bindings')).default;
}

/** The SQL expression of a column (its type decides how its vectors are read). */
function expression({ position, int64, builder }: DuckdbColumn): string {
  const ref = `#${position + 1}`;
  const plan = builder.plan;
  switch (plan.kind) {
    case 'number':
      return int64 ? ref : `CAST(${ref} AS DOUBLE)`;
    case 'text':
      return `CAST(${ref} AS VARCHAR)`;
    case 'timestamp':
      return `${{ MILLIS: 'epoch_ms', MICROS: 'epoch_us', NANOS: 'epoch_ns' }[plan.unit]}(${ref})`;
    default:
      return ref; // BOOLEAN, DATE (days), TIME (micro- or nanoseconds since midnight)
  }
}

/**
 * Codes of short strings (DuckDB inlines up to 12 bytes in the 16-byte string_t: length, then the bytes,
 * zero-padded), keyed by those 16 bytes: an open-addressing table, so that a repeated short string costs
 * a hash and four compares instead of a decode and a Map lookup.
 */
class InlineCodes {
  private keys = new Int32Array(4 * 1024);
  private codes = new Int32Array(1024);
  private used = new Uint8Array(1024);
  private size = 0;

  private slot(w: Int32Array, at: number): number {
    const mask = this.codes.length - 1;
    let h = Math.imul(w[at] ^ Math.imul(w[at + 1], 0x9e3779b1), 0x85ebca6b);
    h = Math.imul(h ^ w[at + 2] ^ Math.imul(w[at + 3], 0xc2b2ae35), 0x27d4eb2f);
    let s = (h ^ (h >>> 15)) & mask;
    const keys = this.keys;
    while (this.used[s] === 1) {
      const k = 4 * s;
      if (
        keys[k] === w[at] &&
        keys[k + 1] === w[at + 1] &&
        keys[k + 2] === w[at + 2] &&
        keys[k + 3] === w[at + 3]
      )
        return s;
      s = (s + 1) & mask;
    }
    return s;
  }

  /** The code stored for the 16 bytes at words at..at+3, or -2 when absent. */
  get(w: Int32Array, at: number): number {
    const s = this.slot(w, at);
    return this.used[s] === 1 ? this.codes[s] : -2;
  }

  set(w: Int32Array, at: number, code: number): void {
    if (2 * (this.size + 1) > this.codes.length) this.grow();
    const s = this.slot(w, at);
    this.keys.set(w.subarray(at, at + 4), 4 * s);
    this.codes[s] = code;
    this.used[s] = 1;
    this.size++;
  }

  private grow(): void {
    const { keys, codes, used } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.codes = new Int32Array(codes.length * 2);
    this.used = new Uint8Array(used.length * 2);
    this.size = 0;
    for (let s = 0; s < used.length; s++) if (used[s] === 1) this.set(keys, 4 * s, codes[s]);
  }
}

type Reader = (vector: DuckdbBindings.Vector, n: number, rowStart: number) => void;

/** Whether row i is valid in a DuckDB validity mask (null: all valid). */
const isValid = (validity: Uint8Array | null, i: number) =>
  validity === null || ((validity[i >> 3] >> (i & 7)) & 1) === 1;

const validityOf = (vector: DuckdbBindings.Vector, n: number): Uint8Array | null =>
  duckdb.vector_get_validity(vector, Math.ceil(n / 64) * 8) ?? null;

/** Writes NaN at the rows a validity mask marks null (a byte of 8 valid rows is skipped whole). */
function nullsToNaN(values: Float64Array, validity: Uint8Array, n: number, rowStart: number): void {
  for (let b = 0; b << 3 < n; b++) {
    const mask = validity[b];
    if (mask === 0xff) continue;
    for (let i = b << 3; i < Math.min(n, (b + 1) << 3); i++)
      if (((mask >> (i & 7)) & 1) === 0) values[rowStart + i] = Number.NaN;
  }
}

/** An int64 (or uint64) at word pair 2i, 2i+1, as a number when it is exact, else as a bigint. */
function int64At(words: Int32Array, i: number, unsigned: boolean): number | bigint {
  const lo = words[2 * i] >>> 0;
  const hi = unsigned ? words[2 * i + 1] >>> 0 : words[2 * i + 1];
  if (hi < SAFE_HI && hi >= -SAFE_HI) return hi * TWO_32 + lo;
  return unsigned ? (BigInt(hi) << 32n) | BigInt(lo) : BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
}

function readerOf(column: DuckdbColumn, type: DuckDBTypeId): Reader {
  const builder = column.builder;
  const values = builder.values;
  const codes = builder.codes!;
  if (values !== null && type === api.DuckDBTypeId.DOUBLE)
    return (vector, n, rowStart) => {
      const data = duckdb.vector_get_data(vector, n * 8);
      const items = new Float64Array(data.buffer, data.byteOffset, n);
      const validity = validityOf(vector, n);
      // A copy, then the exceptions: non-finite values (x - x is NaN for ±Infinity and NaN) and nulls.
      values.set(items, rowStart);
      const end = rowStart + n;
      for (let i = rowStart; i < end; i++) {
        const x = values[i];
        if (x - x !== 0) values[i] = Number.NaN;
      }
      if (validity !== null) nullsToNaN(values, validity, n, rowStart);
    };
  if (values !== null) {
    const unsigned = type === api.DuckDBTypeId.UBIGINT;
    return (vector, n, rowStart) => {
      const data = duckdb.vector_get_data(vector, n * 8);
      const words = new Int32Array(data.buffer, data.byteOffset, 2 * n);
      const validity = validityOf(vector, n);
      for (let i = 0; i < n; i++) {
        if (!isValid(validity, i)) {
          values[rowStart + i] = Number.NaN;
          continue;
        }
        const v = int64At(words, i, unsigned);
        if (typeof v === 'bigint') builder.noteUnsafe(v);
        values[rowStart + i] = Number(v);
      }
    };
  }
  if (type === api.DuckDBTypeId.VARCHAR) {
    const inline = new InlineCodes();
    return (vector, n, rowStart) => {
      const data = duckdb.vector_get_data(vector, n * 16);
      const words = new Int32Array(data.buffer, data.byteOffset, 4 * n);
      const validity = validityOf(vector, n);
      for (let i = 0; i < n; i++) {
        if (!isValid(validity, i)) {
          codes[rowStart + i] = -1;
          continue;
        }
        const length = words[4 * i];
        const at = data.byteOffset + 16 * i;
        if (length <= 12) {
          let code = inline.get(words, 4 * i);
          if (code === -2) {
            code = builder.codeOf(decoder.decode(new Uint8Array(data.buffer, at + 4, length)));
            inline.set(words, 4 * i, code);
          }
          codes[rowStart + i] = code;
        } else {
          const bytes = duckdb.get_data_from_pointer(data.buffer as ArrayBuffer, at + 8, length);
          codes[rowStart + i] = builder.codeOf(decoder.decode(bytes));
        }
      }
    };
  }
  if (type === api.DuckDBTypeId.BOOLEAN)
    return (vector, n, rowStart) => {
      const data = duckdb.vector_get_data(vector, n);
      const validity = validityOf(vector, n);
      // Coded on first sight, so that the dictionary keeps the order of first appearance.
      for (let i = 0; i < n; i++)
        codes[rowStart + i] = isValid(validity, i) ? builder.codeOf(data[i] !== 0) : -1;
    };
  if (type === api.DuckDBTypeId.DATE)
    return (vector, n, rowStart) => {
      const data = duckdb.vector_get_data(vector, n * 4);
      const days = new Int32Array(data.buffer, data.byteOffset, n);
      const validity = validityOf(vector, n);
      for (let i = 0; i < n; i++) codes[rowStart + i] = isValid(validity, i) ? builder.codeOf(days[i]) : -1;
    };
  // BIGINT (epoch_* of a timestamp, in the plan's unit) or TIME / TIME_NS (since midnight).
  const plan = builder.plan;
  const fromDuckdb =
    type === api.DuckDBTypeId.TIME_NS ? 'NANOS' : type === api.DuckDBTypeId.TIME ? 'MICROS' : null;
  const to = plan.kind === 'time' ? plan.unit : fromDuckdb;
  const perMs = { MILLIS: 1n, MICROS: 1000n, NANOS: 1_000_000n } as const;
  const scale = (v: bigint): bigint => {
    if (fromDuckdb === null || to === null || fromDuckdb === to) return v;
    const [f, t] = [perMs[fromDuckdb], perMs[to]];
    return t >= f ? v * (t / f) : v / (f / t);
  };
  return (vector, n, rowStart) => {
    const data = duckdb.vector_get_data(vector, n * 8);
    const words = new Int32Array(data.buffer, data.byteOffset, 2 * n);
    const validity = validityOf(vector, n);
    for (let i = 0; i < n; i++) {
      if (!isValid(validity, i)) {
        codes[rowStart + i] = -1;
        continue;
      }
      const v = int64At(words, i, false);
      codes[rowStart + i] = builder.codeOf(fromDuckdb === null ? v : scale(BigInt(v)));
    }
  };
}

/**
 * Cancelling: a worker must not be terminated while DuckDB runs a query (the native code aborts the whole
 * process), and its messages wait until the read ends, so the parent raises a shared flag
 * (engine-worker.ts): a read checks it after each vector, stops, closes DuckDB, then calls `onStop`.
 */
let stop: { requested: () => boolean; onStop: () => void } | null = null;
export function stopDuckdbReadsWhen(requested: () => boolean, onStop: () => void): void {
  stop = { requested, onStop };
}

/** Where a read stopped: the rows read before the error, and the error. */
export class DuckdbReadError extends Error {
  constructor(
    readonly rowsRead: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** What readWithDuckdb reads from, and with how many DuckDB threads. */
export interface DuckdbReadOptions {
  /**
   * The table function the columns are selected from, `$1` standing for the file's path (default
   * `read_parquet($1, binary_as_string = true)`; test/bench/bench-csv-readers.mjs gives a `read_csv(...)`).
   */
  from?: string;
  /**
   * DuckDB threads (default 1: the reference and the current file are read at once, each in its worker,
   * on two cores).
   */
  threads?: number;
}

/**
 * Reads the columns into their builders; onRows is called after each vector with the rows read so far.
 * Rows beyond the builders' rowCount are not read. A failure is a DuckdbReadError giving the rows read
 * before it.
 */
export async function readWithDuckdb(
  filePath: string,
  columns: DuckdbColumn[],
  onRows: (rowsRead: number) => void,
  options: DuckdbReadOptions = {},
): Promise<void> {
  await loadDuckdb();
  const instance = await api.DuckDBInstance.create(':memory:', { threads: String(options.threads ?? 1) });
  const connection = await instance.connect();
  let rows = 0;
  try {
    const from = options.from ?? 'read_parquet($1, binary_as_string = true)';
    const sql = `SELECT ${columns.map(expression).join(', ')} FROM ${from}`;
    const result = await connection.stream(sql, [filePath]);
    const readers = result.columnTypes().map((type, c) => readerOf(columns[c], type.typeId));
    for (
      let chunk = await result.fetchChunk();
      chunk && chunk.rowCount > 0 && !stop?.requested();
      chunk = await result.fetchChunk()
    ) {
      const n = chunk.rowCount;
      const end = Math.min(n, columns[0].builder.rowCount - rows);
      for (let c = 0; c < readers.length; c++)
        readers[c](duckdb.data_chunk_get_vector(chunk.chunk, c), end, rows);
      rows += end;
      onRows(rows);
    }
  } catch (error) {
    throw new DuckdbReadError(rows, error);
  } finally {
    for (const column of columns) column.builder.missingFrom(rows);
    connection.closeSync();
    instance.closeSync();
    if (stop?.requested()) stop.onStop();
  }
}
