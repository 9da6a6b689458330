/**
 * Builds what the end-to-end tests need when it is missing: the renderer (dist/renderer) and the engine
 * bundles (dist/electron). Set DRIFTSCOPE_E2E_BUILD=1 to force a rebuild (`npm run build` does the same).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

export default function globalSetup(): void {
  const needed = [
    path.join(repoRoot, 'dist', 'renderer', 'index.html'),
    path.join(repoRoot, 'dist', 'electron', 'engine-worker.cjs'),
  ];
  if (process.env.DRIFTSCOPE_E2E_BUILD !== '1' && needed.every((file) => existsSync(file))) return;
  execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
}
