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
import { defaultMemoryBudget } from '../../electron/engine/memory-budget';
import { createHandlers } from '../../electron/main/handlers';
import { handlerOf } from '../../electron/main/ipc';
import { PreferencesStore } from '../../electron/main/preferences';
import { createCliPdfPrinter } from '../../electron/report/pdf-cli';
import {
  type DatasetRole,
  EVENT_METHODS,
  type EventChannel,
  type EventChannels,
  INVOKE_METHODS,
  type LoadProgress,
  type TimelineProgress,
} from '../../shared/api';
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
  /** Queues the paths the next baseline Save, baseline Open and history Open dialogs return (null: cancel). */
  baselineSaveNext(filePath: string | null): void;
  baselineNext(filePath: string | null): void;
  historyNext(filePath: string | null): void;
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
  /** The memory budget of the loads from now on (bytes; default: the app's, defaultMemoryBudget()). */
  setMemoryBudget(bytes: number): void;
}

interface WorkerFixtures {
  rendererServer: StaticServer;
}

interface TestFixtures {
  harness: Harness;
}

type EmitWindow = Window & { __driftscopeEmit?: (channel: EventChannel, payload: unknown) => void };

interface BridgeOptions {
  dropDir: string;
  /** The contract's channel → method maps (shared/api.ts): the bridge has exactly the preload's methods. */
  invokeMethods: Record<string, string>;
  eventMethods: Record<string, string>;
}

/**
 * Runs in the page before any script: the test double of electron/preload, built like its api.ts from the
 * contract's method maps (passed in as data, since this function is serialised into the page).
 */
function installBridge({ dropDir, invokeMethods, eventMethods }: BridgeOptions): void {
  type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
  const w = window as unknown as Record<string, unknown> & { __driftscopeInvoke: Invoke };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  w.__driftscopeEmit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };
  w.__cspViolations = [] as string[];
  document.addEventListener('securitypolicyviolation', (event) => {
    (w.__cspViolations as string[]).push(`${event.violatedDirective}: ${event.blockedURI}`);
  });
  const api: Record<string, unknown> = {};
  for (const [channel, method] of Object.entries(invokeMethods)) {
    api[method] = (...args: unknown[]) => w.__driftscopeInvoke(channel, ...args);
  }
  for (const [channel, method] of Object.entries(eventMethods)) {
    const set = new Set<(payload: unknown) => void>();
    listeners.set(channel, set);
    api[method] = (listener: (payload: unknown) => void) => {
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    };
  }
  w.driftscope = Object.freeze(api);
  // The preload resolves a dropped File with webUtils.getPathForFile; here files dropped by a test are
  // looked up by name in the test's drop folder.
  w.driftscopeFiles = Object.freeze({ getPathForFile: (file: File) => `${dropDir}/${file.name}` });
}

/** Sends an event to the page, as main's webContents.send does to the preload. */
async function emit<C extends EventChannel>(
  page: Page,
  channel: C,
  payload: EventChannels[C],
): Promise<void> {
  await page
    .evaluate(([c, p]) => (window as EmitWindow).__driftscopeEmit?.(c, p), [channel, payload] as const)
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
    const baselineSaveQueue: (string | null)[] = [];
    const baselineQueue: (string | null)[] = [];
    const historyQueue: (string | null)[] = [];
    const located: string[] = [];
    const userDataDir = testInfo.outputPath('user-data');
    mkdirSync(userDataDir, { recursive: true });
    const next = (queue: (string | null)[]) => (queue.length > 0 ? (queue.shift() ?? null) : null);
    const problems: string[] = [];
    const dialogs: string[] = [];
    let problemsAllowed = false;
    let memoryBudget: number | undefined;

    const engine = new EngineClient();
    const handlers = createHandlers({
      engine,
      chooseFile: async (_role: DatasetRole) => (queued.length > 0 ? (queued.shift() ?? null) : null),
      demoDir: testInfo.outputPath('demo'),
      sendProgress: (progress: LoadProgress) => void emit(page, 'dataset:progress', progress),
      memoryBudget: () => memoryBudget ?? defaultMemoryBudget(),
      sendTimelineProgress: (progress: TimelineProgress) => void emit(page, 'timeline:progress', progress),
      chooseSaveFile: async () => next(saveQueue),
      chooseSessionFile: async () => next(sessionQueue),
      locateFile: async (role, missingPath) => {
        located.push(`${role}: ${missingPath}`);
        return next(locateQueue);
      },
      userDataDir,
      preferences: PreferencesStore.inFolder(userDataDir),
      // The report Save dialog is stubbed; PDF is printed by the machine's Chromium (the CLI's printer).
      chooseReportFile: async (format, defaultName) => {
        exportDialogs.push(`${format}: ${defaultName}`);
        return next(exportQueue);
      },
      printPdf: createCliPdfPrinter(),
      chooseBaselineSaveFile: async () => next(baselineSaveQueue),
      chooseBaselineFile: async () => next(baselineQueue),
      chooseHistoryFile: async () => next(historyQueue),
    });

    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });

    await page.exposeBinding('__driftscopeInvoke', (_source, channel: string, ...args: unknown[]) => {
      const handler = handlerOf(handlers, channel);
      if (!handler) throw new Error(`Unknown channel ${String(channel)}`);
      return handler(...args);
    });
    const dropDir = testInfo.outputPath('drop');
    mkdirSync(dropDir, { recursive: true });
    await page.addInitScript(installBridge, {
      dropDir,
      invokeMethods: INVOKE_METHODS,
      eventMethods: EVENT_METHODS,
    });

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
      baselineSaveNext: (filePath) => {
        baselineSaveQueue.push(filePath);
      },
      baselineNext: (filePath) => {
        baselineQueue.push(filePath);
      },
      historyNext: (filePath) => {
        historyQueue.push(filePath);
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
      setMemoryBudget: (bytes) => {
        memoryBudget = bytes;
      },
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
