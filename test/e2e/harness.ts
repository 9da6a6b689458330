/**
 * The end-to-end harness: the built renderer in Chromium, `window.driftscope` implemented over Playwright
 * bindings that call the very handlers Electron's main process registers (electron/main/handlers.ts)
 * backed by the real engine worker. Only the transport and the native Open dialog are replaced: the
 * dialog returns whatever path the test queued with `harness.chooseNext(path)`.
 *
 * Every test also fails when the page logged a console error, threw, violated the CSP or opened a dialog
 * (alert/confirm/prompt) that the test did not expect.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { EngineClient } from '../../electron/engine/engine-client';
import { createHandlers } from '../../electron/main/handlers';
import { createCliPdfPrinter } from '../../electron/report/pdf-cli';
import type { DatasetRole, InvokeChannel, LoadProgress, TimelineProgress } from '../../shared/api';
import { repoRoot } from './global-setup';
import { AppPage } from './pages/app-page';
import { type StaticServer, serveStatic } from './static-server';

export const fixturesDir = path.join(__dirname, 'fixtures');
export const artifactsDir = path.join(repoRoot, 'test', 'artifacts');

export interface Harness {
  /** Queues the path the next Open dialog returns (null: the user cancels the dialog). */
  chooseNext(filePath: string | null): void;
  /** Queues the path the next session Save dialog returns (null: cancel). */
  saveNext(filePath: string | null): void;
  /** Queues the path the next session Open dialog returns (null: cancel). */
  sessionNext(filePath: string | null): void;
  /** Queues the path the next report Save dialog ('report:export') returns (null: cancel). */
  exportNext(filePath: string | null): void;
  /** Formats and default names the report Save dialog was opened with, in order. */
  readonly exportDialogs: string[];
  /** Queues the answer of the next "where did this file go?" dialog (null: cancel). */
  locateNext(filePath: string | null): void;
  /** Roles and missing paths the locate dialog was asked about, in order. */
  readonly located: string[];
  /** The per-test userData folder (preferences.json, recent.json). */
  readonly userDataDir: string;
  /** Loads the renderer, optionally with a query string such as '?demo=1'. */
  open(query?: string): Promise<AppPage>;
  /** Console errors, page errors and CSP violations seen so far. */
  readonly problems: string[];
  /** Messages of alert/confirm/prompt dialogs the page opened (dismissed automatically). */
  readonly dialogs: string[];
  /** Set when a test expects problems (for example a console error it provokes on purpose). */
  allowProblems(): void;
}

interface WorkerFixtures {
  rendererServer: StaticServer;
}

interface TestFixtures {
  harness: Harness;
}

type ProgressWindow = Window & {
  __driftscopeEmitProgress?: (progress: LoadProgress) => void;
  __driftscopeEmitTimelineProgress?: (progress: TimelineProgress) => void;
};

/** Runs in the page before any script: the test double of electron/preload (same shape as its api.ts). */
function installBridge(dropDir: string): void {
  type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
  const w = window as unknown as Record<string, unknown> & { __driftscopeInvoke: Invoke };
  const listeners = new Set<(progress: unknown) => void>();
  const timelineListeners = new Set<(progress: unknown) => void>();
  const invoke = (channel: string, ...args: unknown[]) => w.__driftscopeInvoke(channel, ...args);
  w.__driftscopeEmitProgress = (progress: unknown) => {
    for (const listener of listeners) listener(progress);
  };
  w.__driftscopeEmitTimelineProgress = (progress: unknown) => {
    for (const listener of timelineListeners) listener(progress);
  };
  w.__cspViolations = [] as string[];
  document.addEventListener('securitypolicyviolation', (event) => {
    (w.__cspViolations as string[]).push(`${event.violatedDirective}: ${event.blockedURI}`);
  });
  w.driftscope = Object.freeze({
    pickDataset: (role: string) => invoke('dataset:pick', role),
    openDroppedDataset: (role: string, droppedPath: string) =>
      invoke('dataset:open-dropped', role, droppedPath),
    loadDemo: () => invoke('dataset:demo'),
    cancelLoad: (role: string) => invoke('dataset:cancel', role),
    runAnalysis: (settings: unknown) => invoke('analysis:run', settings),
    getColumnDetail: (column: unknown, bins: unknown) => invoke('analysis:column-detail', column, bins),
    getRows: (column: unknown, selector: unknown, limit: unknown) =>
      invoke('dataset:rows', column, selector, limit),
    recomputeColumn: (column: unknown, settings: unknown) =>
      invoke('analysis:recompute-column', column, settings),
    saveSession: (state: unknown) => invoke('session:save', state),
    openSession: () => invoke('session:open'),
    listRecent: () => invoke('recent:list'),
    openRecent: (id: unknown) => invoke('recent:open', id),
    getPreferences: () => invoke('preferences:get'),
    setPreferences: (changes: unknown) => invoke('preferences:set', changes),
    exportReport: (format: string, columnOrder: unknown, options: unknown) =>
      invoke('report:export', format, columnOrder, options),
    runTimeline: (settings: unknown, options: unknown) => invoke('timeline:run', settings, options),
    cancelTimeline: () => invoke('timeline:cancel'),
    focusChunk: (settings: unknown, options: unknown, chunk: unknown) =>
      invoke('timeline:focus-chunk', settings, options, chunk),
    onProgress: (listener: (progress: unknown) => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    onTimelineProgress: (listener: (progress: unknown) => void) => {
      timelineListeners.add(listener);
      return () => {
        timelineListeners.delete(listener);
      };
    },
  });
  // The preload resolves a dropped File with webUtils.getPathForFile; here files dropped by a test are
  // looked up by name in the test's drop folder.
  w.driftscopeFiles = Object.freeze({ getPathForFile: (file: File) => `${dropDir}/${file.name}` });
}

async function forwardProgress(page: Page, progress: LoadProgress): Promise<void> {
  await page
    .evaluate((p) => (window as ProgressWindow).__driftscopeEmitProgress?.(p), progress)
    .catch(() => undefined);
}

async function forwardTimelineProgress(page: Page, progress: TimelineProgress): Promise<void> {
  await page
    .evaluate((p) => (window as ProgressWindow).__driftscopeEmitTimelineProgress?.(p), progress)
    .catch(() => undefined);
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  rendererServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      // DRIFTSCOPE_RENDERER_DIR: another build of the renderer (A/B runs of the UI benchmark).
      const dir = process.env.DRIFTSCOPE_RENDERER_DIR ?? path.join(repoRoot, 'dist', 'renderer');
      const server = await serveStatic(dir);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  harness: async ({ page, rendererServer }, use, testInfo) => {
    const queued: (string | null)[] = [];
    const saveQueue: (string | null)[] = [];
    const sessionQueue: (string | null)[] = [];
    const locateQueue: (string | null)[] = [];
    const exportQueue: (string | null)[] = [];
    const exportDialogs: string[] = [];
    const located: string[] = [];
    const userDataDir = testInfo.outputPath('user-data');
    mkdirSync(userDataDir, { recursive: true });
    const next = (queue: (string | null)[]) => (queue.length > 0 ? (queue.shift() ?? null) : null);
    const problems: string[] = [];
    const dialogs: string[] = [];
    let problemsAllowed = false;

    const engine = new EngineClient();
    const handlers = createHandlers({
      engine,
      chooseFile: async (_role: DatasetRole) => (queued.length > 0 ? (queued.shift() ?? null) : null),
      demoDir: testInfo.outputPath('demo'),
      sendProgress: (progress) => void forwardProgress(page, progress),
      sendTimelineProgress: (progress) => void forwardTimelineProgress(page, progress),
      chooseSaveFile: async () => next(saveQueue),
      chooseSessionFile: async () => next(sessionQueue),
      locateFile: async (role, missingPath) => {
        located.push(`${role}: ${missingPath}`);
        return next(locateQueue);
      },
      userDataDir,
      // The report Save dialog is stubbed; PDF is printed by the machine's Chromium (the CLI's printer).
      chooseReportFile: async (format, defaultName) => {
        exportDialogs.push(`${format}: ${defaultName}`);
        return next(exportQueue);
      },
      printPdf: createCliPdfPrinter(),
    });

    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });

    await page.exposeBinding('__driftscopeInvoke', (_source, channel: InvokeChannel, ...args: unknown[]) => {
      const handler = Object.hasOwn(handlers, channel) ? handlers[channel] : undefined;
      if (!handler) throw new Error(`Unknown channel ${String(channel)}`);
      return handler(...args);
    });
    const dropDir = testInfo.outputPath('drop');
    mkdirSync(dropDir, { recursive: true });
    await page.addInitScript(installBridge, dropDir);

    const harness: Harness = {
      chooseNext: (filePath) => {
        queued.push(filePath);
      },
      saveNext: (filePath) => {
        saveQueue.push(filePath);
      },
      sessionNext: (filePath) => {
        sessionQueue.push(filePath);
      },
      locateNext: (filePath) => {
        locateQueue.push(filePath);
      },
      exportNext: (filePath) => {
        exportQueue.push(filePath);
      },
      exportDialogs,
      located,
      userDataDir,
      open: async (query = '') => {
        await page.goto(`${rendererServer.url}${query}`);
        const app = new AppPage(page, dropDir);
        await expect(app.root).toBeVisible();
        return app;
      },
      problems,
      dialogs,
      allowProblems: () => {
        problemsAllowed = true;
      },
    };

    await use(harness);

    const violations = await page
      .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
      .catch(() => [] as string[]);
    await engine.close();
    if (!problemsAllowed) {
      expect(problems, 'console errors and page errors').toEqual([]);
      expect(violations, 'CSP violations').toEqual([]);
      expect(dialogs, 'unexpected dialogs').toEqual([]);
    }
  },
});

export { expect };
