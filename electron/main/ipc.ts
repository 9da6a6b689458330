/**
 * IPC registration: one `ipcMain.handle` per contract channel. Each call checks that the sender is our
 * renderer's document, runs the handler (which validates its own arguments) and returns plain data.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  INVOKE_CHANNELS,
  type InvokeChannel,
  type LoadProgress,
  type TimelineProgress,
} from '../../shared/api';

export type InvokeHandler = (...args: unknown[]) => Promise<unknown>;
export type InvokeHandlers = Record<InvokeChannel, InvokeHandler>;

export const PROGRESS_CHANNEL = 'dataset:progress';
export const TIMELINE_PROGRESS_CHANNEL = 'timeline:progress';

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
    const fn = handlers[channel];
    if (typeof fn !== 'function') throw new Error(`registerIpc: no handler for channel ${channel}`);
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
