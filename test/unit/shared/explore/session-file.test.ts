import { describe, expect, it } from 'vitest';
import { parseSessionFile, serializeSession } from '../../../../shared/explore/session-file';

describe('session file', () => {
  const session = {
    reference: '/data/ref.csv',
    current: '/data/cur.csv',
    settings: {
      test: null,
      threshold: null,
      shareThreshold: 0.5,
      columns: { age: { test: 'wasserstein' as const, threshold: 0.2 } },
    },
    ui: { selected: 'age', bins: 30 as const, logY: true },
  };
  it('round-trips', () => {
    const parsed = parseSessionFile(JSON.parse(serializeSession(session)), 's.driftscope.json');
    expect(parsed.reference).toBe('/data/ref.csv');
    expect(parsed.settings.columns?.age).toEqual({ type: undefined, test: 'wasserstein', threshold: 0.2 });
    expect(parsed.ui).toEqual({ selected: 'age', bins: 30, logY: true });
  });
  it('rejects other JSON, bad paths and bad settings with the file name', () => {
    expect(() => parseSessionFile({ hello: 1 }, 'x.json')).toThrow(/x\.json: not a Driftscope session/);
    const good = JSON.parse(serializeSession(session));
    expect(() => parseSessionFile({ ...good, current: 42 }, 'x.json')).toThrow(/current must be a file path/);
    expect(() => parseSessionFile({ ...good, settings: { test: 'nope' } }, 'x.json')).toThrow(/unknown test/);
    expect(() => parseSessionFile({ ...good, version: 9 }, 'x.json')).toThrow(/version 9/);
  });
  it('falls back to default UI state on malformed fields', () => {
    const good = JSON.parse(serializeSession(session));
    expect(parseSessionFile({ ...good, ui: { bins: 7, selected: 3 } }, 'x').ui).toEqual({
      selected: null,
      bins: 'auto',
      logY: false,
    });
  });
});
