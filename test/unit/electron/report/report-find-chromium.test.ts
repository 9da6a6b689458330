// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  ChromiumNotFoundError,
  chromiumCandidates,
  findChromium,
  SYSTEM_CHROMIUM,
} from '../../../../electron/report/find-chromium';

const existing =
  (...paths: string[]) =>
  (file: string) =>
    paths.includes(file);

describe('findChromium', () => {
  it('prefers DRIFTSCOPE_CHROMIUM, then Playwright, then /usr/bin/chromium', () => {
    const deps = { env: { DRIFTSCOPE_CHROMIUM: '/opt/chrome' }, playwrightPath: () => '/pw/chrome' };
    expect(chromiumCandidates(deps).map((c) => c.source)).toEqual([
      'DRIFTSCOPE_CHROMIUM',
      'playwright',
      'system',
    ]);
    expect(findChromium({ ...deps, exists: existing('/opt/chrome', SYSTEM_CHROMIUM) }).path).toBe(
      '/opt/chrome',
    );
    expect(
      findChromium({ env: {}, playwrightPath: () => '/pw/chrome', exists: existing('/pw/chrome') }).source,
    ).toBe('playwright');
    expect(
      findChromium({ env: {}, playwrightPath: () => '/pw/missing', exists: existing(SYSTEM_CHROMIUM) }).path,
    ).toBe(SYSTEM_CHROMIUM);
  });

  it('survives a Playwright that throws when asked for its path', () => {
    const deps = {
      env: {},
      playwrightPath: () => {
        throw new Error('no registry');
      },
      exists: existing(SYSTEM_CHROMIUM),
    };
    expect(findChromium(deps).source).toBe('system');
  });

  it('does not silently replace a DRIFTSCOPE_CHROMIUM that does not exist', () => {
    const deps = {
      env: { DRIFTSCOPE_CHROMIUM: '/nope' },
      playwrightPath: () => null,
      exists: existing(SYSTEM_CHROMIUM),
    };
    expect(() => findChromium(deps)).toThrow(/\/nope \(from DRIFTSCOPE_CHROMIUM, does not exist\)/);
  });

  it('names what was tried and what to install when there is none', () => {
    const deps = { env: {}, playwrightPath: () => '/pw/chrome', exists: existing() };
    expect(() => findChromium(deps)).toThrow(ChromiumNotFoundError);
    expect(() => findChromium(deps)).toThrow(/\/pw\/chrome, \/usr\/bin\/chromium.*apt-get install chromium/);
  });
});
