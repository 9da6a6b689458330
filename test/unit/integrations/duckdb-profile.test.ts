// @vitest-environment node
// integrations/duckdb/profile.sql, run through @duckdb/node-api on a partitioned Parquet folder this test
// writes (DuckDB's COPY ... (FORMAT parquet), as test/fixtures/parquet/gen_parquet_fixtures.mjs does):
// the partition profiles, merged, equal Driftscope's own profile of the same Parquet files (read by its
// loader), and so does the profile of the whole folder (read_parquet('dir/*.parquet')); the analysis of
// two such profiles equals the analysis of Driftscope's own profiles.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadTable } from '../../../electron/engine/load-table';
// @ts-expect-error: a plain JavaScript module without types
import { duckdbProfile } from '../../../integrations/duckdb/run-profile.mjs';
import { DEFAULT_SETTINGS } from '../../../shared/drift/settings';
import { analyzeProfiles } from '../../../shared/profile/analyze-profiles';
import { mergeProfiles, profileTable } from '../../../shared/profile/build-profile';
import { parseProfile } from '../../../shared/profile/parse-profile';
import type { Profile } from '../../../shared/profile/types';

const root = path.resolve(__dirname, '../../..');
const work = mkdtempSync(path.join(tmpdir(), 'ds-duckdb-profile-'));
const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Rows of one role: deterministic from hash(i) (DuckDB's), with NULLs, NaN, zeros, negatives, 'NA'. */
function rowsSql(role: 'reference' | 'current', from: number, to: number): string {
  const shift = role === 'current' ? 0.3 : 0;
  return `SELECT
      CASE WHEN i % 17 = 0 THEN NULL ELSE sqrt(-2 * ln(u1)) * cos(2 * pi() * u2) * 10 + 50 + ${shift * 10} END AS x,
      CASE WHEN i % 23 = 0 THEN 'NaN'::DOUBLE WHEN i % 7 = 0 THEN 0 ELSE (u1 - 0.5 + ${shift}) * 1000 END AS neg,
      (i % ${role === 'current' ? 9 : 8})::INTEGER AS k,
      (floor(u2 * 40))::BIGINT AS small,
      CASE WHEN i % 13 = 0 THEN NULL WHEN i % 29 = 0 THEN 'NA'
           ELSE ['red', 'green', 'blue', 'grey'][1 + floor(u1 * ${role === 'current' ? 4 : 3})::INTEGER] END AS color,
      (u2 < ${0.5 + shift / 3}) AS flag,
      ['1', '1.0', '2', 'x'][1 + (i % 4)::INTEGER] AS code
    FROM (SELECT i, ((hash(i * 2 + ${role === 'current' ? 1 : 0}) % 1000000) + 0.5) / 1000000.0 AS u1,
                 ((hash(i * 3 + 7) % 1000000) + 0.5) / 1000000.0 AS u2
          FROM range(${from}, ${to}) t(i))`;
}

async function writePartitions(
  sql: Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>['connect']>>,
  role: 'reference' | 'current',
) {
  const dir = path.join(work, role);
  mkdirSync(dir, { recursive: true });
  const bounds = [0, 1500, 2600, 4000];
  for (let p = 0; p < 3; p++)
    await sql.run(
      `COPY (${rowsSql(role, bounds[p], bounds[p + 1])}) TO ${q(path.join(dir, `part-${p}.parquet`))} (FORMAT parquet, COMPRESSION snappy)`,
    );
  return dir;
}

function merge(profiles: Profile[]): Profile {
  return profiles.reduce((a, b) => mergeProfiles(a, b));
}

/** The profile without its float sums (which depend on the order of addition) and its sources. */
function exactPart(p: Profile) {
  return p.columns.map((c) => (c.kind === 'numeric' ? { ...c, sum: 0, sumSquares: 0 } : c));
}

const db = await DuckDBInstance.create(':memory:');
const sql = await db.connect();
const dirs = {
  reference: await writePartitions(sql, 'reference'),
  current: await writePartitions(sql, 'current'),
};
const files = (role: 'reference' | 'current') =>
  readdirSync(dirs[role])
    .sort()
    .map((f) => path.join(dirs[role], f));

async function fromDuckdb(role: 'reference' | 'current'): Promise<Profile> {
  const parts: Profile[] = [];
  for (const file of files(role))
    parts.push(
      parseProfile(await duckdbProfile(sql, `read_parquet(${q(file)})`, { sources: [path.basename(file)] })),
    );
  return merge(parts);
}
async function own(role: 'reference' | 'current'): Promise<Profile> {
  const parts: Profile[] = [];
  for (const file of files(role)) parts.push(profileTable(await loadTable(file)));
  return merge(parts);
}

describe('integrations/duckdb/profile.sql', () => {
  it('writes profiles that match the schema', async () => {
    const raw = await duckdbProfile(sql, `read_parquet(${q(files('reference')[0])})`);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(
      JSON.parse(readFileSync(path.join(root, 'docs/schema/profile-v1.schema.json'), 'utf8')),
    );
    expect(validate(raw), JSON.stringify(validate.errors)).toBe(true);
  });

  it("merged partition profiles equal Driftscope's own profile of the same files (oracle: Driftscope's own profile)", async () => {
    for (const role of ['reference', 'current'] as const) {
      const d = await fromDuckdb(role);
      const o = await own(role);
      expect(d.rows).toBe(o.rows);
      expect(exactPart(d)).toEqual(exactPart(o));
      d.columns.forEach((c, i) => {
        const oc = o.columns[i];
        if (c.kind === 'numeric' && oc.kind === 'numeric') {
          expect(c.sum).toBeCloseTo(oc.sum, 6);
          expect(c.sumSquares / oc.sumSquares).toBeCloseTo(1, 12);
        }
      });
      // One query on the whole folder gives the same profile as the merge of its partitions.
      const whole = parseProfile(
        await duckdbProfile(sql, `read_parquet(${q(path.join(dirs[role], '*.parquet'))})`),
      );
      expect(exactPart(whole)).toEqual(exactPart(d));
    }
  });

  it("the report of the DuckDB profiles equals the report of Driftscope's own profiles", async () => {
    const ctx = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };
    const fromSql = analyzeProfiles(
      await fromDuckdb('reference'),
      await fromDuckdb('current'),
      DEFAULT_SETTINGS,
      ctx,
    );
    const fromOwn = analyzeProfiles(await own('reference'), await own('current'), DEFAULT_SETTINGS, ctx);
    const noMoments = (r: typeof fromSql) =>
      r.columns.map((c) => ({
        ...c,
        reference: { ...c.reference, mean: null, std: null },
        current: { ...c.current, mean: null, std: null },
        approximation: c.approximation && { ...c.approximation, scoreBound: null },
      }));
    expect(noMoments(fromSql)).toEqual(noMoments(fromOwn));
    expect(fromSql.dataset).toEqual(fromOwn.dataset);
    fromSql.columns.forEach((c, i) => {
      const o = fromOwn.columns[i];
      if (c.reference.mean !== null) expect(c.reference.mean).toBeCloseTo(o.reference.mean ?? Number.NaN, 9);
      if (c.current.std !== null) expect(c.current.std).toBeCloseTo(o.current.std ?? Number.NaN, 6);
    });
    // The data exercise every kind of column: sketch-tested, exact numeric, categorical.
    expect(fromSql.columns.map((c) => [c.name, c.type, c.test])).toEqual([
      ['x', 'numerical', 'wasserstein'],
      ['neg', 'numerical', 'wasserstein'],
      ['k', 'categorical', 'jensenshannon'],
      ['small', 'numerical', 'wasserstein'],
      ['color', 'categorical', 'jensenshannon'],
      ['flag', 'categorical', 'jensenshannon'],
      ['code', 'categorical', 'jensenshannon'],
    ]);
  });
});
