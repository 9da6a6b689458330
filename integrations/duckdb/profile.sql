-- Driftscope streaming profile in DuckDB (docs/profiles.md): the aggregates of one profile of the rows of
-- __SOURCE__, as temporary tables that run-profile.mjs turns into the profile JSON. Each is a plain
-- GROUP BY, so the same query runs on one file, on a partitioned folder (read_parquet('dir/*.parquet'))
-- or on each partition apart, the partition profiles then merged by `driftscope profile --merge`.
--
-- Placeholders (run-profile.mjs fills them from DESCRIBE; by hand, replace them before running):
--   __SOURCE__          a table expression, e.g. read_parquet('data/part-*.parquet')
--   __ALPHA__           the sketches' relative accuracy α, e.g. 0.01
--   __NUMERIC_SELECT__  the numeric columns cast to DOUBLE: "age"::DOUBLE AS "age", "income"::DOUBLE AS "income"
--   __TEXT_SELECT__     the other columns cast to VARCHAR: "region"::VARCHAR AS "region"
-- (a profile with no numeric, or no text, column: replace its UNPIVOT by an empty SELECT, as the runner does).
--
-- The DDSketch bucket of x ≠ 0 is ceil(ln|x| / ln γ), γ = (1 + α)/(1 − α), computed in DOUBLE (α cast to
-- DOUBLE: a DECIMAL literal would change γ in its last bits and move values across bucket edges).

CREATE OR REPLACE TEMP TABLE ds_rows AS
  SELECT count(*)::BIGINT AS rows FROM __SOURCE__;

-- Finite numbers only: NULL, NaN and ±Infinity are missing, as in Driftscope (docs/statistics.md §1).
CREATE OR REPLACE TEMP TABLE ds_num AS
  SELECT col, x
  FROM (UNPIVOT (SELECT __NUMERIC_SELECT__ FROM __SOURCE__) ON COLUMNS(*) INTO NAME col VALUE x)
  WHERE isfinite(x);

CREATE OR REPLACE TEMP TABLE ds_numeric AS
  SELECT col,
         count(*)::BIGINT AS count,
         bool_and(x = trunc(x)) AS integers,
         min(x) AS min,
         max(x) AS max,
         sum(x) AS sum,
         sum(x * x) AS sum_squares,
         count(DISTINCT x)::BIGINT AS distinct_values,
         (count(*) FILTER (WHERE x = 0))::BIGINT AS zero_count
  FROM ds_num
  GROUP BY col;

-- Exact value counts of the columns with at most 1000 distinct values (EXACT_VALUES_MAX).
CREATE OR REPLACE TEMP TABLE ds_values AS
  SELECT col, x AS value, count(*)::BIGINT AS count
  FROM ds_num
  WHERE col IN (SELECT col FROM ds_numeric WHERE distinct_values <= 1000)
  GROUP BY col, x;

CREATE OR REPLACE TEMP TABLE ds_buckets AS
  SELECT col,
         x > 0 AS positive,
         ceil(ln(abs(x)) / ln((1 + __ALPHA__::DOUBLE) / (1 - __ALPHA__::DOUBLE)))::BIGINT AS bucket,
         count(*)::BIGINT AS count
  FROM ds_num
  WHERE x <> 0
  GROUP BY ALL;

-- Text cells: Driftscope's missing tokens (docs/statistics.md §1) are missing; labels as stored (the
-- profile reader writes numeric-looking labels in Driftscope's canonical form).
CREATE OR REPLACE TEMP TABLE ds_categories AS
  SELECT col, v AS label, count(*)::BIGINT AS count
  FROM (UNPIVOT (SELECT __TEXT_SELECT__ FROM __SOURCE__) ON COLUMNS(*) INTO NAME col VALUE v)
  WHERE lower(trim(v)) NOT IN ('', 'na', 'nan', 'null', 'none', 'n/a', '<na>')
  GROUP BY col, v;
