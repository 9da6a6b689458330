/**
 * App-wide security hooks: no new windows, no navigation away from our renderer, no <webview>, every
 * permission denied, and one allow-listed choke point for opening links in the user's browser.
 */
import { type App, type Session, shell, type WebContents } from 'electron';

/** Hosts the app may open in the user's browser (exact match, https only). */
export const ALLOWED_EXTERNAL_HOSTS: readonly string[] = ['github.com', 'en.wikipedia.org', 'docs.scipy.org'];

/**
 * True when `url` may be handed to the operating system: an `https:` URL without credentials or a custom
 * port whose host is exactly one of `allowedHosts`.
 * @example isAllowedExternalUrl('https://github.com/x') // true
 * @example isAllowedExternalUrl('http://github.com/x') // false
 */
export function isAllowedExternalUrl(url: unknown, allowedHosts: readonly string[] = ALLOWED_EXTERNAL_HOSTS) {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  return allowedHosts.includes(parsed.hostname);
}

/** Opens an allow-listed URL in the user's browser; returns false (and opens nothing) otherwise. */
export async function safeOpenExternal(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) {
    console.warn('[security] refused to open external URL:', url);
    return false;
  }
  await shell.openExternal(url);
  return true;
}

/**
 * True when `target` is the renderer's own document (same file path; query and hash may differ).
 * @example isSameFileUrl('file:///a/index.html?demo=1', 'file:///a/index.html') // true
 */
export function isSameFileUrl(target: unknown, rendererUrl: string): boolean {
  if (typeof target !== 'string') return false;
  try {
    const a = new URL(target);
    const b = new URL(rendererUrl);
    return a.protocol === 'file:' && b.protocol === 'file:' && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

/** Locks down one WebContents: window.open denied, navigation outside our document denied, no webviews. */
export function hardenWebContents(contents: WebContents, rendererUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    // A target=_blank link to an allow-listed site opens in the browser; nothing opens inside the app.
    if (isAllowedExternalUrl(url)) void safeOpenExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!isSameFileUrl(event.url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isSameFileUrl(event.url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Denies every permission request and check (camera, notifications, clipboard, ...) for a session. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Installs the hooks app-wide. Call before app ready so that every WebContents and every session (including
 * the default one, once ready) is covered.
 */
export function installSecurityHooks(app: App, rendererUrl: string, defaultSession: () => Session): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, rendererUrl));
  app.on('session-created', (session) => denyAllPermissions(session));
  void app.whenReady().then(() => denyAllPermissions(defaultSession()));
}
