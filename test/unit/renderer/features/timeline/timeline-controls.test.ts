import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../../../../../renderer/src/features/timeline/default-spec';
import { draftOf, specOf } from '../../../../../renderer/src/features/timeline/timeline-controls';
import { initialSession, sessionReducer } from '../../../../../renderer/src/state/session';
import { parseTimelineSpec } from '../../../../../shared/timeline/parse-timeline-spec';
import { shopResult } from '../../fixture';
import { demoResult } from './demo-timeline';

describe('timeline controls', () => {
  it('round-trips every spec the controls can make, and each is a valid settings timeline block', () => {
    const specs = [
      { chunking: { kind: 'period' as const, period: 'month' as const, timeColumn: 'day' } },
      { chunking: { kind: 'size' as const, size: 250 }, referenceChunks: true },
      {
        chunking: { kind: 'count' as const, count: 7, timeColumn: 'ts' },
        thresholdFromReference: { k: 2.5 },
      },
    ];
    for (const spec of specs) {
      expect(specOf(draftOf(spec))).toEqual(spec);
      expect(parseTimelineSpec(spec, 'session')).toEqual(spec);
    }
  });

  it('says what to fix instead of sending a bad spec', () => {
    const draft = draftOf({ chunking: { kind: 'size', size: 10 } });
    expect(specOf({ ...draft, size: '0' })).toBe('Rows per chunk must be a whole number ≥ 1.');
    expect(specOf({ ...draft, kind: 'count', count: '2.5' })).toBe(
      'Number of chunks must be a whole number ≥ 1.',
    );
    expect(specOf({ ...draft, kind: 'period', timeColumn: '' })).toBe(
      'A period chunking needs a timestamp column.',
    );
    expect(specOf({ ...draft, thresholdFromReference: true, k: '-1' })).toBe('K must be a number ≥ 0.');
  });

  it('starts weekly on the first date/time column, else with ten chunks', async () => {
    expect(defaultSpec(demoResult())).toEqual({
      chunking: { kind: 'period', period: 'week', timeColumn: 'application_date' },
    });
    // The shop files (test/e2e/fixtures) have no date column.
    const shop = await shopResult();
    expect(shop.columns.some((c) => c.type === 'datetime')).toBe(false);
    expect(defaultSpec(shop)).toEqual({ chunking: { kind: 'count', count: 10 } });
  });

  it('a chunking lives in the session settings and does not touch the analysis', () => {
    const spec = { chunking: { kind: 'size' as const, size: 100 } };
    const next = sessionReducer(initialSession, { type: 'timeline-spec', spec });
    expect(next.settings.timeline).toEqual(spec);
    expect(next.analysis).toBe(initialSession.analysis);
    expect({ ...next.settings, timeline: undefined }).toEqual({
      ...initialSession.settings,
      timeline: undefined,
    });
  });
});
