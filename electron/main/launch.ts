/** Command-line parsing and the renderer URL query: pure, so it is unit-tested without Electron. */
import path from 'node:path';

export interface LaunchFiles {
  reference: string;
  current: string;
}

/**
 * Reads `electron . REF CUR` (or `Driftscope REF CUR` when packaged): the first two arguments that are not
 * switches, resolved against `cwd`. Returns null unless exactly two file arguments were given.
 * @param argv `process.argv`
 * @param defaultApp `process.defaultApp` (true when run as `electron <appdir>`, which adds the app dir)
 */
export function parseLaunchFiles(
  argv: readonly string[],
  defaultApp: boolean,
  cwd: string,
): LaunchFiles | null {
  const rest = argv.slice(defaultApp ? 2 : 1).filter((arg) => arg !== '' && !arg.startsWith('-'));
  if (rest.length !== 2) return null;
  return { reference: path.resolve(cwd, rest[0]), current: path.resolve(cwd, rest[1]) };
}

/**
 * The query the renderer is loaded with: `demo=1` when no files were given (so `npm start` opens on the
 * demo), otherwise `reference=` and `current=` with the two paths. The renderer opens those through its
 * usual contract method (`openDroppedDataset`), so no new IPC is needed.
 */
export function rendererQuery(files: LaunchFiles | null): Record<string, string> {
  if (!files) return { demo: '1' };
  return { reference: files.reference, current: files.current };
}
