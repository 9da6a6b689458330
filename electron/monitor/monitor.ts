/**
 * `driftscope monitor`: watches a folder, analyses each complete batch file against the baseline's reference
 * with the same engine as `driftscope analyze`, records it in the history (SQLite), exports Prometheus metrics
 * (HTTP `/metrics`, and optionally a node-exporter textfile written atomically) and appends one JSON line per
 * batch and per alert to a log. A bad batch is recorded as an error and the next one is analysed.
 */
import { appendFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { DatasetError } from '../../shared/dataset-error';
import type { Baseline } from '../../shared/monitoring/baseline';
import { batchAlerts } from '../../shared/monitoring/batch-alerts';
import {
  type BatchRecord,
  driftStreaks,
  nextStreaks,
  summarizeBatch,
} from '../../shared/monitoring/batch-summary';
import { EngineClient } from '../engine/engine-client';
import { hashFile } from '../io/hash-file';
import { writeFileAtomic } from '../io/write-file-atomic';
import { type BatchFile, BatchWatcher } from './batch-watcher';
import { HistoryStore } from './history-store';
import { MetricsExporter } from './metrics-exporter';

/** Young generation of the monitor's engine worker, MB (V8 semi-spaces of about a third of it each). */
const MONITOR_YOUNG_MB = 3;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface MonitorOptions {
  baseline: Baseline;
  /** The reference file to load (the baseline's, or where it moved); its hash was checked by the caller. */
  referencePath: string;
  watchDir: string;
  /** The folder as the user gave it, for messages. */
  watchDirAsGiven: string;
  historyFile: string;
  listen: { host: string; port: number } | null;
  textfile: string | null;
  logFile: string | null;
  pollMs: number;
  settleMs: number;
  staleAfterSeconds: number;
  /** Prints one line per batch (the command line's stderr). */
  say(line: string): void;
}

export class Monitor {
  /**
   * A long-running engine with a small young generation: with V8's default the semi-spaces grow and stay
   * resident, so the monitor's RSS rose ~35 MB over 500 batches while its heap stayed flat
   * (test/bench/bench-monitor.mjs).
   */
  private readonly engine = new EngineClient({
    resourceLimits: { maxYoungGenerationSizeMb: MONITOR_YOUNG_MB },
  });
  private readonly history: HistoryStore;
  /** Each column's drift streak after the latest ok batch (the history is in SQLite, not in memory). */
  private streaks: Map<string, number>;
  private readonly exporter: MetricsExporter;
  private readonly watcher: BatchWatcher;
  private server: Server | null = null;
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(private readonly o: MonitorOptions) {
    this.history = new HistoryStore(o.historyFile);
    this.history.bindBaseline(o.baseline.reference.sha256);
    const past = this.history.all();
    this.streaks = driftStreaks(past);
    this.exporter = new MetricsExporter(o.baseline.model, o.staleAfterSeconds, () => this.engine.workerHeap);
    this.exporter.restore(past);
    this.watcher = new BatchWatcher(o.watchDir, o.settleMs);
  }

  /** Loads the reference, starts the HTTP server, and polls the folder until `stop`. */
  async start(): Promise<{ url: string | null }> {
    await this.engine.load('reference', this.o.referencePath);
    let url: string | null = null;
    if (this.o.listen) {
      const { host, port } = this.o.listen;
      this.server = createServer((req, res) => {
        if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') {
          // Under --expose-gc only (the monitor benchmark): a full collection first, so the main thread's
          // nodejs_heap_size_used_bytes is what the monitor keeps, not garbage not yet collected.
          (globalThis as { gc?: () => void }).gc?.();
          this.exporter.text().then(
            (text) => {
              res.writeHead(200, { 'Content-Type': this.exporter.contentType });
              res.end(text);
            },
            () => {
              res.writeHead(500).end();
            },
          );
        } else if (req.method === 'GET' && req.url === '/healthz') {
          res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok\n');
        } else {
          res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found: try /metrics\n');
        }
      });
      await new Promise<void>((resolve, reject) => {
        this.server?.once('error', reject);
        this.server?.listen(port, host, () => resolve());
      });
      const address = this.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/metrics`;
    }
    await this.writeTextfile();
    this.schedule(0);
    return { url };
  }

  private schedule(ms: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.busy = this.tick().finally(() => this.schedule(this.o.pollMs));
    }, ms);
  }

  private async tick(): Promise<void> {
    let ready: BatchFile[];
    try {
      ready = this.watcher.poll();
    } catch (error) {
      this.o.say(`cannot read the folder ${this.o.watchDirAsGiven}: ${(error as Error).message}`);
      return;
    }
    for (const file of ready) {
      if (this.stopping) return;
      await this.analyse(file);
    }
  }

  private async analyse(file: BatchFile): Promise<void> {
    const sha256 = await hashFile(file.path).catch(() => null);
    if (sha256 === null || this.history.has(file.name, sha256)) return;
    const started = process.hrtime.bigint();
    const shownName = path.join(this.o.watchDirAsGiven, file.name);
    let outcome: Pick<BatchRecord, 'status' | 'error' | 'summary'>;
    try {
      await this.engine.load('current', file.path);
      const result = await this.engine.analyze(this.o.baseline.settings);
      if (result.onlyInReference.length > 0) {
        const missing = result.onlyInReference.map((c) => `"${c}"`).join(', ');
        throw new Error(
          `lacks the baseline's column${result.onlyInReference.length > 1 ? 's' : ''} ${missing}`,
        );
      }
      outcome = { status: 'ok', error: null, summary: summarizeBatch(result) };
    } catch (error) {
      const message =
        error instanceof DatasetError
          ? error.message
              .replaceAll(file.path, shownName)
              .replace(new RegExp(`^${escapeRegExp(file.name)}\\b`), shownName)
          : `${shownName}: ${(error as Error).message}`;
      outcome = { status: 'error', error: message, summary: null };
    }
    const record: Omit<BatchRecord, 'id'> = {
      file: file.name,
      sha256,
      bytes: file.bytes,
      analysedAt: new Date().toISOString(),
      status: outcome.status,
      error: outcome.error,
      durationSeconds: Number(process.hrtime.bigint() - started) / 1e9,
      summary: outcome.summary,
    };
    const stored = this.history.add(record);
    if (stored.summary) this.streaks = nextStreaks(this.streaks, stored.summary);
    this.exporter.record(stored, this.streaks);
    await this.writeTextfile();
    this.log(stored);
    const s = stored.summary;
    this.o.say(
      s
        ? `${file.name}: ${s.rows} rows, ${s.dataset.driftedColumns} of ${s.dataset.testedColumns} columns drifted${s.dataset.driftDetected ? ' (DATASET DRIFT)' : ''}${s.modelDegraded ? ', MODEL DEGRADED' : ''}`
        : `${file.name}: error: ${stored.error}`,
    );
  }

  /** One JSON line per batch and per alert condition of that batch (what log shippers read). */
  private log(record: BatchRecord): void {
    if (!this.o.logFile) return;
    const model = this.o.baseline.model;
    const lines: unknown[] = [
      { event: 'batch', model, ...record, summary: undefined, dataset: record.summary?.dataset },
    ];
    for (const { alert, ...rest } of batchAlerts(record, this.streaks))
      lines.push({ event: 'alert', alert, model, ...rest });
    appendFileSync(this.o.logFile, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  }

  private async writeTextfile(): Promise<void> {
    if (this.o.textfile) writeFileAtomic(this.o.textfile, await this.exporter.text());
  }

  /** Finishes the batch in progress, then closes the server, the engine and the history. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.busy;
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await this.engine.close();
    this.history.close();
  }
}
