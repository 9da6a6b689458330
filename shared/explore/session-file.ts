/**
 * The `.driftscope.json` session file: both file paths, the analysis settings (column overrides,
 * thresholds) and a little UI state. Read from disk, so validated like any untrusted input.
 */
import { DatasetError } from '../dataset-error';
import { type AnalysisSettings, parseSettings } from '../drift/settings';
import { type BinChoice, isBinChoice, type SessionUi } from './types';

export const SESSION_FORMAT = 'driftscope-session';
export const SESSION_VERSION = 1;
export const SESSION_EXTENSION = '.driftscope.json';

export interface SessionFile {
  format: typeof SESSION_FORMAT;
  version: typeof SESSION_VERSION;
  reference: string;
  current: string;
  settings: AnalysisSettings;
  ui: SessionUi;
}

export const DEFAULT_UI: SessionUi = { selected: null, bins: 'auto', logY: false };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** UI state from an untrusted source; unknown or malformed fields fall back to the defaults. */
export function parseSessionUi(value: unknown): SessionUi {
  if (!isRecord(value)) return { ...DEFAULT_UI };
  const selected = typeof value.selected === 'string' ? value.selected : null;
  const bins: BinChoice = isBinChoice(value.bins) ? value.bins : DEFAULT_UI.bins;
  return { selected, bins, logY: value.logY === true };
}

/**
 * Validates a parsed session file. `where` names it in error messages.
 * @throws DatasetError when the format, version, paths or settings are wrong.
 */
export function parseSessionFile(value: unknown, where: string): SessionFile {
  const fail = (message: string): never => {
    throw new DatasetError(`${where}: ${message}`, where);
  };
  if (!isRecord(value)) return fail('not a Driftscope session (expected a JSON object)');
  if (value.format !== SESSION_FORMAT) return fail('not a Driftscope session file');
  if (value.version !== SESSION_VERSION) return fail(`unsupported session version ${String(value.version)}`);
  for (const key of ['reference', 'current'] as const) {
    const p = value[key];
    if (typeof p !== 'string' || p.length === 0 || p.length > 4096 || p.includes('\0')) {
      fail(`${key} must be a file path`);
    }
  }
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    reference: value.reference as string,
    current: value.current as string,
    settings: parseSettings(value.settings, `${where} settings`),
    ui: parseSessionUi(value.ui),
  };
}

export function serializeSession(session: Omit<SessionFile, 'format' | 'version'>): string {
  const file: SessionFile = { format: SESSION_FORMAT, version: SESSION_VERSION, ...session };
  return `${JSON.stringify(file, null, 2)}\n`;
}
