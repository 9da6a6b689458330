/**
 * The monitor's history: one row per batch file it finished (ok or error), in SQLite through better-sqlite3
 * (synchronous, one file, WAL journal so a crash loses at most the batch being written). A batch is known by
 * its file name and SHA-256, so a restarted monitor never analyses a batch twice, and a file that was replaced
 * by different content is analysed again. The per-batch summary (a timeline chunk: dataset verdict, each
 * column's test, score, threshold, verdict; model metrics) is stored as JSON beside indexed columns.
 */
import Database from 'better-sqlite3';
import type { BatchRecord, BatchSummary } from '../../shared/monitoring/batch-summary';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS batches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  file TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  analysed_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
  error TEXT,
  rows INTEGER,
  drift_share REAL,
  drift_detected INTEGER,
  duration_seconds REAL NOT NULL,
  summary TEXT,
  UNIQUE (file, sha256)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** The page cache of the monitor's connection, in KiB (see the constructor). */
export const HISTORY_CACHE_KIB = 256;

export class HistoryStore {
  private readonly db: Database.Database;
  /**
   * Statements prepared once and reused, by SQL text (a fixed handful): the monitor calls `has` and `add`
   * for every batch, and a statement prepared per call holds its SQLite statement until V8 collects it.
   * Prepared on first use, so a read-only file without the tables can still be refused by openReadOnly.
   */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string, options: { readonly?: boolean } = {}) {
    if (options.readonly) {
      // The app's "Open monitor history": never creates, migrates or writes the file.
      this.db = new Database(file, { readonly: true, fileMustExist: true });
      return;
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // SQLite's page cache, bounded to 256 KiB (64 pages of 4 KiB): better-sqlite3 builds SQLite with
    // SQLITE_DEFAULT_CACHE_SIZE=-16000, up to 16 MB per connection, and every page the monitor writes stays
    // cached until that is full. The history grows by about one page per batch (a 20-column summary is about
    // 2.5 kB), so the monitor's RSS (glibc's brk heap) rose about 4.8 kB per batch for some 3,900 batches
    // (test/bench/bench-monitor.mjs). A batch touches a few pages: the index's path for `has`, the table's
    // last leaf (and overflow pages of a wide summary) for `add`.
    this.db.pragma(`cache_size = -${HISTORY_CACHE_KIB}`);
    this.db.exec(SCHEMA);
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Opens an existing history read-only (the app): nothing in the file changes.
   * @throws {Error} when the file does not exist or is not a monitor's history (no `batches` table).
   */
  static openReadOnly(file: string): HistoryStore {
    const store = new HistoryStore(file, { readonly: true });
    try {
      const table = store.db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'batches'")
        .get();
      if (table === undefined)
        throw new Error('it has no batches table: not a history of driftscope monitor');
    } catch (error) {
      store.close();
      throw error;
    }
    return store;
  }

  /** The SHA-256 of the baseline's reference this history was written for (null: no batch yet). */
  baselineSha256(): string | null {
    const row = this.statement('SELECT value FROM meta WHERE key = ?').get('baseline') as
      | { value: string }
      | undefined;
    return row?.value ?? null;
  }

  /** The history belongs to one baseline: refuses to mix batches judged against different references. */
  bindBaseline(sha256: string): void {
    const row = this.statement('SELECT value FROM meta WHERE key = ?').get('baseline') as
      | { value: string }
      | undefined;
    if (row && row.value !== sha256) {
      throw new Error(
        'this history was written for another baseline; give a new --history file, or the baseline it was made with',
      );
    }
    if (!row) this.statement('INSERT INTO meta (key, value) VALUES (?, ?)').run('baseline', sha256);
  }

  has(file: string, sha256: string): boolean {
    return (
      this.statement('SELECT 1 FROM batches WHERE file = ? AND sha256 = ?').get(file, sha256) !== undefined
    );
  }

  add(record: Omit<BatchRecord, 'id'>): BatchRecord {
    const info = this.statement(
      `INSERT INTO batches (file, sha256, bytes, analysed_at, status, error, rows, drift_share, drift_detected,
           duration_seconds, summary)
         VALUES (@file, @sha256, @bytes, @analysedAt, @status, @error, @rows, @driftShare, @driftDetected,
           @durationSeconds, @summary)`,
    ).run({
      file: record.file,
      sha256: record.sha256,
      bytes: record.bytes,
      analysedAt: record.analysedAt,
      status: record.status,
      error: record.error,
      rows: record.summary?.rows ?? null,
      driftShare: record.summary?.dataset.driftShare ?? null,
      driftDetected: record.summary ? Number(record.summary.dataset.driftDetected) : null,
      durationSeconds: record.durationSeconds,
      summary: record.summary ? JSON.stringify(record.summary) : null,
    });
    return { ...record, id: Number(info.lastInsertRowid) };
  }

  /** Every batch in the order it was finished. */
  all(): BatchRecord[] {
    const rows = this.statement('SELECT * FROM batches ORDER BY id').all() as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as number,
      file: r.file as string,
      sha256: r.sha256 as string,
      bytes: r.bytes as number,
      analysedAt: r.analysed_at as string,
      status: r.status as 'ok' | 'error',
      error: (r.error as string | null) ?? null,
      durationSeconds: r.duration_seconds as number,
      summary: r.summary ? (JSON.parse(r.summary as string) as BatchSummary) : null,
    }));
  }

  close(): void {
    this.db.close();
  }
}
