/**
 * The tests' oracle of the contract, written out by hand: every `window.driftscope` method with the channel it
 * must invoke (null: an event subscription) and sample arguments. Keyed by the contract's method names, so a
 * method added to shared/api.ts does not compile until it has a sample here; the channels' order is the order
 * main registers them in (ipc.test.ts), so no channel is added silently.
 */
import type { DriftscopeApi, InvokeChannel } from '../../shared/api';

export const CONTRACT_SAMPLES: Record<
  keyof DriftscopeApi,
  { channel: InvokeChannel | null; args: unknown[] }
> = {
  pickDataset: { channel: 'dataset:pick', args: ['reference'] },
  openDroppedDataset: { channel: 'dataset:open-dropped', args: ['current', '/tmp/cur.csv'] },
  loadDemo: { channel: 'dataset:demo', args: [] },
  cancelLoad: { channel: 'dataset:cancel', args: ['current'] },
  runAnalysis: { channel: 'analysis:run', args: [{ test: 'auto' }] },
  getColumnDetail: { channel: 'analysis:column-detail', args: ['age', 30] },
  getRows: { channel: 'dataset:rows', args: ['plan', { kind: 'category', label: 'pro' }, 50] },
  recomputeColumn: { channel: 'analysis:recompute-column', args: ['age', { test: null }] },
  saveSession: { channel: 'session:save', args: [{ settings: {}, ui: {} }] },
  openSession: { channel: 'session:open', args: [] },
  listRecent: { channel: 'recent:list', args: [] },
  openRecent: { channel: 'recent:open', args: ['0123456789abcdef'] },
  getPreferences: { channel: 'preferences:get', args: [] },
  setPreferences: { channel: 'preferences:set', args: [{ theme: 'dark' }] },
  exportReport: { channel: 'report:export', args: ['pdf', ['age', 'plan'], { pageSize: 'Letter' }] },
  runTimeline: {
    channel: 'timeline:run',
    args: [{ test: null }, { chunking: { kind: 'period', period: 'week', timeColumn: 'date' } }],
  },
  cancelTimeline: { channel: 'timeline:cancel', args: [] },
  focusChunk: {
    channel: 'timeline:focus-chunk',
    args: [{ test: null }, { chunking: { kind: 'count', count: 4 } }, 2],
  },
  saveBaseline: { channel: 'baseline:save', args: [{ test: null }] },
  openBaseline: { channel: 'baseline:open', args: [] },
  openHistory: { channel: 'history:open', args: [] },
  onProgress: { channel: null, args: [] },
  onTimelineProgress: { channel: null, args: [] },
};

/** The invoke channels of the samples, in order. */
export const SAMPLE_CHANNELS: InvokeChannel[] = Object.values(CONTRACT_SAMPLES)
  .map((sample) => sample.channel)
  .filter((channel) => channel !== null);
