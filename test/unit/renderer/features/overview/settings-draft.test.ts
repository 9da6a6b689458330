/**
 * The analysis settings panel's draft model. Oracle: the settings file format (docs/settings.md) as
 * shared/drift/settings.ts parses it — what the panel writes must read back through parseSettings as
 * the same object, and the defaults (shareThreshold 0.5, missing drift p 0.05 and change 0.05) stay out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allColumns,
  applyDraft,
  CORRECTION_LABELS,
  changedCount,
  type Draft,
  toDraft,
  validate,
} from '../../../../../renderer/src/features/overview/settings-draft';
import { type AnalysisSettings, DEFAULT_SETTINGS, parseSettings } from '../../../../../shared/drift/settings';
import { shopResult } from '../../fixture';

/** The --config file of the e2e import test (analysis-settings.spec.ts). */
const IMPORTED = {
  types: { categorical: { test: 'chisquare', threshold: 0.01 }, numerical: { test: 'ks' } },
  correction: 'bonferroni',
  ignore: ['legacy_score'],
};

const roundTrip = (settings: AnalysisSettings) => parseSettings(JSON.parse(JSON.stringify(settings)));

describe('toDraft', () => {
  it('shows the defaults as text, blanks for unset numbers', () => {
    expect(toDraft(DEFAULT_SETTINGS)).toEqual({
      correction: 'none',
      shareThreshold: '0.5',
      test: '',
      threshold: '',
      types: { numerical: { test: '', threshold: '' }, categorical: { test: '', threshold: '' } },
      ignore: [],
      missingPValue: '0.05',
      missingMinChange: '0.05',
    });
  });

  it('fills every field from a config file', () => {
    const draft = toDraft(parseSettings(IMPORTED));
    expect(draft.correction).toBe('bonferroni');
    expect(draft.types.categorical).toEqual({ test: 'chisquare', threshold: '0.01' });
    expect(draft.types.numerical).toEqual({ test: 'ks', threshold: '' });
    expect(draft.ignore).toEqual(['legacy_score']);
  });
});

describe('validate', () => {
  const ok = toDraft(DEFAULT_SETTINGS);
  const problems = (changes: Partial<Draft>) => validate({ ...ok, ...changes });

  it('accepts the defaults', () => {
    expect(validate(ok)).toEqual({});
  });

  it('asks for a share threshold in (0, 1], as parseSettings does', () => {
    for (const bad of ['', '0', '-0.1', '1.01', 'half', 'NaN']) {
      expect(problems({ shareThreshold: bad }).shareThreshold, bad).toBe('Between 0 (excluded) and 1');
    }
    for (const good of ['1', '0.001', '.5', '1e-3'])
      expect(problems({ shareThreshold: good }), good).toEqual({});
  });

  it('asks for thresholds ≥ 0 or blank, per field', () => {
    expect(problems({ threshold: '-1' })).toEqual({ threshold: 'A number ≥ 0, or blank' });
    expect(problems({ threshold: 'Infinity' })).toEqual({ threshold: 'A number ≥ 0, or blank' });
    expect(problems({ threshold: '0' })).toEqual({});
    expect(problems({ types: { ...ok.types, categorical: { test: '', threshold: 'x' } } })).toEqual({
      'type-categorical': 'A number ≥ 0, or blank',
    });
  });

  it('asks for both missing-drift numbers', () => {
    expect(problems({ missingPValue: '' })).toEqual({ missing: 'Both numbers ≥ 0' });
    expect(problems({ missingMinChange: '-0.1' })).toEqual({ missing: 'Both numbers ≥ 0' });
  });
});

describe('applyDraft', () => {
  it('leaves the defaults out of the object', () => {
    expect(applyDraft(DEFAULT_SETTINGS, toDraft(DEFAULT_SETTINGS))).toEqual(DEFAULT_SETTINGS);
  });

  it('gives back a config file unchanged after a round trip through the panel', () => {
    const settings = parseSettings(IMPORTED);
    const next = applyDraft(settings, toDraft(settings));
    expect(next).toEqual(settings);
    expect(roundTrip(next)).toEqual(next);
  });

  it('keeps column overrides, performance settings and the types the panel does not edit', () => {
    const settings = parseSettings({
      columns: { age: { test: 'psi', threshold: 0.2 } },
      types: { text: { test: 'chisquare' } },
      performance: { target: 'churned' },
    });
    const next = applyDraft(settings, { ...toDraft(settings), correction: 'benjamini_hochberg' });
    expect(next.columns).toEqual({ age: { test: 'psi', threshold: 0.2 } });
    expect(next.types).toEqual({ text: { test: 'chisquare' } });
    expect(next.performance).toEqual({ target: 'churned' });
    expect(next.correction).toBe('benjamini_hochberg');
  });

  it('drops a type whose test and threshold are both cleared, and writes a changed missing drift', () => {
    const settings = parseSettings(IMPORTED);
    const draft = toDraft(settings);
    draft.types.numerical = { test: '', threshold: '' };
    draft.missingMinChange = '0.1';
    const next = applyDraft(settings, draft);
    expect(next.types).toEqual({ categorical: { test: 'chisquare', threshold: 0.01 } });
    expect(next.missingDrift).toEqual({ pValue: 0.05, minChange: 0.1 });
  });

  it('writes only what parseSettings reads back as the same object, for any valid draft', () => {
    const number = fc.oneof(
      fc.constant(''),
      fc.double({ min: 0, max: 5, noNaN: true }).map(String),
      fc.constantFrom('-1', 'abc', '0'),
    );
    const share = fc.oneof(fc.double({ min: -1, max: 2, noNaN: true }).map(String), fc.constantFrom('', '1'));
    const draft = fc.record({
      correction: fc.constantFrom('none', 'bonferroni', 'benjamini_hochberg'),
      shareThreshold: share,
      test: fc.constantFrom('', 'ks', 'psi', 'chisquare', 'wasserstein'),
      threshold: number,
      types: fc.record({
        numerical: fc.record({ test: fc.constantFrom('', 'ks', 'psi'), threshold: number }),
        categorical: fc.record({ test: fc.constantFrom('', 'chisquare', 'z'), threshold: number }),
      }),
      ignore: fc.uniqueArray(fc.constantFrom('age', 'plan', 'region')),
      missingPValue: number,
      missingMinChange: number,
    }) as fc.Arbitrary<Draft>;
    fc.assert(
      fc.property(draft, (d) => {
        if (Object.keys(validate(d)).length > 0) return;
        const next = applyDraft(DEFAULT_SETTINGS, d);
        expect(roundTrip(next)).toEqual(next);
      }),
      { numRuns: 300 },
    );
  });
});

describe('changedCount', () => {
  it('counts each panel setting that differs from the defaults', () => {
    expect(changedCount(DEFAULT_SETTINGS)).toBe(0);
    // correction 1 + categorical test 1 + categorical threshold 1 + numerical test 1 + ignore 1
    expect(changedCount(parseSettings(IMPORTED))).toBe(5);
    expect(changedCount(parseSettings({ shareThreshold: 0.3, missingDrift: { pValue: 0.01 } }))).toBe(2);
  });
});

describe('allColumns and the labels', () => {
  it('lists the analysed columns, then the ignored ones, in the files’ order', async () => {
    // shop-reference.csv header, plus "channel" (only in shop-current.csv)
    expect(allColumns(await shopResult({}))).toEqual([
      'customer_id',
      'age',
      'income',
      'plan',
      'region',
      'churned',
      'legacy_score',
      'channel',
    ]);
    expect(allColumns(await shopResult({ ignore: ['income', 'legacy_score'] }))).toEqual([
      'customer_id',
      'age',
      'plan',
      'region',
      'churned',
      'channel',
      'income',
      'legacy_score',
    ]);
  });

  it('names every correction', () => {
    expect(CORRECTION_LABELS).toEqual({
      none: 'None',
      bonferroni: 'Bonferroni',
      benjamini_hochberg: 'Benjamini–Hochberg',
    });
  });
});
