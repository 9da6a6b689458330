/**
 * Handlers of the exploration, session and preference channels (shared/api.ts), wired into
 * createHandlers. Plain Node like handlers.ts; every renderer argument is validated here. Main keeps the
 * loaded files' paths (`LoadedPaths`), so a session is saved without the renderer ever naming a path.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DatasetRole, LoadOutcome, SessionOpenOutcome } from '../../shared/api';
import { DatasetError } from '../../shared/dataset-error';
import { parseSettings } from '../../shared/drift/settings';
import {
  parseSessionFile,
  parseSessionUi,
  SESSION_EXTENSION,
  serializeSession,
} from '../../shared/explore/session-file';
import { isBinChoice, ROWS_LIMIT_MAX, type RowSelector, type SessionState } from '../../shared/explore/types';
import type { EngineClient } from '../engine/engine-client';
import { writeFileAtomic } from '../io/write-file-atomic';
import type { InvokeHandlers } from './ipc';
import { type PreferencesStore, validatePreferenceChanges } from './preferences';
import { isRecentId, type RecentStore, type RecentTarget } from './recent';

export interface ExploreDeps {
  engine: EngineClient;
  /** Save dialog for a session; resolves with the chosen path or null. */
  chooseSaveFile(defaultName: string): Promise<string | null>;
  /** Open dialog for a `.driftscope.json` session; resolves with the path or null. */
  chooseSessionFile(): Promise<string | null>;
  /** Open dialog asking where a session's file went (`missingPath` no longer exists); null to give up. */
  locateFile(role: DatasetRole, missingPath: string): Promise<string | null>;
  preferences: PreferencesStore;
  recent: RecentStore;
  /** Applies a theme choice to the app (Electron: nativeTheme.themeSource). */
  applyTheme?(theme: 'system' | 'light' | 'dark'): void;
}

/** The files loaded now, by role; kept by main, never sent to the renderer. */
export type LoadedPaths = Partial<Record<DatasetRole, string>>;

const MAX_NAME = 10_000;

export function validateColumnName(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_NAME) {
    throw new TypeError('Invalid column name');
  }
  return value;
}

export function validateSelector(value: unknown): RowSelector {
  if (typeof value !== 'object' || value === null) throw new TypeError('Invalid row selector');
  const v = value as Record<string, unknown>;
  if (v.kind === 'range') {
    const { lo, hi, lastClosed } = v;
    if (
      typeof lo !== 'number' ||
      typeof hi !== 'number' ||
      !Number.isFinite(lo) ||
      !Number.isFinite(hi) ||
      lo > hi
    ) {
      throw new TypeError('Invalid bin range');
    }
    if (typeof lastClosed !== 'boolean') throw new TypeError('Invalid bin range');
    return { kind: 'range', lo, hi, lastClosed };
  }
  if (v.kind === 'category' && typeof v.label === 'string' && v.label.length <= MAX_NAME * 10) {
    return { kind: 'category', label: v.label };
  }
  if (
    v.kind === 'rows' &&
    Array.isArray(v.rows) &&
    v.rows.length <= ROWS_LIMIT_MAX &&
    v.rows.every((r) => Number.isInteger(r) && r >= 0)
  ) {
    return { kind: 'rows', rows: [...(v.rows as number[])] };
  }
  throw new TypeError('Invalid row selector');
}

export function validateLimit(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > ROWS_LIMIT_MAX) {
    throw new TypeError(`Row limit must be an integer from 1 to ${ROWS_LIMIT_MAX}`);
  }
  return value;
}

export function validateSessionState(value: unknown): SessionState {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError('Invalid session state');
  }
  const v = value as Record<string, unknown>;
  return { settings: parseSettings(v.settings, 'session settings'), ui: parseSessionUi(v.ui) };
}

/** "reference" → "reference.driftscope.json" (without the data file's extension). */
export function defaultSessionName(referencePath: string | undefined): string {
  const base = referencePath ? path.basename(referencePath).replace(/\.[^.]+$/, '') : 'session';
  return `${base || 'session'}${SESSION_EXTENSION}`;
}

export function createExploreHandlers(
  deps: ExploreDeps,
  paths: LoadedPaths,
  load: (role: DatasetRole, filePath: string) => Promise<LoadOutcome>,
) {
  const { engine } = deps;

  /** A session's path for one role: as saved, else a file of that name next to the session, else ask. */
  async function resolvePath(role: DatasetRole, saved: string, sessionDir: string): Promise<string | null> {
    const absolute = path.resolve(sessionDir, saved);
    if (existsSync(absolute)) return absolute;
    const sibling = path.join(sessionDir, path.basename(saved));
    if (existsSync(sibling)) return sibling;
    return deps.locateFile(role, absolute);
  }

  async function openPair(reference: string, current: string) {
    const [ref, cur] = await Promise.all([load('reference', reference), load('current', current)]);
    return { reference: ref, current: cur };
  }

  async function openSessionFile(file: string): Promise<SessionOpenOutcome | null> {
    const fileName = path.basename(file);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new DatasetError(`${fileName} could not be read as JSON: ${(error as Error).message}`, fileName);
    }
    const session = parseSessionFile(raw, fileName);
    const dir = path.dirname(file);
    const reference = await resolvePath('reference', session.reference, dir);
    if (reference === null) return null;
    const current = await resolvePath('current', session.current, dir);
    if (current === null) return null;
    const outcome = await openPair(reference, current);
    deps.recent.add({ kind: 'session', file });
    return { ...outcome, session: { fileName, settings: session.settings, ui: session.ui } };
  }

  return {
    'analysis:column-detail': async (column, bins) => {
      if (!isBinChoice(bins)) throw new TypeError('Invalid bin choice');
      return engine.columnDetail(validateColumnName(column), bins);
    },
    'dataset:rows': async (column, selector, limit) =>
      engine.rows(validateColumnName(column), validateSelector(selector), validateLimit(limit)),
    'analysis:recompute-column': async (column, settings) =>
      engine.recomputeColumn(validateColumnName(column), parseSettings(settings, 'analysis settings')),
    'session:save': async (state) => {
      const { settings, ui } = validateSessionState(state);
      const { reference, current } = paths;
      if (!reference || !current) throw new DatasetError('Open both files before saving a session.', '');
      let file = await deps.chooseSaveFile(defaultSessionName(reference));
      if (file === null) return null;
      if (!file.endsWith('.json')) file += SESSION_EXTENSION;
      writeFileAtomic(file, serializeSession({ reference, current, settings, ui }));
      deps.recent.add({ kind: 'session', file });
      return { fileName: path.basename(file) };
    },
    'session:open': async () => {
      const file = await deps.chooseSessionFile();
      return file === null ? null : openSessionFile(file);
    },
    'recent:list': async () => deps.recent.list(),
    'recent:open': async (id) => {
      if (!isRecentId(id)) throw new TypeError('Invalid recent id');
      const target: RecentTarget | null = deps.recent.find(id);
      if (target === null) return null;
      if (target.kind === 'session') {
        if (!existsSync(target.file))
          throw new DatasetError(`${path.basename(target.file)} no longer exists.`, '');
        return openSessionFile(target.file);
      }
      const reference = await resolvePath('reference', target.reference, path.dirname(target.reference));
      if (reference === null) return null;
      const current = await resolvePath('current', target.current, path.dirname(target.current));
      if (current === null) return null;
      const outcome = await openPair(reference, current);
      return {
        ...outcome,
        session: { fileName: '', settings: parseSettings(undefined), ui: parseSessionUi(undefined) },
      };
    },
    'preferences:get': async () => deps.preferences.get(),
    'preferences:set': async (changes) => {
      const valid = validatePreferenceChanges(changes);
      const next = deps.preferences.set(valid);
      if (valid.theme) deps.applyTheme?.(valid.theme);
      return next;
    },
  } satisfies Partial<InvokeHandlers>;
}
