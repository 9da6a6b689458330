/**
 * IPC registration: one `ipcMain.handle` per contract channel. Each call checks that the sender is our
 * renderer's document, runs the handler (which validates its own arguments) and returns plain data.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  type EventChannel,
  INVOKE_CHANNELS,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeResult,
  type LoadProgress,
  type TimelineProgress,
} from '../../shared/api';

/** Arguments as they arrive from the renderer: as many as the contract declares, each unchecked. */
export type Untrusted<Args extends unknown[]> = { [K in keyof Args]: unknown };

/**
 * Main's side of one channel of shared/api.ts: takes the renderer's arguments unchecked (the handler
 * validates them) and resolves with the contract's result type, so a wrong result does not compile.
 */
export type InvokeHandler<C extends InvokeChannel> = (
  ...args: Untrusted<InvokeArgs<C>>
) => Promise<InvokeResult<C>>;
export type InvokeHandlers = { [C in InvokeChannel]: InvokeHandler<C> };
/** Any handler, as the transport sees it (arguments and result cross as plain data). */
export type AnyInvokeHandler = (...args: unknown[]) => Promise<unknown>;

export const PROGRESS_CHANNEL = 'dataset:progress' satisfies EventChannel;

/** The handler of `channel` (a string from the transport), or undefined when the contract has no such channel. */
export function handlerOf(handlers: InvokeHandlers, channel: string): AnyInvokeHandler | undefined {
  const fn: unknown = Object.hasOwn(handlers, channel) ? handlers[channel as InvokeChannel] : undefined;
  return typeof fn === 'function' ? (fn as AnyInvokeHandler) : undefined;
}
export const TIMELINE_PROGRESS_CHANNEL = 'timeline:progress' satisfies EventChannel;

/**
 * True when a frame at `senderUrl` is our renderer: a `file:` URL naming the same file as `rendererUrl`
 * (the query, such as `?demo=1`, and the hash may differ).
 * @example isTrustedSender('file:///app/dist/renderer/index.html?demo=1', 'file:///app/dist/renderer/index.html') // true
 * @example isTrustedSender('https://example.com/', 'file:///app/dist/renderer/index.html') // false
 */
export function isTrustedSender(senderUrl: unknown, rendererUrl: string): boolean {
  if (typeof senderUrl !== 'string' || senderUrl === '') return false;
  let sender: URL;
  let renderer: URL;
  try {
    sender = new URL(senderUrl);
    renderer = new URL(rendererUrl);
  } catch {
    return false;
  }
  return (
    sender.protocol === 'file:' &&
    renderer.protocol === 'file:' &&
    sender.host === renderer.host &&
    sender.pathname === renderer.pathname
  );
}

/** Error thrown to a sender that is not our renderer. */
export class UntrustedSenderError extends Error {
  constructor(channel: string, url: string | undefined) {
    super(`${channel}: refused IPC from untrusted sender ${url ?? '(no frame)'}`);
    this.name = 'UntrustedSenderError';
  }
}

/**
 * Registers every channel of the contract on `ipcMain`. Throws when `handlers` lacks a channel or has one the
 * contract does not declare, so nothing is added silently. Returns a function that removes the handlers.
 */
export function registerIpc(ipcMain: IpcMain, handlers: InvokeHandlers, rendererUrl: string): () => void {
  const known = new Set<string>(INVOKE_CHANNELS);
  for (const name of Object.keys(handlers)) {
    if (!known.has(name)) throw new Error(`registerIpc: handler for undeclared channel ${name}`);
  }
  for (const channel of INVOKE_CHANNELS) {
    const fn = handlerOf(handlers, channel);
    if (!fn) throw new Error(`registerIpc: no handler for channel ${channel}`);
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const url = event.senderFrame?.url;
      if (!isTrustedSender(url, rendererUrl)) {
        console.warn(`[ipc] ${channel}: rejected sender ${url ?? '(no frame)'}`);
        throw new UntrustedSenderError(channel, url);
      }
      return fn(...args);
    });
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Returns a `sendProgress` that forwards engine progress to the window, if it is still open. */
export function createProgressForwarder(getWindow: () => BrowserWindow | null): (p: LoadProgress) => void {
  return (progress) => sendToWindow(getWindow, PROGRESS_CHANNEL, progress);
}

/** Returns a `sendTimelineProgress` that forwards chunks done to the window, if it is still open. */
export function createTimelineProgressForwarder(
  getWindow: () => BrowserWindow | null,
): (p: TimelineProgress) => void {
  return (progress) => sendToWindow(getWindow, TIMELINE_PROGRESS_CHANNEL, progress);
}

function sendToWindow(getWindow: () => BrowserWindow | null, channel: string, payload: unknown): void {
  const win = getWindow();
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
  win.webContents.send(channel, payload);
}
