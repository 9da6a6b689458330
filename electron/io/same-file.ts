import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether two paths name the same file: the same real path (after `..` and symlinks), or the same
 * device and inode (a hard link). A path that does not exist is never the same as another.
 */
export function isSameFile(a: string, b: string): boolean {
  try {
    if (realpathSync(path.resolve(a)) === realpathSync(path.resolve(b))) return true;
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** The first input that `target` would overwrite, or undefined: one check for the CLI and the Save dialog. */
export function inputOverwrittenBy(target: string, inputs: readonly string[]): string | undefined {
  return inputs.find((input) => isSameFile(target, input));
}
