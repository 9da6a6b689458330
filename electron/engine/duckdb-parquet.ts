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

/**
 * Reads rows from..from+n-1 of a vector of `count` rows into the builder's rows at..at+n-1 (a vector may be
 * split between two chunks of rows, chunked reading).
 */
type Reader = (vector: DuckdbBindings.Vector, count: number, from: number, n: number, at: number) => void;

/** Whether row i is valid in a DuckDB validity mask (null: all valid). */
const isValid = (validity: Uint8Array | null, i: number) =>
  validity === null || ((validity[i >> 3] >> (i & 7)) & 1) === 1;

const validityOf = (vector: DuckdbBindings.Vector, n: number): Uint8Array | null =>
  duckdb.vector_get_validity(vector, Math.ceil(n / 64) * 8) ?? null;

/**
 * Writes NaN at the rows (from..from+n-1 of the vector, written at `at` on) that a validity mask marks null;
 * an aligned byte of 8 valid rows is skipped whole.
 */
function nullsToNaN(values: Float64Array, validity: Uint8Array, from: number, n: number, at: number): void {
  const end = from + n;
  for (let i = from; i < end; ) {
    const mask = validity[i >> 3];
    if ((i & 7) === 0 && mask === 0xff) {
      i += 8;
      continue;
    }
    if (((mask >> (i & 7)) & 1) === 0) values[at + i - from] = Number.NaN;
    i++;
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
    return (vector, count, from, n, at) => {
      const data = duckdb.vector_get_data(vector, count * 8);
      const items = new Float64Array(data.buffer, data.byteOffset, count);
      const validity = validityOf(vector, count);
      // A copy, then the exceptions: non-finite values (x - x is NaN for ±Infinity and NaN) and nulls.
      values.set(from === 0 && n === count ? items : items.subarray(from, from + n), at);
      const end = at + n;
      for (let i = at; i < end; i++) {
        const x = values[i];
        if (x - x !== 0) values[i] = Number.NaN;
      }
      if (validity !== null) nullsToNaN(values, validity, from, n, at);
    };
  if (values !== null) {
    const unsigned = type === api.DuckDBTypeId.UBIGINT;
    return (vector, count, from, n, at) => {
      const data = duckdb.vector_get_data(vector, count * 8);
      const words = new Int32Array(data.buffer, data.byteOffset, 2 * count);
      const validity = validityOf(vector, count);
      for (let i = from; i < from + n; i++) {
        if (!isValid(validity, i)) {
          values[at + i - from] = Number.NaN;
          continue;
        }
        const v = int64At(words, i, unsigned);
        if (typeof v === 'bigint') builder.noteUnsafe(v);
        values[at + i - from] = Number(v);
      }
    };
  }
  if (type === api.DuckDBTypeId.VARCHAR) {
    // The codes of the builder's dictionary: a new table when the builder drops it (chunked reading).
    let inline = new InlineCodes();
    let generation = builder.generation;
    return (vector, count, from, n, at) => {
      if (builder.generation !== generation) {
        inline = new InlineCodes();
        generation = builder.generation;
      }
      const data = duckdb.vector_get_data(vector, count * 16);
      const words = new Int32Array(data.buffer, data.byteOffset, 4 * count);
      const validity = validityOf(vector, count);
      for (let i = from; i < from + n; i++) {
        const row = at + i - from;
        if (!isValid(validity, i)) {
          codes[row] = -1;
          continue;
        }
        const length = words[4 * i];
        const byteAt = data.byteOffset + 16 * i;
        if (length <= 12) {
          let code = inline.get(words, 4 * i);
          if (code === -2) {
            code = builder.codeOf(decoder.decode(new Uint8Array(data.buffer, byteAt + 4, length)));
            inline.set(words, 4 * i, code);
          }
          codes[row] = code;
        } else {
          const bytes = duckdb.get_data_from_pointer(data.buffer as ArrayBuffer, byteAt + 8, length);
          codes[row] = builder.codeOf(decoder.decode(bytes));
        }
      }
    };
  }
  if (type === api.DuckDBTypeId.BOOLEAN)
    return (vector, count, from, n, at) => {
      const data = duckdb.vector_get_data(vector, count);
      const validity = validityOf(vector, count);
      // Coded on first sight, so that the dictionary keeps the order of first appearance.
      for (let i = from; i < from + n; i++)
        codes[at + i - from] = isValid(validity, i) ? builder.codeOf(data[i] !== 0) : -1;
    };
  if (type === api.DuckDBTypeId.DATE)
    return (vector, count, from, n, at) => {
      const data = duckdb.vector_get_data(vector, count * 4);
      const days = new Int32Array(data.buffer, data.byteOffset, count);
      const validity = validityOf(vector, count);
      for (let i = from; i < from + n; i++)
        codes[at + i - from] = isValid(validity, i) ? builder.codeOf(days[i]) : -1;
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
  return (vector, count, from, n, at) => {
    const data = duckdb.vector_get_data(vector, count * 8);
    const words = new Int32Array(data.buffer, data.byteOffset, 2 * count);
    const validity = validityOf(vector, count);
    for (let i = from; i < from + n; i++) {
      if (!isValid(validity, i)) {
        codes[at + i - from] = -1;
        continue;
      }
      const v = int64At(words, i, false);
      codes[at + i - from] = builder.codeOf(fromDuckdb === null ? v : scale(BigInt(v)));
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

/** What readWithDuckdb reads from, with how many DuckDB threads, and in chunks or whole. */
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
  /**
   * Rows to read (default: the builders' rowCount, the whole file read at once). When the builders hold
   * fewer, they are filled in turns: each time they are full, and at the end, `onHeld(held)` is given
   * their first `held` rows, which it must take before it returns (the next rows overwrite them). Rows
   * beyond `rows` are not read; rows the file lacks (a footer that says more) are given as missing.
   */
  rows?: number;
  onHeld?: (held: number) => void;
}

/**
 * Reads the columns into their builders; onRows is called after each vector with the rows read so far.
 * Rows beyond the builders' rowCount (or `options.rows`) are not read; rows the file lacks are missing. A
 * failure is a DuckdbReadError giving the rows read before it.
 */
export async function readWithDuckdb(
  filePath: string,
  columns: DuckdbColumn[],
  onRows: (rowsRead: number) => void,
  options: DuckdbReadOptions = {},
): Promise<void> {
  const capacity = columns[0].builder.rowCount;
  const total = options.rows ?? capacity;
  const onHeld = options.onHeld;
  if (total > capacity && (onHeld === undefined || capacity < 1))
    throw new RangeError(`readWithDuckdb: ${total} rows do not fit builders of ${capacity} rows`);
  await loadDuckdb();
  const instance = await api.DuckDBInstance.create(':memory:', { threads: String(options.threads ?? 1) });
  const connection = await instance.connect();
  let rows = 0;
  /** Rows written into the builders since they were last given to onHeld. */
  let held = 0;
  const full = () => {
    if (held < capacity) return;
    onHeld?.(held);
    held = 0;
  };
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
      const count = chunk.rowCount;
      const end = Math.min(count, total - rows);
      const vectors = readers.map((_, c) => duckdb.data_chunk_get_vector(chunk.chunk, c));
      // The vector's rows from `offset` on, split where the builders fill (chunked reading).
      for (let offset = 0; offset < end; ) {
        full();
        const n = Math.min(end - offset, capacity - held);
        for (let c = 0; c < readers.length; c++) readers[c](vectors[c], count, offset, n, held);
        offset += n;
        held += n;
      }
      rows += end;
      onRows(rows);
    }
    if (onHeld !== undefined && !stop?.requested()) {
      while (rows < total) {
        full();
        const n = Math.min(total - rows, capacity - held);
        for (const column of columns) column.builder.missingFrom(held, held + n);
        held += n;
        rows += n;
      }
      if (held > 0) onHeld(held);
      held = 0;
    }
  } catch (error) {
    throw new DuckdbReadError(rows, error);
  } finally {
    if (onHeld === undefined) for (const column of columns) column.builder.missingFrom(held);
    connection.closeSync();
    instance.closeSync();
    if (stop?.requested()) stop.onStop();
  }
}
