/**
 * Helpers of the e2e specs: the command line as their oracle (`driftscope analyze ARGS --json FILE`, its JSON
 * report), and a file pair opened through the app's dialogs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import type { AnalysisResult } from '../../shared/report/analysis-result';
import { repoRoot } from './global-setup';
import type { AppPage } from './pages/app-page';

export function analyzeJson(...args: string[]): AnalysisResult {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'ds-cli-')), 'report.json');
  const child = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'bin', 'driftscope.cjs'), 'analyze', ...args, '--json', out],
    { encoding: 'utf8' },
  );
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as AnalysisResult;
}

/** Opens a reference and a current file through the app's Open dialogs and waits for the analysis. */
export async function openPair(
  harness: { open(q?: string): Promise<AppPage>; chooseNext(p: string | null): void },
  reference: string,
  current: string,
): Promise<AppPage> {
  const app = await harness.open();
  harness.chooseNext(reference);
  await app.openButton('reference').click();
  harness.chooseNext(current);
  await app.openButton('current').click();
  await app.expectState('ready');
  return app;
}
