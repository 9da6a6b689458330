#!/usr/bin/env node
/**
 * Runs profile.sql in DuckDB (@duckdb/node-api) on a Parquet file or a partitioned folder and writes the
 * Driftscope profile JSON (docs/profiles.md, docs/schema/profile-v1.schema.json). Only the placeholders of
 * profile.sql are filled here (from DESCRIBE); every number comes from the SQL.
 *
 * Usage: node integrations/duckdb/run-profile.mjs --source 'data/*.parquet' --out profile.json [--relative-accuracy 0.01]
 *        (--source is a path or glob given to read_parquet; run it once per partition and combine the
 *        profiles with `driftscope profile --merge`, or once on the glob)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL\(\d+,\s*\d+\))$/;
const quote = (name) => `"${name.replaceAll('"', '""')}"`;
const literal = (s) => `'${s.replaceAll("'", "''")}'`;

/** The profile.sql statements with the placeholders filled. */
export function profileStatements(source, columns, alpha) {
  const numeric = columns.filter((c) => c.numeric).map((c) => `${quote(c.name)}::DOUBLE AS ${quote(c.name)}`);
  const text = columns.filter((c) => !c.numeric).map((c) => `${quote(c.name)}::VARCHAR AS ${quote(c.name)}`);
  let sql = readFileSync(path.join(HERE, 'profile.sql'), 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  const empty = (kind) => `(SELECT NULL::${kind} AS x, NULL::VARCHAR AS col WHERE false)`;
  if (numeric.length === 0)
    sql = sql.replace(
      /\(UNPIVOT \(SELECT __NUMERIC_SELECT__[^)]*\)[^)]*\)/,
      `(SELECT col, x FROM ${empty('DOUBLE')})`,
    );
  if (text.length === 0)
    sql = sql.replace(
      /\(UNPIVOT \(SELECT __TEXT_SELECT__[^)]*\)[^)]*\)/,
      `(SELECT col, x AS v FROM ${empty('VARCHAR')})`,
    );
  sql = sql
    .replaceAll('__SOURCE__', source)
    .replaceAll('__ALPHA__', String(alpha))
    .replaceAll('__NUMERIC_SELECT__', numeric.join(', '))
    .replaceAll('__TEXT_SELECT__', text.join(', '));
  return sql
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

async function rows(connection, sql) {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjects();
}

const num = (v) => (v === null ? null : Number(v));

/**
 * The profile of the rows of `source` (a table expression such as read_parquet('dir/*.parquet')).
 * @param connection a DuckDBConnection
 */
export async function duckdbProfile(
  connection,
  source,
  { relativeAccuracy = 0.01, sources = [source] } = {},
) {
  const described = await rows(connection, `DESCRIBE SELECT * FROM ${source}`);
  const columns = described.map((r) => ({
    name: String(r.column_name),
    numeric: NUMERIC.test(String(r.column_type)),
  }));
  for (const statement of profileStatements(source, columns, relativeAccuracy))
    await connection.run(statement);
  const total = Number((await rows(connection, 'SELECT rows FROM ds_rows'))[0].rows);
  const stats = new Map((await rows(connection, 'SELECT * FROM ds_numeric')).map((r) => [String(r.col), r]));
  const group = async (sql) => {
    const out = new Map();
    for (const r of await rows(connection, sql)) {
      const key = String(r.col);
      if (!out.has(key)) out.set(key, []);
      out.get(key).push(r);
    }
    return out;
  };
  const values = await group('SELECT col, value, count FROM ds_values ORDER BY col, value');
  const buckets = await group('SELECT col, positive, bucket, count FROM ds_buckets ORDER BY col, bucket');
  const categories = await group('SELECT col, label, count FROM ds_categories ORDER BY col, label');
  return {
    format: 'driftscope-profile',
    version: 1,
    relativeAccuracy,
    rows: total,
    sources,
    columns: columns.map(({ name, numeric }) => {
      if (!numeric) {
        const cats = (categories.get(name) ?? []).map((r) => [String(r.label), Number(r.count)]);
        const count = cats.reduce((a, [, c]) => a + c, 0);
        return { name, kind: 'categorical', count, missing: total - count, categories: cats };
      }
      const s = stats.get(name);
      const count = s ? Number(s.count) : 0;
      const b = buckets.get(name) ?? [];
      const side = (positive) =>
        b.filter((r) => r.positive === positive).map((r) => [Number(r.bucket), Number(r.count)]);
      return {
        name,
        kind: 'numeric',
        count,
        missing: total - count,
        invalid: 0,
        integers: s ? Boolean(s.integers) : true,
        min: s ? num(s.min) : null,
        max: s ? num(s.max) : null,
        sum: s ? Number(s.sum) : 0,
        sumSquares: s ? Number(s.sum_squares) : 0,
        values:
          !s || Number(s.distinct_values) <= 1000
            ? (values.get(name) ?? []).map((r) => [Number(r.value), Number(r.count)])
            : null,
        sketch: {
          relativeAccuracy,
          zeroCount: s ? Number(s.zero_count) : 0,
          positive: side(true),
          negative: side(false),
        },
      };
    }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { source: { type: 'string' }, out: { type: 'string' }, 'relative-accuracy': { type: 'string' } },
  });
  if (!values.source || !values.out) {
    process.stderr.write(
      'Usage: node integrations/duckdb/run-profile.mjs --source PATH_OR_GLOB --out profile.json\n',
    );
    process.exit(2);
  }
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  const profile = await duckdbProfile(connection, `read_parquet(${literal(values.source)})`, {
    relativeAccuracy: Number(values['relative-accuracy'] ?? 0.01),
    sources: [values.source],
  });
  writeFileSync(values.out, `${JSON.stringify(profile)}\n`);
  process.stderr.write(`Wrote ${values.out}: ${profile.rows} rows, ${profile.columns.length} columns\n`);
}
