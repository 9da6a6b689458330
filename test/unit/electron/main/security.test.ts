// @vitest-environment node
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const { openExternal } = vi.hoisted(() => ({ openExternal: vi.fn(async () => {}) }));
vi.mock('electron', () => ({ shell: { openExternal } }));

import type { App, Session, WebContents } from 'electron';
import {
  ALLOWED_EXTERNAL_HOSTS,
  denyAllPermissions,
  hardenWebContents,
  installSecurityHooks,
  isAllowedExternalUrl,
  isSameFileUrl,
  safeOpenExternal,
} from '../../../../electron/main/security';

const RENDERER = 'file:///opt/driftscope/dist/renderer/index.html';

beforeEach(() => {
  openExternal.mockClear();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://github.com/driftscope/driftscope', true],
    ['https://en.wikipedia.org/wiki/Kolmogorov%E2%80%93Smirnov_test', true],
    ['https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.ks_2samp.html', true],
    ['HTTPS://GITHUB.COM/x', true],
    ['http://github.com/', false],
    ['https://github.com.evil.example/', false],
    ['https://evilgithub.com/', false],
    ['https://gist.github.com/', false],
    ['https://user:pass@github.com/', false],
    ['https://github.com@evil.example/', false],
    ['https://github.com:8443/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['smb://github.com/share', false],
    ['//github.com/', false],
    ['github.com', false],
    ['', false],
    [undefined, false],
    [42, false],
  ])('%s -> %s', (url, expected) => {
    expect(isAllowedExternalUrl(url)).toBe(expected);
  });

  it('uses exact host matching from the given list', () => {
    expect(ALLOWED_EXTERNAL_HOSTS.every((host) => isAllowedExternalUrl(`https://${host}/`))).toBe(true);
    expect(isAllowedExternalUrl('https://example.org/', ['example.org'])).toBe(true);
    expect(isAllowedExternalUrl('https://github.com/', [])).toBe(false);
  });
});

describe('safeOpenExternal', () => {
  it('opens allow-listed URLs only', async () => {
    await expect(safeOpenExternal('https://github.com/')).resolves.toBe(true);
    await expect(safeOpenExternal('file:///bin/sh')).resolves.toBe(false);
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://github.com/');
  });
});

describe('isSameFileUrl', () => {
  it.each([
    [RENDERER, true],
    [`${RENDERER}?demo=1#x`, true],
    ['file:///opt/driftscope/dist/renderer/evil.html', false],
    ['https://github.com/', false],
    ['nonsense', false],
    [undefined, false],
  ])('%s -> %s', (url, expected) => {
    expect(isSameFileUrl(url, RENDERER)).toBe(expected);
  });
});

type OpenHandler = (details: { url: string }) => { action: string };

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: OpenHandler | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: OpenHandler) => {
      openHandler = handler;
    },
  });
  const fire = (name: string, url?: string) => {
    const event = { url, preventDefault: vi.fn() };
    emitter.emit(name, event, url);
    return event.preventDefault;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('hardenWebContents', () => {
  it('denies every window.open, forwarding only allow-listed links to the browser', () => {
    const { contents, open } = fakeContents();
    hardenWebContents(contents, RENDERER);
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open(RENDERER)).toEqual({ action: 'deny' });
    expect(open('https://github.com/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://github.com/');
  });

  it('prevents navigation and redirects away from the renderer document', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, RENDERER);
    expect(fire('will-navigate', 'https://evil.example/')).toHaveBeenCalled();
    expect(fire('will-navigate', 'file:///etc/passwd')).toHaveBeenCalled();
    expect(fire('will-redirect', 'https://evil.example/')).toHaveBeenCalled();
    expect(fire('will-navigate', `${RENDERER}?demo=1`)).not.toHaveBeenCalled();
  });

  it('prevents attaching a webview', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, RENDERER);
    expect(fire('will-attach-webview')).toHaveBeenCalled();
  });
});

function fakeSession() {
  const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
  return session;
}

describe('denyAllPermissions', () => {
  it('answers false to every permission request and check', () => {
    const session = fakeSession();
    denyAllPermissions(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0][0];
    const check = session.setPermissionCheckHandler.mock.calls[0][0];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(check(null, permission, 'file://', {})).toBe(false);
    }
  });
});

describe('installSecurityHooks', () => {
  it('hardens every new WebContents and denies permissions on every session', async () => {
    const app = Object.assign(new EventEmitter(), { whenReady: () => Promise.resolve() });
    const defaultSession = fakeSession();
    installSecurityHooks(app as unknown as App, RENDERER, () => defaultSession as unknown as Session);
    await Promise.resolve();
    await Promise.resolve();
    expect(defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(defaultSession.setPermissionCheckHandler).toHaveBeenCalled();

    const other = fakeSession();
    app.emit('session-created', other);
    expect(other.setPermissionRequestHandler).toHaveBeenCalled();

    const { contents, fire, open } = fakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(fire('will-navigate', 'https://evil.example/')).toHaveBeenCalled();
  });
});
