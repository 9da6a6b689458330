/**
 * Preferences remembered between runs (theme, window size), in `preferences.json` in the app's userData
 * folder, written atomically. Plain Node, so handlers and tests use it without Electron. A missing or
 * damaged file gives the defaults (and a log line), never a failed start.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Preferences, THEME_PREFERENCES, type ThemePreference } from '../../shared/explore/types';
import { writeFileAtomic } from '../io/write-file-atomic';

export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

interface Stored extends Preferences {
  window?: WindowBounds;
}

export const DEFAULT_PREFERENCES: Preferences = { theme: 'system' };

function isTheme(value: unknown): value is ThemePreference {
  return (THEME_PREFERENCES as readonly unknown[]).includes(value);
}

const intIn = (v: unknown, lo: number, hi: number): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v : undefined;

/** Window bounds from the file, or undefined when absent or implausible. */
export function parseWindowBounds(value: unknown): WindowBounds | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const width = intIn(v.width, 400, 20000);
  const height = intIn(v.height, 300, 20000);
  if (width === undefined || height === undefined) return undefined;
  const bounds: WindowBounds = { width, height };
  const x = intIn(v.x, -20000, 20000);
  const y = intIn(v.y, -20000, 20000);
  if (x !== undefined && y !== undefined) Object.assign(bounds, { x, y });
  if (v.maximized === true) bounds.maximized = true;
  return bounds;
}

/**
 * Validates a preferences change from the renderer.
 * @throws TypeError on an unknown key or value.
 */
export function validatePreferenceChanges(value: unknown): Partial<Preferences> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError('Preferences must be an object');
  }
  const out: Partial<Preferences> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key !== 'theme') throw new TypeError(`Unknown preference ${key}`);
    if (!isTheme(v)) throw new TypeError(`Invalid theme ${String(v)}`);
    out.theme = v;
  }
  return out;
}

export class PreferencesStore {
  private stored: Stored;

  constructor(private readonly file: string) {
    this.stored = PreferencesStore.read(file);
  }

  static inFolder(dir: string): PreferencesStore {
    return new PreferencesStore(path.join(dir, 'preferences.json'));
  }

  private static read(file: string): Stored {
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      return {
        theme: isTheme(raw.theme) ? raw.theme : DEFAULT_PREFERENCES.theme,
        window: parseWindowBounds(raw.window),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        console.warn(`[preferences] ignoring ${file}: ${(error as Error).message}`);
      }
      return { ...DEFAULT_PREFERENCES };
    }
  }

  get(): Preferences {
    return { theme: this.stored.theme };
  }

  set(changes: Partial<Preferences>): Preferences {
    this.stored = { ...this.stored, ...changes };
    this.save();
    return this.get();
  }

  windowBounds(): WindowBounds | undefined {
    return this.stored.window;
  }

  setWindowBounds(bounds: WindowBounds): void {
    const parsed = parseWindowBounds(bounds);
    if (!parsed) return;
    this.stored = { ...this.stored, window: parsed };
    this.save();
  }

  private save(): void {
    try {
      writeFileAtomic(this.file, `${JSON.stringify(this.stored, null, 2)}\n`);
    } catch (error) {
      console.warn(`[preferences] could not write ${this.file}: ${(error as Error).message}`);
    }
  }
}
