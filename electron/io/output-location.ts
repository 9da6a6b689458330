import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Why a report cannot be written at `target`, or null when it can: the folder must exist and be
 * writable, and an existing target must be a writable file. Checked before any analysis runs.
 */
export function outputLocationProblem(target: string): string | null {
  const file = path.resolve(target);
  const dir = path.dirname(file);
  try {
    if (!statSync(dir).isDirectory()) return `${path.dirname(target)} is not a folder`;
  } catch {
    return `the folder ${path.dirname(target)} does not exist`;
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return `the folder ${path.dirname(target)} is not writable`;
  }
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return `${target} is a folder`;
  } catch {
    // A new file: the writable folder is enough.
  }
  return null;
}
