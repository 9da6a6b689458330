/**
 * The repository's own files, found by walking the tree: hidden folders, dependencies, builds and test
 * output (the folders of .gitignore) are left out.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Folders (relative to the root) that hold no file of the project's own. */
const SKIPPED = new Set([
  'node_modules',
  'dist',
  'out',
  'test-results',
  'playwright-report',
  path.join('test', 'artifacts'),
  path.join('test', 'bench', 'data'),
]);

/**
 * Files under `root`/`dir` whose name passes `keep`, as paths relative to `root`, sorted.
 *
 * @example projectFiles(root, 'docs', (name) => name.endsWith('.md')) // ['docs/concept-drift.md', ...]
 */
export function projectFiles(root: string, dir: string, keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const name of readdirSync(path.join(root, dir)).sort()) {
    const rel = path.join(dir, name);
    if (name.startsWith('.') || SKIPPED.has(rel) || name === 'node_modules') continue;
    const stat = statSync(path.join(root, rel), { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isDirectory()) found.push(...projectFiles(root, rel, keep));
    else if (keep(name)) found.push(rel);
  }
  return found;
}
