// @vitest-environment node
/**
 * A chunk's multivariate reconstruction error (shared/timeline/chunk-multivariate.ts) is exactly that of the
 * two-file analysis of the reference against that chunk alone (Object.is), the rule of exact-equality.test.ts,
 * although the timeline fits the reference pipeline once. Oracle: test/fixtures/multivariate/recon-current.csv
 * (gen_multivariate_fixtures.py) cut by hand into 3 files of 100 rows, each loaded by the real loader and
 * analysed by analyzeTables with the detectors on; and recon.json "currentRows50to149"-style row ranges are
 * checked against scikit-learn elsewhere (reconstruction.test.ts). The timeline validates against the schema.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCsv } from '../../../../electron/engine/load-csv';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import { DEFAULT_MULTIVARIATE } from '../../../../shared/multivariate/analyze-multivariate';
import { analyzeTimeline } from '../../../../shared/timeline/analyze-timeline';

const DIR = fileURLToPath(new URL('../../../fixtures/multivariate/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CONTEXT = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };
const tmp = mkdtempSync(path.join(tmpdir(), 'driftscope-chunk-mv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const settings = {
  ...DEFAULT_SETTINGS,
  multivariate: {
    ...DEFAULT_MULTIVARIATE,
    enabled: true,
    domainClassifier: { ...DEFAULT_MULTIVARIATE.domainClassifier, enabled: false },
  },
};

describe('per-chunk reconstruction error equals the two-file analysis of each hand-cut chunk', () => {
  it('size:100 on the recon fixture', async () => {
    const ref = await loadCsv(path.join(DIR, 'recon-reference.csv'));
    const cur = await loadCsv(path.join(DIR, 'recon-current.csv'));
    const t = analyzeTimeline(ref, cur, settings, CONTEXT, { chunking: { kind: 'size', size: 100 } });
    const [header, ...rows] = readFileSync(path.join(DIR, 'recon-current.csv'), 'utf8')
      .split('\n')
      .filter((l) => l.length > 0);
    expect(t.chunks.length).toBe(3);
    let drifted = 0;
    for (const [g, chunk] of t.chunks.entries()) {
      const file = path.join(tmp, `chunk-${g}.csv`);
      writeFileSync(file, `${[header, ...rows.slice(g * 100, g * 100 + 100)].join('\n')}\n`);
      const want = analyzeTables(ref, await loadCsv(file), settings, CONTEXT).multivariate!.reconstruction!;
      const got = chunk.multivariate!.reconstruction!;
      expect(Object.is(got.error, want.current), `${chunk.label} error`).toBe(true);
      expect(Object.is(got.upper, want.threshold)).toBe(true);
      expect(Object.is(got.lower, want.lowerThreshold)).toBe(true);
      expect(got.driftDetected).toBe(want.driftDetected);
      if (got.driftDetected) drifted++;
    }
    // The flipped correlation runs through the whole current file: the whole comparison drifts (error 1.81
    // outside 1.12–1.51, recon.json "all".current.mean = 1.8102 by scikit-learn), and so does some chunk.
    expect(drifted).toBeGreaterThan(0);
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'docs/schema/report-v1.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    const result = analyzeTables(ref, cur, settings, CONTEXT);
    validate(JSON.parse(JSON.stringify({ ...result, timeline: t })));
    expect(validate.errors ?? []).toEqual([]);
  });

  // chunkRows 60 below the chunks' 100 rows (the seeded sample is taken) and 1,000 above them (all rows).
  for (const chunkRows of [60, 1_000])
    it(`the domain classifier per chunk, chunkRows ${chunkRows}`, async () => {
      const ref = await loadCsv(path.join(DIR, 'recon-reference.csv'));
      const cur = await loadCsv(path.join(DIR, 'recon-current.csv'));
      const withClassifier = {
        ...DEFAULT_SETTINGS,
        multivariate: {
          ...DEFAULT_MULTIVARIATE,
          enabled: true,
          domainClassifier: { ...DEFAULT_MULTIVARIATE.domainClassifier, chunkRows },
        },
      };
      // The oracle: the two-file analysis of the reference against the chunk alone, whose cap is maxRows.
      const alone = {
        ...withClassifier,
        multivariate: {
          ...withClassifier.multivariate,
          domainClassifier: { ...withClassifier.multivariate.domainClassifier, maxRows: chunkRows },
        },
      };
      const t = analyzeTimeline(ref, cur, withClassifier, CONTEXT, { chunking: { kind: 'size', size: 100 } });
      const [header, ...rows] = readFileSync(path.join(DIR, 'recon-current.csv'), 'utf8')
        .split('\n')
        .filter((l) => l.length > 0);
      for (const [g, chunk] of t.chunks.entries()) {
        const file = path.join(tmp, `dc-${chunkRows}-${g}.csv`);
        writeFileSync(file, `${[header, ...rows.slice(g * 100, g * 100 + 100)].join('\n')}\n`);
        // equals analyzeTables(reference, chunk alone) with maxRows = chunkRows, same seed and folds
        const want = analyzeTables(ref, await loadCsv(file), alone, CONTEXT).multivariate!.domainClassifier!;
        const got = chunk.multivariate!.domainClassifier!;
        expect(got).toEqual({
          auc: want.auc,
          aucLow: want.aucLow,
          aucHigh: want.aucHigh,
          threshold: want.threshold,
          driftDetected: want.driftDetected,
          rows: want.rows,
          importance: want.importance.slice(0, 5),
        });
        expect(Object.is(got.auc, want.auc)).toBe(true);
        expect(got.rows).toBe(Math.min(chunkRows, 100));
      }
      const schema = JSON.parse(readFileSync(path.join(ROOT, 'docs/schema/report-v1.schema.json'), 'utf8'));
      const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
      validate(
        JSON.parse(JSON.stringify({ ...analyzeTables(ref, cur, withClassifier, CONTEXT), timeline: t })),
      );
      expect(validate.errors ?? []).toEqual([]);
    });

  it('a chunk too small for the classifier has null and a note', async () => {
    const ref = await loadCsv(path.join(DIR, 'recon-reference.csv'));
    const cur = await loadCsv(path.join(DIR, 'recon-current.csv'));
    const s = { ...DEFAULT_SETTINGS, multivariate: { ...DEFAULT_MULTIVARIATE, enabled: true } };
    // size 297 leaves a last chunk of 3 rows, fewer than 2 × 5 folds (domainClassifier returns null).
    const t = analyzeTimeline(ref, cur, s, CONTEXT, { chunking: { kind: 'size', size: 297 } });
    const last = t.chunks[t.chunks.length - 1];
    expect(last.rows).toBe(3);
    expect(last.multivariate!.domainClassifier).toBeNull();
    expect(last.notes.some((n) => n.startsWith('Domain classifier: too few rows'))).toBe(true);
    expect(t.chunks[0].multivariate!.domainClassifier).not.toBeNull();
  });

  it('no chunk carries it when the detectors are off', async () => {
    const ref = await loadCsv(path.join(DIR, 'recon-reference.csv'));
    const cur = await loadCsv(path.join(DIR, 'recon-current.csv'));
    const t = analyzeTimeline(ref, cur, DEFAULT_SETTINGS, CONTEXT, { chunking: { kind: 'size', size: 100 } });
    expect(t.chunks.every((c) => c.multivariate === undefined)).toBe(true);
  });
});
