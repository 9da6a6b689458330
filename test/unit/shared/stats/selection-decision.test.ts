import { describe, expect, it } from 'vitest';
import { isDrift } from '../../../../shared/drift/decision';
import { TEST_REGISTRY } from '../../../../shared/drift/methods/registry';
import { selectTest } from '../../../../shared/drift/selection';
import { TEST_KEYS } from '../../../../shared/types';

describe('selectTest (statistics.md §3)', () => {
  it('small reference (n_ref <= 1000, exactly 1000 included)', () => {
    expect(selectTest('numerical', 1000, 6)).toEqual({ test: 'ks', threshold: 0.05 });
    expect(selectTest('numerical', 10, 5)).toEqual({ test: 'chisquare', threshold: 0.05 });
    expect(selectTest('numerical', 10, 3)).toEqual({ test: 'chisquare', threshold: 0.05 });
    expect(selectTest('numerical', 10, 2)).toEqual({ test: 'z', threshold: 0.05 });
    expect(selectTest('categorical', 1000, 3)).toEqual({ test: 'chisquare', threshold: 0.05 });
    expect(selectTest('categorical', 1000, 50)).toEqual({ test: 'chisquare', threshold: 0.05 });
    expect(selectTest('categorical', 1, 1)).toEqual({ test: 'z', threshold: 0.05 });
  });

  it('large reference (n_ref > 1000)', () => {
    expect(selectTest('numerical', 1001, 6)).toEqual({ test: 'wasserstein', threshold: 0.1 });
    expect(selectTest('numerical', 1001, 5)).toEqual({ test: 'jensenshannon', threshold: 0.1 });
    expect(selectTest('numerical', 5000, 2)).toEqual({ test: 'jensenshannon', threshold: 0.1 });
    expect(selectTest('categorical', 1001, 2)).toEqual({ test: 'jensenshannon', threshold: 0.1 });
    expect(selectTest('categorical', 1001, 300)).toEqual({ test: 'jensenshannon', threshold: 0.1 });
  });

  it('text, datetime, id and empty references get no test, with a reason', () => {
    for (const type of ['text', 'datetime', 'id'] as const) {
      const choice = selectTest(type, 100, 50);
      expect(choice.test).toBeNull();
      if (choice.test === null) expect(choice.reason.length).toBeGreaterThan(0);
    }
    expect(selectTest('numerical', 0, 0).test).toBeNull();
  });
});

describe('isDrift (statistics.md §4)', () => {
  it('p < t for chisquare and z, p <= t for ks, d >= t for distances', () => {
    expect(isDrift('chisquare', 0.05, 0.05)).toBe(false);
    expect(isDrift('chisquare', 0.0499, 0.05)).toBe(true);
    expect(isDrift('z', 0.05, 0.05)).toBe(false);
    expect(isDrift('ks', 0.05, 0.05)).toBe(true);
    expect(isDrift('ks', 0.0500001, 0.05)).toBe(false);
    expect(isDrift('wasserstein', 0.1, 0.1)).toBe(true);
    expect(isDrift('jensenshannon', 0.0999, 0.1)).toBe(false);
  });

  it('null or NaN scores are never drift', () => {
    for (const key of TEST_KEYS) {
      expect(isDrift(key, null, 0.05)).toBe(false);
      expect(isDrift(key, Number.NaN, 0.05)).toBe(false);
    }
  });
});

describe('TEST_REGISTRY', () => {
  it('has one entry per key with the default thresholds of §5', () => {
    expect(Object.keys(TEST_REGISTRY).sort()).toEqual([...TEST_KEYS].sort());
    expect(TEST_REGISTRY.ks).toMatchObject({ key: 'ks', kind: 'p_value', defaultThreshold: 0.05 });
    expect(TEST_REGISTRY.chisquare).toMatchObject({ kind: 'p_value', defaultThreshold: 0.05 });
    expect(TEST_REGISTRY.z).toMatchObject({ kind: 'p_value', defaultThreshold: 0.05 });
    expect(TEST_REGISTRY.wasserstein).toMatchObject({ kind: 'distance', defaultThreshold: 0.1 });
    expect(TEST_REGISTRY.jensenshannon).toMatchObject({ kind: 'distance', defaultThreshold: 0.1 });
    for (const key of TEST_KEYS) expect(TEST_REGISTRY[key].key).toBe(key);
  });

  it('applies to numerical/categorical columns only, ks and wasserstein to numerical only', () => {
    expect(TEST_REGISTRY.ks.appliesTo('categorical')).toBe(false);
    expect(TEST_REGISTRY.wasserstein.appliesTo('numerical')).toBe(true);
    expect(TEST_REGISTRY.chisquare.appliesTo('categorical')).toBe(true);
    for (const key of TEST_KEYS) {
      expect(TEST_REGISTRY[key].appliesTo('text')).toBe(false);
      expect(TEST_REGISTRY[key].appliesTo('id')).toBe(false);
      expect(TEST_REGISTRY[key].appliesTo('datetime')).toBe(false);
    }
  });
});
