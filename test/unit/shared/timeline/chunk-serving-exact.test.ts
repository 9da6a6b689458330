// @vitest-environment node
/**
 * A chunk's CBPE estimate (with its sampling error, realised metrics, baseline and labelled share) and its
 * serving health (latency p50/p95/p99, error rate, requests) are exactly those of the plain two-file analysis
 * of the reference against that chunk alone (Object.is), the rule of exact-equality.test.ts. Oracle: the shadow
 * fixture (test/fixtures/shadow/binary_current.csv, from gen_shadow_fixtures.py) cut by hand into 3 files of
 * 500 rows, each loaded by the real loader and analysed by analyzeTables against the reference.
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
import { CBPE_METRICS } from '../../../../shared/performance/cbpe-types';
import { analyzeTimeline, chunkSettings } from '../../../../shared/timeline/analyze-timeline';
import type { Chunking } from '../../../../shared/timeline/types';

const SHADOW = fileURLToPath(new URL('../../../fixtures/shadow/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CONTEXT = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };
const tmp = mkdtempSync(path.join(tmpdir(), 'driftscope-chunk-serving-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('per-chunk estimate and serving equal the two-file analysis of each hand-cut chunk', () => {
  it('size:500 on the binary shadow fixture', async () => {
    const ref = await loadCsv(path.join(SHADOW, 'binary_reference.csv'));
    const cur = await loadCsv(path.join(SHADOW, 'binary_current.csv'));
    const chunking: Chunking = { kind: 'size', size: 500 };
    const t = analyzeTimeline(ref, cur, DEFAULT_SETTINGS, CONTEXT, { chunking });
    const [header, ...rows] = readFileSync(path.join(SHADOW, 'binary_current.csv'), 'utf8')
      .split('\n')
      .filter((l) => l.length > 0);
    const chunks = t.chunks.filter((c) => c.period === 'analysis');
    expect(chunks.length).toBe(3);
    for (const [g, chunk] of chunks.entries()) {
      const file = path.join(tmp, `chunk-${g}.csv`);
      writeFileSync(file, `${[header, ...rows.slice(g * 500, g * 500 + 500)].join('\n')}\n`);
      const r = analyzeTables(ref, await loadCsv(file), chunkSettings(DEFAULT_SETTINGS, chunking), CONTEXT);
      const e = r.performance!.estimated!;
      const ce = chunk.performance!.estimated!;
      for (const m of CBPE_METRICS) {
        expect(Object.is(ce.metrics[m], e.metrics[m]), `${chunk.label} ${m}`).toBe(true);
        expect(Object.is(ce.samplingError[m], e.samplingError[m])).toBe(true);
        expect(Object.is(ce.realised.metrics[m], e.realised.metrics[m])).toBe(true);
        expect(Object.is(ce.realised.samplingError[m], e.realised.samplingError[m])).toBe(true);
        expect(Object.is(ce.reference[m], e.reference[m])).toBe(true);
      }
      expect(ce.metrics.accuracy).not.toBeNull();
      expect(Object.is(ce.labelledShare, e.labelledShare)).toBe(true);
      const s = chunk.serving!;
      const l = r.serving!.latency!.current!;
      for (const k of ['p50', 'p95', 'p99', 'mean'] as const)
        expect(Object.is(s.latency![k], l[k])).toBe(true);
      expect(s.latency!.unit).toBe('ms');
      expect(Object.is(s.errorRate, r.serving!.errorRate!.current)).toBe(true);
      expect(s.requests).toBe(500);
    }
    // binary_current.csv: 903 of 1,500 rows carry a target; the chunks' labelled shares add up to it.
    const labelled = chunks.reduce((a, c) => a + c.performance!.estimated!.labelledShare * c.rows, 0);
    expect(Math.round(labelled)).toBe(903);
    // The chunk fields validate against the report schema.
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'docs/schema/report-v1.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    const result = analyzeTables(ref, cur, DEFAULT_SETTINGS, CONTEXT);
    const ok = validate(JSON.parse(JSON.stringify({ ...result, timeline: t })));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
