/**
 * Finds a Chromium to print PDF reports from the command line: $DRIFTSCOPE_CHROMIUM, then the browser
 * Playwright installed (playwright-core's chromium.executablePath()), then Debian's /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';

export interface ChromiumCandidate {
  path: string;
  source: 'DRIFTSCOPE_CHROMIUM' | 'playwright' | 'system';
}

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** How to get a Chromium, for the error message when none is found. */
export const CHROMIUM_ADVICE =
  'PDF needs a Chromium: install one (Debian/Ubuntu: apt-get install chromium; or npx playwright install chromium) ' +
  'or set DRIFTSCOPE_CHROMIUM to the path of a Chromium or Chrome executable.';

export class ChromiumNotFoundError extends Error {
  constructor(tried: string[]) {
    super(`No Chromium found (tried ${tried.length > 0 ? tried.join(', ') : 'nothing'}). ${CHROMIUM_ADVICE}`);
    this.name = 'ChromiumNotFoundError';
  }
}

export interface FindChromiumDeps {
  env: Record<string, string | undefined>;
  /** Playwright's own browser path (may not exist on disk), or null when playwright-core is missing. */
  playwrightPath: () => string | null;
  exists: (file: string) => boolean;
}

/** The candidates in order of preference (pure, unit-tested). */
export function chromiumCandidates(
  deps: Pick<FindChromiumDeps, 'env' | 'playwrightPath'>,
): ChromiumCandidate[] {
  const list: ChromiumCandidate[] = [];
  const fromEnv = deps.env.DRIFTSCOPE_CHROMIUM;
  if (fromEnv) list.push({ path: fromEnv, source: 'DRIFTSCOPE_CHROMIUM' });
  let fromPlaywright: string | null = null;
  try {
    fromPlaywright = deps.playwrightPath();
  } catch {
    fromPlaywright = null;
  }
  if (fromPlaywright) list.push({ path: fromPlaywright, source: 'playwright' });
  list.push({ path: SYSTEM_CHROMIUM, source: 'system' });
  return list;
}

/**
 * The first candidate that exists. An explicit $DRIFTSCOPE_CHROMIUM that does not exist is an error (not
 * silently replaced by another browser).
 * @throws ChromiumNotFoundError naming every path tried and what to install.
 */
export function findChromium(deps: FindChromiumDeps): ChromiumCandidate {
  const candidates = chromiumCandidates(deps);
  for (const candidate of candidates) {
    if (deps.exists(candidate.path)) return candidate;
    if (candidate.source === 'DRIFTSCOPE_CHROMIUM') {
      throw new ChromiumNotFoundError([`${candidate.path} (from DRIFTSCOPE_CHROMIUM, does not exist)`]);
    }
  }
  throw new ChromiumNotFoundError(candidates.map((c) => c.path));
}

export const defaultExists = (file: string) => existsSync(file);
