/**
 * The multivariate detectors inside analyzeTables: off by default, on through `settings.multivariate`, the
 * result valid against docs/schema/report-v1.schema.json, and bad settings rejected with the source named.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  analyzeTables,
  multivariateColumns,
  multivariateInput,
  withMultivariate,
} from '../../../../shared/drift/analyze';
import { DEFAULT_SETTINGS, parseSettings } from '../../../../shared/drift/settings';
import {
  analyzeMultivariate,
  joinDetectorParts,
  onlyDetector,
  runDetectors,
} from '../../../../shared/multivariate/analyze-multivariate';
import { modelColumns } from '../../../../shared/performance/for-analysis';
import { generatedTable } from './generated-pairs';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const schema = JSON.parse(readFileSync(path.join(root, 'docs', 'schema', 'report-v1.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const context = { version: 'test', now: new Date(0) };

describe('settings.multivariate in analyzeTables', () => {
  const ref = generatedTable('ref.csv', { n: 3000, rho: 0.8 }, 31);
  const cur = generatedTable('cur.csv', { n: 3000, rho: -0.8 }, 32);

  it('is off by default: no multivariate field', () => {
    expect(analyzeTables(ref, cur, DEFAULT_SETTINGS, context).multivariate).toBeUndefined();
  });

  it('when enabled, reports both detectors on the numerical and categorical columns, valid JSON', () => {
    const settings = parseSettings(
      { multivariate: { enabled: true, domainClassifier: { threshold: 0.6, folds: 4 } } },
      'drift.json',
    );
    const result = analyzeTables(ref, cur, settings, context);
    const mv = result.multivariate!;
    expect(mv.columns).toEqual(['x1', 'x2', 'x3', 'x4', 'x5', 'c1']);
    expect(mv.domainClassifier!.threshold).toBe(0.6);
    expect(mv.domainClassifier!.folds).toBe(4);
    expect(mv.domainClassifier!.foldAuc).toHaveLength(4);
    expect(mv.domainClassifier!.driftDetected).toBe(true);
    expect(mv.reconstruction!.driftDetected).toBe(true);
    const json = JSON.parse(JSON.stringify(result));
    expect(validate(json) ? [] : validate.errors).toEqual([]);
  });

  it('uses only the listed columns, and turns one detector off', () => {
    const settings = parseSettings(
      { multivariate: { enabled: true, columns: ['x3', 'x4', 'c1'], reconstruction: { enabled: false } } },
      'drift.json',
    );
    const mv = analyzeTables(ref, cur, settings, context).multivariate!;
    expect(mv.columns).toEqual(['x3', 'x4', 'c1']);
    expect(mv.reconstruction).toBeNull();
    // Without x1 and x2 nothing separates the sets.
    expect(mv.domainClassifier!.driftDetected).toBe(false);
  });

  it('leaves the target and prediction out by default (a note names them), and keeps them when listed', () => {
    // x3 named `target` and x5 `prediction`: model quality maps them by name (regression), so they are the
    // model's outputs, not its inputs. x3 shifted by 3 sd in the current set: only the target moved.
    const rename = (t: typeof ref) => ({
      ...t,
      columns: t.columns.map((c) =>
        c.name === 'x3' ? { ...c, name: 'target' } : c.name === 'x5' ? { ...c, name: 'prediction' } : c,
      ),
    });
    const r = rename(generatedTable('ref.csv', { n: 2000, rho: 0.5 }, 51));
    const c = rename(generatedTable('cur.csv', { n: 2000, rho: 0.5, shift: 3 }, 52));
    const on = parseSettings({ multivariate: { enabled: true } }, 'drift.json');
    const mv = analyzeTables(r, c, on, context).multivariate!;
    expect(mv.columns).toEqual(['x1', 'x2', 'x4', 'c1']);
    expect(mv.notes[0]).toBe(
      'Model columns left out of the detectors: target, prediction (list them in multivariate.columns to include them).',
    );
    // The features did not move: no drift (the shifted target is target drift, reported as such).
    expect(mv.domainClassifier!.driftDetected).toBe(false);
    const listed = parseSettings(
      { multivariate: { enabled: true, columns: ['x1', 'target', 'prediction'] } },
      'drift.json',
    );
    const withTarget = analyzeTables(r, c, listed, context).multivariate!;
    expect(withTarget.columns).toEqual(['x1', 'target', 'prediction']);
    expect(withTarget.domainClassifier!.driftDetected).toBe(true);
  });

  it('deferred (the engine runs the detectors on another thread): the same result, key for key', () => {
    // Oracle: the inline analysis above (detectors on the per-column results' types). Here x2 is typed
    // categorical by an override, x4 ignored, x5 named `prediction` (a model column), c1 stays.
    const rename = (t: typeof ref) => ({
      ...t,
      columns: t.columns.map((c) => (c.name === 'x5' ? { ...c, name: 'prediction' } : c)),
    });
    const r = rename(ref);
    const c = rename(cur);
    const settings = parseSettings(
      {
        multivariate: { enabled: true, domainClassifier: { folds: 3 } },
        ignore: ['x4'],
        columns: { x2: { type: 'categorical' } },
      },
      'drift.json',
    );
    const inline = analyzeTables(r, c, settings, context);
    const plain = analyzeTables(r, c, settings, context, 'full', 'deferred');
    expect(plain.multivariate).toBeUndefined();
    const input = multivariateInput(r, c, settings);
    expect(input.features.map((f) => [f.name, f.kind])).toEqual([
      ['x1', 'numerical'],
      ['x2', 'categorical'],
      ['x3', 'numerical'],
      ['c1', 'categorical'],
    ]);
    const deferred = withMultivariate(plain, runDetectors(input, settings.multivariate!));
    expect(JSON.stringify(deferred)).toBe(JSON.stringify(inline));
    // And the same as the detectors on the columns the per-column results typed.
    expect(deferred.multivariate).toEqual(
      analyzeMultivariate(
        r,
        c,
        multivariateColumns(plain.columns),
        settings.multivariate!,
        modelColumns(r, c, settings.performance),
      ),
    );
  });

  it('the two detectors run apart and joined give what they give together, notes in order', () => {
    // Oracle: runDetectors with both detectors on. The model-column note comes first (x5 is `prediction`),
    // then the reconstruction's note on x4, which has no reference value.
    const empty = (t: typeof ref, name: string) => ({
      ...t,
      columns: t.columns.map((c) =>
        c.name === 'x5'
          ? { ...c, name: 'prediction' }
          : c.name === 'x4' && c.storage === 'number' && name === 'ref.csv'
            ? { ...c, values: new Float64Array(t.rowCount).fill(Number.NaN) }
            : c,
      ),
    });
    const r = empty(ref, 'ref.csv');
    const c = empty(cur, 'cur.csv');
    const settings = parseSettings({ multivariate: { enabled: true } }, 'drift.json');
    const input = multivariateInput(r, c, settings);
    const mv = settings.multivariate!;
    const together = runDetectors(input, mv);
    expect(together.notes.length).toBeGreaterThanOrEqual(2);
    expect(together.notes[0]).toMatch(/^Model columns left out/);
    const joined = joinDetectorParts(
      input,
      runDetectors(input, onlyDetector(mv, 'domainClassifier')),
      runDetectors(input, onlyDetector(mv, 'reconstruction')),
    );
    expect(JSON.stringify(joined)).toBe(JSON.stringify(together));
    const none = { ...input, features: [] };
    expect(
      joinDetectorParts(
        none,
        runDetectors(none, onlyDetector(mv, 'domainClassifier')),
        runDetectors(none, onlyDetector(mv, 'reconstruction')),
      ),
    ).toEqual(runDetectors(none, mv));
  });

  it.each([
    [{ multivariate: { enabled: 'yes' } }, /multivariate.enabled must be true or false/],
    [
      { multivariate: { domainClassifier: { threshold: 1.5 } } },
      /domainClassifier.threshold must be in \(0, 1\)/,
    ],
    [{ multivariate: { reconstruction: { varianceShare: 0 } } }, /varianceShare must be in \(0, 1\)/],
    [{ multivariate: { reconstruction: { chunks: 3 } } }, /reconstruction: unknown key "chunks"/],
    [{ multivariate: { columns: 'x1' } }, /multivariate.columns must be a list/],
  ])('rejects %j naming the file', (value, message) => {
    expect(() => parseSettings(value, 'drift.json')).toThrow(message);
    expect(() => parseSettings(value, 'drift.json')).toThrow(/^drift.json: /);
  });
});
