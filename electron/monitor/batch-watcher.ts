/**
 * Finds batch files in a watched folder that are complete: a file counts once its size and modification
 * time have not changed for `settleMs` (so a file still being written is never read half-way), and files
 * named like temporaries (`.name`, `*.tmp`, `*.part`, `*.partial`, `*.crdownload`) are skipped, so a writer
 * that writes under a temporary name and renames is picked up at the rename. Polling, not fs.watch: it works
 * the same on every platform and on network folders.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const BATCH_EXTENSIONS = ['.csv', '.tsv', '.txt'] as const;
const TEMPORARY = /^\.|\.(tmp|part|partial|crdownload|swp)$/i;

export interface BatchFile {
  name: string;
  path: string;
  bytes: number;
}

export class BatchWatcher {
  private readonly seen = new Map<string, { bytes: number; mtimeMs: number; since: number }>();

  constructor(
    readonly dir: string,
    private readonly settleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Files that have settled since the last call, by name; each is returned once per (size, mtime). */
  poll(): BatchFile[] {
    const ready: BatchFile[] = [];
    const names = readdirSync(this.dir).sort();
    // One time for the whole poll: files first seen in the same poll settle in the same later poll, in name
    // order. With a time per file, a timer firing a millisecond early by Date.now() made the files stat-ed
    // after a millisecond boundary settle one poll before those stat-ed before it (batch-004 analysed
    // before batch-001, seen in CI).
    const t = this.now();
    for (const name of names) {
      if (TEMPORARY.test(name) || !BATCH_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))) continue;
      const full = path.join(this.dir, name);
      let st: { size: number; mtimeMs: number; isFile(): boolean };
      try {
        st = statSync(full);
      } catch {
        continue; // renamed or deleted between readdir and stat
      }
      if (!st.isFile()) continue;
      const prev = this.seen.get(name);
      if (!prev || prev.bytes !== st.size || prev.mtimeMs !== st.mtimeMs) {
        this.seen.set(name, { bytes: st.size, mtimeMs: st.mtimeMs, since: t });
        continue;
      }
      if (prev.since >= 0 && t - prev.since >= this.settleMs) {
        ready.push({ name, path: full, bytes: st.size });
        prev.since = -1; // returned; again only if the file changes
      }
    }
    // Forget files that have left the folder, so a monitor whose producer deletes analysed batches keeps a
    // bounded map (the history, not this map, is what keeps a batch from being analysed twice).
    const present = new Set(names);
    for (const name of this.seen.keys()) if (!present.has(name)) this.seen.delete(name);
    return ready;
  }
}
