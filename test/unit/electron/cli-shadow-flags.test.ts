// @vitest-environment node
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  parseLatencyFlag,
  performanceFlags,
  SHADOW_SERVING_OPTIONS,
  UsageError,
} from '../../../electron/cli-options';

describe('champion/challenger and serving flags', () => {
  it('parse with the exported options and land in the performance settings', () => {
    const { values } = parseArgs({
      args: [
        '--challenger-prediction',
        'pred_b',
        '--challenger-proba',
        'pa_b, pb_b',
        '--latency',
        'rt:s',
        '--status',
        'http_status',
      ],
      options: SHADOW_SERVING_OPTIONS,
      strict: true,
    });
    expect(performanceFlags(values, { target: 'y' })).toEqual({
      target: 'y',
      challengerPrediction: 'pred_b',
      challengerProba: ['pa_b', 'pb_b'],
      latency: 'rt',
      latencyUnit: 's',
      status: 'http_status',
    });
  });

  it('reads the latency unit only from a trailing :ms or :s', () => {
    expect(parseLatencyFlag('latency_ms')).toEqual({ column: 'latency_ms', unit: 'ms' });
    expect(parseLatencyFlag('t:ms')).toEqual({ column: 't', unit: 'ms' });
    expect(parseLatencyFlag('a:b')).toEqual({ column: 'a:b', unit: 'ms' });
    expect(() => parseLatencyFlag(':s')).toThrow(UsageError);
    expect(() => performanceFlags({ 'challenger-proba': ' , ' }, undefined)).toThrow(
      '--challenger-proba: performance.challengerProba must be a list of column names, got " , "',
    );
    expect(() => performanceFlags({ status: ' ' }, undefined)).toThrow(
      '--status: performance.status must be a column name, got " "',
    );
    expect(() => performanceFlags({ status: ' ' }, undefined)).toThrow(UsageError);
  });
});
