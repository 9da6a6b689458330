/**
 * The built-in demo as two CSV files in a folder (for the app's data folder and `driftscope demo --out`).
 * A file is rewritten only when its content differs from the demo, atomically.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateDemo } from '../../shared/demo/generate-demo';
import { writeFileAtomic } from './write-file-atomic';

/** Writes the demo's reference.csv and current.csv into `dir` (unless already there, same content). */
export function writeDemoFiles(dir: string): { reference: string; current: string } {
  mkdirSync(dir, { recursive: true });
  const demo = generateDemo();
  const files = { reference: path.join(dir, 'reference.csv'), current: path.join(dir, 'current.csv') };
  for (const role of ['reference', 'current'] as const) {
    const file = files[role];
    if (!existsSync(file) || readFileSync(file, 'utf8') !== demo[role]) writeFileAtomic(file, demo[role]);
  }
  return files;
}
