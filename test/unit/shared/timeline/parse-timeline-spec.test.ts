import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../../../shared/dataset-error';
import { parseSettings } from '../../../../shared/drift/settings';
import { parseTimelineSpec } from '../../../../shared/timeline/parse-timeline-spec';

describe('settings timeline block', () => {
  it('reads every chunking kind and the reference options, shaped like TimelineSpec', () => {
    expect(
      parseSettings(
        {
          timeline: {
            chunking: { kind: 'period', period: 'week', timeColumn: 'application_date' },
            referenceChunks: true,
            thresholdFromReference: { k: 2.5 },
          },
        },
        'cfg.json',
      ).timeline,
    ).toEqual({
      chunking: { kind: 'period', period: 'week', timeColumn: 'application_date' },
      referenceChunks: true,
      thresholdFromReference: { k: 2.5 },
    });
    expect(parseTimelineSpec({ chunking: { kind: 'size', size: 1000 } }, 'x')).toEqual({
      chunking: { kind: 'size', size: 1000 },
    });
    expect(
      parseTimelineSpec({ chunking: { kind: 'count', count: 4, timeColumn: 't' } }, 'x').chunking,
    ).toEqual({ kind: 'count', count: 4, timeColumn: 't' });
    expect(parseTimelineSpec({ chunking: { kind: 'batch' }, thresholdFromReference: {} }, 'x')).toEqual({
      chunking: { kind: 'batch' },
      thresholdFromReference: {},
    });
    expect(parseSettings({}, 'cfg.json').timeline).toBeUndefined();
  });

  it.each([
    [
      { chunking: { kind: 'period', period: 'week' } },
      /cfg\.json: timeline\.chunking: a period chunking needs its timeColumn/,
    ],
    [
      { chunking: { kind: 'period', period: 'fortnight', timeColumn: 't' } },
      /chunking\.period must be one of hour/,
    ],
    [{ chunking: { kind: 'size', size: 0 } }, /chunking\.size must be a whole number ≥ 1/],
    [{ chunking: { kind: 'size', size: 2.5 } }, /chunking\.size must be a whole number/],
    [{ chunking: { kind: 'size', count: 3 } }, /unknown key "count" for kind size/],
    [{ chunking: { kind: 'weekly' } }, /chunking\.kind must be one of size, count, period, batch/],
    [
      { chunking: { kind: 'count', count: 2 }, referenceChunks: 'yes' },
      /referenceChunks must be true or false/,
    ],
    [{ chunking: { kind: 'count', count: 2 }, thresholdFromReference: { k: -1 } }, /k must be a number ≥ 0/],
    [{ chunking: { kind: 'count', count: 2 }, extra: 1 }, /unknown key "extra"/],
    ['size:10', /must be an object with a chunking/],
  ])('rejects %j with a message naming the file and key', (block, message) => {
    let error: unknown;
    try {
      parseSettings({ timeline: block }, 'cfg.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message).toMatch(/^cfg\.json: timeline/);
    expect((error as Error).message).toMatch(message);
  });
});
