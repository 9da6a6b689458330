import { describe, expect, it } from 'vitest';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import { analyzeProfiles } from '../../../../shared/profile/analyze-profiles';
import {
  mergeProfiles,
  ProfileBuilder,
  ProfileMergeError,
  profileTable,
} from '../../../../shared/profile/build-profile';
import { bucketIndex, bucketValue, gammaOf } from '../../../../shared/profile/ddsketch';
import { ProfileFormatError, parseProfile } from '../../../../shared/profile/parse-profile';
import type { ColumnarTable } from '../../../../shared/table/columnar';
import { textTable } from '../../../helpers/text-table';

const table = (fileName: string, columns: Record<string, string[]>): ColumnarTable =>
  textTable(fileName, columns);

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function data(name: string, n: number, seed: number, shift: number): ColumnarTable {
  const r = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const rows = Array.from({ length: n }, () => ({
    x: (50 + 10 * normal() + shift).toFixed(4),
    neg: (normal() * 3 + shift).toFixed(3),
    small: String(Math.floor(r() * 30)),
    color: ['red', 'green', 'blue', 'grey'][Math.floor(r() * (shift > 0 ? 4 : 3))],
    sparse: r() < 0.1 ? '' : String(r()),
  }));
  const col = (k: keyof (typeof rows)[number]) => rows.map((row) => row[k]);
  return table(name, {
    x: col('x'),
    neg: col('neg'),
    small: col('small'),
    color: col('color'),
    sparse: col('sparse'),
  });
}

const ctx = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };

describe('DDSketch mapping', () => {
  it('maps x to ⌈ln x / ln γ⌉ and the representative is within relative α (oracle: the DDSketch definition)', () => {
    const alpha = 0.01;
    const gamma = gammaOf(alpha);
    const ln = Math.log(gamma);
    expect(bucketIndex(1, ln)).toBe(0);
    for (const x of [1e-9, 0.003, 0.5, 1.5, 7, 123.456, 9.9e12, -42]) {
      const i = bucketIndex(x, ln);
      expect(gamma ** (i - 1)).toBeLessThan(Math.abs(x) * (1 + 1e-12));
      expect(Math.abs(x)).toBeLessThanOrEqual(gamma ** i * (1 + 1e-12));
      expect(Math.abs(bucketValue(i, gamma) - Math.abs(x)) / Math.abs(x)).toBeLessThanOrEqual(alpha + 1e-12);
    }
  });
});

describe('profiles', () => {
  const ref = data('ref.csv', 3000, 1, 0);
  const cur = data('cur.csv', 2500, 2, 1);

  it('counts, missing values, min/max and categories (oracle: counted from the same rows)', () => {
    const p = profileTable(ref);
    expect(p.format).toBe('driftscope-profile');
    expect(p.rows).toBe(3000);
    const color = p.columns.find((c) => c.name === 'color');
    expect(color?.kind).toBe('categorical');
    if (color?.kind === 'categorical')
      expect(color.categories.map(([l]) => l)).toEqual(['blue', 'green', 'red']);
    const sparse = p.columns.find((c) => c.name === 'sparse');
    if (sparse?.kind !== 'numeric') throw new Error('sparse should be numeric');
    const cells = ref.columns.find((c) => c.name === 'sparse');
    const values = cells?.storage === 'number' ? [...cells.values] : [];
    expect(sparse.missing).toBe(values.filter(Number.isNaN).length);
    expect(sparse.count + sparse.missing).toBe(3000);
    expect(sparse.min).toBe(Math.min(...values.filter((v) => !Number.isNaN(v))));
  });

  it("merging the profiles of two halves gives the profile of the whole (oracle: Driftscope's own profile of the same rows)", () => {
    const whole = data('ref.csv', 3000, 1, 0);
    const sliceTable = (t: ColumnarTable, from: number, to: number): ColumnarTable => ({
      ...t,
      rowCount: to - from,
      columns: t.columns.map((c) =>
        c.storage === 'number'
          ? { ...c, values: c.values.slice(from, to), sorted: undefined, invalidCount: 0, firstInvalid: null }
          : { ...c, codes: c.codes.slice(from, to) },
      ),
    });
    const builder = new ProfileBuilder();
    builder.add(sliceTable(whole, 0, 1000));
    builder.add(sliceTable(whole, 1000, 3000));
    const merged = builder.finish();
    const direct = profileTable(whole);
    expect(merged.rows).toBe(direct.rows);
    for (let i = 0; i < direct.columns.length; i++) {
      const a = merged.columns[i];
      const b = direct.columns[i];
      if (a.kind === 'numeric' && b.kind === 'numeric') {
        expect({ ...a, sum: 0, sumSquares: 0 }).toEqual({ ...b, sum: 0, sumSquares: 0 });
        expect(a.sum).toBeCloseTo(b.sum, 6);
      } else expect(a).toEqual(b);
    }
  });

  it('refuses to merge different columns or accuracies, saying what differs', () => {
    const a = profileTable(ref);
    const b = profileTable(table('other.csv', { y: ['1', '2'] }));
    expect(() => mergeProfiles(a, b)).toThrow(ProfileMergeError);
    expect(() => mergeProfiles(a, b)).toThrow(/different columns/);
    expect(() => mergeProfiles(a, profileTable(ref, 0.02))).toThrow(/relative accuracies \(0.01 and 0.02\)/);
  });

  it('round-trips through JSON and names the JSON path of a bad field', () => {
    const p = profileTable(ref);
    expect(parseProfile(JSON.parse(JSON.stringify(p)))).toEqual(p);
    const bad = JSON.parse(JSON.stringify(p));
    bad.columns[2].count = -1;
    expect(() => parseProfile(bad)).toThrow(ProfileFormatError);
    expect(() => parseProfile(bad)).toThrow(/^\$\.columns\[2\]\.count: must be a count/);
    expect(() => parseProfile({ ...p, version: 2 })).toThrow(/^\$\.version/);
  });

  it('categorical and low-cardinality tests equal the exact analysis; sketch tests are within their bound', () => {
    const exact = analyzeTables(ref, cur, DEFAULT_SETTINGS, ctx);
    const fromProfiles = analyzeProfiles(profileTable(ref), profileTable(cur), DEFAULT_SETTINGS, ctx);
    for (const e of exact.columns) {
      const a = fromProfiles.columns.find((c) => c.name === e.name);
      expect(a?.test, e.name).toBe(e.test);
      expect(a?.type, e.name).toBe(e.type);
      if (e.name === 'color' || e.name === 'small') {
        // Oracle: equals the exact analysis (the profile keeps every count).
        expect(a?.score).toBeCloseTo(e.score ?? Number.NaN, 12);
        expect(a?.approximation).toBeUndefined();
      } else {
        // Oracle: equals the exact analysis within the documented bound.
        expect(a?.approximation?.method).toBe('ddsketch');
        const bound = a?.approximation?.scoreBound ?? 0;
        expect(bound).toBeGreaterThan(0);
        expect(Math.abs((a?.score ?? 0) - (e.score ?? 0))).toBeLessThanOrEqual(bound);
      }
      expect(a?.driftDetected, e.name).toBe(e.driftDetected);
    }
    expect(fromProfiles.dataset).toEqual(exact.dataset);
  });

  it('ks from the bucket CDFs is within its bound of the exact D (oracle: the exact analysis)', () => {
    const settings = { ...DEFAULT_SETTINGS, test: 'ks' as const };
    const exact = analyzeTables(ref, cur, settings, ctx).columns.find((c) => c.name === 'x');
    const approx = analyzeProfiles(profileTable(ref), profileTable(cur), settings, ctx).columns.find(
      (c) => c.name === 'x',
    );
    const bound = approx?.approximation?.statisticBound ?? 0;
    expect(bound).toBeGreaterThan(0);
    // Oracle: the exact analysis; the profile's D is at most the bound below it, never above.
    expect((exact?.statistic ?? 0) - (approx?.statistic ?? 0)).toBeGreaterThanOrEqual(-1e-12);
    expect((exact?.statistic ?? 0) - (approx?.statistic ?? 0)).toBeLessThanOrEqual(bound);
  });

  it('hellinger on exact value counts bins on the distinct values, as the table (oracle: the exact analysis)', () => {
    const few = (name: string, n: number, shift: number) =>
      table(name, {
        a: Array.from({ length: n }, (_, i) => String(((i * 7919) % 40) / 4 + shift)),
        b: Array.from({ length: n }, (_, i) => String(((i * 7919) % 15) / 2 + shift)),
      });
    const r = few('ref.csv', 3000, 0);
    const c = few('cur.csv', 2500, 0.5);
    const settings = { ...DEFAULT_SETTINGS, test: 'hellinger' as const };
    const exact = analyzeTables(r, c, settings, ctx);
    const approx = analyzeProfiles(profileTable(r), profileTable(c), settings, ctx);
    for (const e of exact.columns) {
      const a = approx.columns.find((x) => x.name === e.name);
      expect(a?.approximation, e.name).toBeUndefined();
      expect(a?.score, e.name).toBeCloseTo(e.score ?? Number.NaN, 12);
    }
  });

  it('a test a profile cannot give says so in the note, with no score', () => {
    const settings = { ...DEFAULT_SETTINGS, test: 'anderson' as const };
    const x = analyzeProfiles(profileTable(ref), profileTable(cur), settings, ctx).columns.find(
      (c) => c.name === 'x',
    );
    expect(x?.score).toBeNull();
    expect(x?.note).toMatch(/cannot be computed from a profile/);
  });
});
