"""Driftscope streaming profile as a PySpark job (docs/profiles.md, docs/schema/profile-v1.schema.json).

The same aggregates as integrations/duckdb/profile.sql, per column: counts, missing values, every category's
count, min/max/sum/sum of squares, exact value counts up to 1,000 distinct values, and the DDSketch buckets
ceil(ln|x| / ln gamma), gamma = (1 + alpha)/(1 - alpha), as a GROUP BY. Run it once per partition and merge
with `driftscope profile --merge`, or once on the whole table.

NOT RUN HERE: the Driftscope repository's machines have no Spark; this job is untested (see README.md).

Usage: spark-submit profile_job.py --source 's3://lake/current/*.parquet' --out current.profile.json [--relative-accuracy 0.01]
"""

import argparse
import json
import math

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import NumericType

MISSING_TOKENS = ["", "na", "nan", "null", "none", "n/a", "<na>"]
EXACT_VALUES_MAX = 1000


def numeric_column(df, name, total, alpha):
    ln_gamma = math.log((1 + alpha) / (1 - alpha))
    x = F.col("x")
    d = df.select(F.col(name).cast("double").alias("x")).where(
        x.isNotNull() & ~F.isnan(x) & (F.abs(x) != float("inf"))
    )
    s = d.agg(
        F.count(x).alias("count"),
        F.min(x).alias("min"),
        F.max(x).alias("max"),
        F.sum(x).alias("sum"),
        F.sum(x * x).alias("sum_squares"),
        F.countDistinct(x).alias("distinct_values"),
        F.sum(F.when(x == 0, 1).otherwise(0)).alias("zero_count"),
        F.min(F.when(x == F.floor(x), True).otherwise(False)).alias("integers"),
    ).first()
    count = int(s["count"])
    buckets = (
        d.where(x != 0)
        .groupBy((x > 0).alias("positive"), F.ceil(F.log(F.abs(x)) / F.lit(ln_gamma)).alias("bucket"))
        .count()
        .collect()
    )
    side = lambda positive: sorted(
        [int(r["bucket"]), int(r["count"])] for r in buckets if bool(r["positive"]) == positive
    )
    values = None
    if count == 0 or int(s["distinct_values"]) <= EXACT_VALUES_MAX:
        values = sorted([float(r["x"]), int(r["count"])] for r in d.groupBy(x).count().collect())
    return {
        "name": name,
        "kind": "numeric",
        "count": count,
        "missing": total - count,
        "invalid": 0,
        "integers": True if count == 0 else bool(s["integers"]),
        "min": None if count == 0 else float(s["min"]),
        "max": None if count == 0 else float(s["max"]),
        "sum": 0.0 if count == 0 else float(s["sum"]),
        "sumSquares": 0.0 if count == 0 else float(s["sum_squares"]),
        "values": values,
        "sketch": {
            "relativeAccuracy": alpha,
            "zeroCount": int(s["zero_count"] or 0),
            "positive": side(True),
            "negative": side(False),
        },
    }


def categorical_column(df, name, total):
    v = F.col("v")
    rows = (
        df.select(F.col(name).cast("string").alias("v"))
        .where(v.isNotNull() & ~F.lower(F.trim(v)).isin(MISSING_TOKENS))
        .groupBy(v)
        .count()
        .collect()
    )
    categories = sorted([r["v"], int(r["count"])] for r in rows)
    count = sum(c for _, c in categories)
    return {"name": name, "kind": "categorical", "count": count, "missing": total - count, "categories": categories}


def profile(df, alpha, sources):
    total = df.count()
    columns = [
        numeric_column(df, f.name, total, alpha)
        if isinstance(f.dataType, NumericType)
        else categorical_column(df, f.name, total)
        for f in df.schema.fields
    ]
    return {
        "format": "driftscope-profile",
        "version": 1,
        "relativeAccuracy": alpha,
        "rows": total,
        "sources": sources,
        "columns": columns,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True, help="a Parquet path or glob")
    parser.add_argument("--out", required=True)
    parser.add_argument("--relative-accuracy", type=float, default=0.01)
    args = parser.parse_args()
    spark = SparkSession.builder.appName("driftscope-profile").getOrCreate()
    df = spark.read.parquet(args.source)
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(profile(df, args.relative_accuracy, [args.source]), out)
        out.write("\n")


if __name__ == "__main__":
    main()
