/**
 * Recently opened sessions and file pairs, newest first, in `recent.json` in the app's userData folder
 * (written atomically). The renderer sees ids and labels only; the paths stay here.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RecentEntry } from '../../shared/explore/types';
import { writeFileAtomic } from '../io/write-file-atomic';

export const RECENT_LIMIT = 10;

export type RecentTarget =
  | { kind: 'session'; file: string }
  | { kind: 'pair'; reference: string; current: string };

interface StoredEntry {
  id: string;
  openedAt: string;
  target: RecentTarget;
}

/** Stable id of a target: 16 hex digits of a SHA-256 over its kind and paths. */
export function recentId(target: RecentTarget): string {
  const key =
    target.kind === 'session' ? `session\0${target.file}` : `pair\0${target.reference}\0${target.current}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function isRecentId(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{16}$/.test(value);
}

function label(target: RecentTarget): string {
  if (target.kind === 'session') return path.basename(target.file);
  return `${path.basename(target.reference)} ↔ ${path.basename(target.current)}`;
}

function isStoredEntry(value: unknown): value is StoredEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  const t = e.target as Record<string, unknown> | undefined;
  if (!isRecentId(e.id) || typeof e.openedAt !== 'string' || !t) return false;
  if (t.kind === 'session') return typeof t.file === 'string';
  return t.kind === 'pair' && typeof t.reference === 'string' && typeof t.current === 'string';
}

export class RecentStore {
  private entries: StoredEntry[];

  constructor(private readonly file: string) {
    this.entries = RecentStore.read(file);
  }

  static inFolder(dir: string): RecentStore {
    return new RecentStore(path.join(dir, 'recent.json'));
  }

  private static read(file: string): StoredEntry[] {
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      return Array.isArray(raw) ? raw.filter(isStoredEntry).slice(0, RECENT_LIMIT) : [];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        console.warn(`[recent] ignoring ${file}: ${(error as Error).message}`);
      }
      return [];
    }
  }

  list(): RecentEntry[] {
    return this.entries.map((e) => ({
      id: e.id,
      kind: e.target.kind,
      label: label(e.target),
      openedAt: e.openedAt,
    }));
  }

  find(id: string): RecentTarget | null {
    return this.entries.find((e) => e.id === id)?.target ?? null;
  }

  add(target: RecentTarget, now = new Date()): void {
    const id = recentId(target);
    this.entries = [
      { id, openedAt: now.toISOString(), target },
      ...this.entries.filter((e) => e.id !== id),
    ].slice(0, RECENT_LIMIT);
    try {
      writeFileAtomic(this.file, `${JSON.stringify(this.entries, null, 2)}\n`);
    } catch (error) {
      console.warn(`[recent] could not write ${this.file}: ${(error as Error).message}`);
    }
  }
}
