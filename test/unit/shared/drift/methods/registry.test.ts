/**
 * The drift-method registry is the one home of the method vocabulary: keys, labels, kinds, rules,
 * thresholds and applicable types. Oracle: the table of docs/drift-tests.md (statistics.md §4–§5),
 * which follows Evidently's stattests (e.g. ks_stat_test: `p_value <= threshold`, ed: `> threshold`).
 */
import { describe, expect, it } from 'vitest';
import { isDrift } from '../../../../../shared/drift/decision';
import {
  isTestKey,
  methodsFor,
  TEST_KEYS,
  TEST_REGISTRY,
  testLabel,
} from '../../../../../shared/drift/methods/registry';
import { COLUMN_TYPES, TEST_KEYS as KEYS_FROM_TYPES } from '../../../../../shared/types';

describe('drift-method registry', () => {
  it('lists each method once, under its own key, in the order of docs/drift-tests.md', () => {
    expect(TEST_KEYS).toEqual([
      'ks',
      'chisquare',
      'z',
      'wasserstein',
      'jensenshannon',
      'psi',
      'kl_div',
      'hellinger',
      'jensenshannon_base2',
      'anderson',
      'cramer_von_mises',
      'ed',
      'es',
      't_test',
      'mannw',
      'fisher_exact',
      'g_test',
      'tvd',
      'empirical_mmd',
    ]);
    expect(KEYS_FROM_TYPES).toBe(TEST_KEYS);
    expect(Object.keys(TEST_REGISTRY)).toEqual([...TEST_KEYS]);
    for (const key of TEST_KEYS) expect(TEST_REGISTRY[key].key).toBe(key);
  });

  it('gives every method a distinct label, and a rule that matches its kind', () => {
    const labels = TEST_KEYS.map((k) => TEST_REGISTRY[k].label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const key of TEST_KEYS) {
      const { kind, rule } = TEST_REGISTRY[key];
      // p-values drift when small, distances when large (statistics.md §4)
      expect(kind === 'p_value' ? ['<', '<='] : ['>', '>=']).toContain(rule);
    }
    // the exceptions of §4, as Evidently: ks and cramer_von_mises p ≤ t, ed d > t
    expect(TEST_KEYS.filter((k) => TEST_REGISTRY[k].rule === '<=')).toEqual(['ks', 'cramer_von_mises']);
    expect(TEST_KEYS.filter((k) => TEST_REGISTRY[k].rule === '>')).toEqual(['ed']);
    expect(isDrift('ks', 0.05, 0.05)).toBe(true);
    expect(isDrift('cramer_von_mises', 0.1, 0.1)).toBe(true);
    expect(isDrift('chisquare', 0.05, 0.05)).toBe(false);
    expect(isDrift('ed', 0.1, 0.1)).toBe(false);
    expect(isDrift('psi', 0.1, 0.1)).toBe(true);
  });

  it('derives appliesTo and methodsFor from columnTypes', () => {
    for (const key of TEST_KEYS) {
      for (const type of COLUMN_TYPES) {
        expect(TEST_REGISTRY[key].appliesTo(type)).toBe(TEST_REGISTRY[key].columnTypes.includes(type));
      }
    }
    // docs/drift-tests.md: the six distribution tests, ks, wasserstein and empirical_mmd are numerical only
    expect(TEST_KEYS.filter((k) => !methodsFor('categorical').includes(k))).toEqual([
      'ks',
      'wasserstein',
      'anderson',
      'cramer_von_mises',
      'ed',
      'es',
      't_test',
      'mannw',
      'empirical_mmd',
    ]);
    expect(methodsFor('numerical')).toEqual([...TEST_KEYS]);
    for (const type of ['text', 'datetime', 'id'] as const) expect(methodsFor(type)).toEqual([]);
  });

  it('labels keys and recognises only registered ones', () => {
    expect(testLabel('wasserstein')).toBe('Wasserstein');
    expect(testLabel('jensenshannon_base2')).toBe('Jensen–Shannon (base 2)');
    expect(testLabel(null)).toBe('—');
    expect(testLabel('from_a_newer_report')).toBe('from_a_newer_report');
    expect(isTestKey('ks')).toBe(true);
    expect(isTestKey('toString')).toBe(false);
    expect(isTestKey(3)).toBe(false);
  });
});
