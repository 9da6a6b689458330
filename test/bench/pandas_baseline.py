#!/usr/bin/python3
"""The "notebook" baseline for the benchmark: what a data scientist would write with pandas + SciPy.

Reads both CSVs with pandas, picks a drift test per column by Evidently's rule (the project's
statistics conventions, statistics.md sections 2-4), computes the verdicts and prints them with wall time and peak RSS
(resource.getrusage). Run with Debian's Python, which has pandas and SciPy installed:

    /usr/bin/python3 test/bench/pandas_baseline.py --reference R.csv --current C.csv [--json OUT.json]

Rule (n_ref = non-missing reference values, n_unique = distinct values of reference and current):
  numerical, n_unique > 5:            ks (p <= 0.05) if n_ref <= 1000, else wasserstein / std_ref (>= 0.1)
  categorical, or numerical n_unique <= 5:
      n_unique > 2: chisquare (p < 0.05) if n_ref <= 1000, else jensenshannon (>= 0.1)
      n_unique <= 2: z (p < 0.05) if n_ref <= 1000, else jensenshannon (>= 0.1)
Integer-valued numeric columns with at most 10 distinct reference values count as categorical; strings
with more distinct values than half their count are text and not tested here.
"""
import argparse
import json
import math
import resource
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial import distance

SMALL_N = 1000


def column_type(ref: pd.Series) -> str:
    values = ref.dropna()
    if pd.api.types.is_bool_dtype(ref):
        return "categorical"
    if pd.api.types.is_numeric_dtype(ref):
        integers = len(values) > 0 and bool(np.all(np.floor(values) == values))
        return "categorical" if integers and values.nunique() <= 10 else "numerical"
    if values.nunique() > 0.5 * len(values):
        return "text"
    return "categorical"


def shares(ref: pd.Series, cur: pd.Series):
    """Value shares over the union of categories, sorted like Python's default sort."""
    ref_counts = ref.value_counts()
    cur_counts = cur.value_counts()
    keys = sorted(set(ref_counts.index) | set(cur_counts.index), key=lambda k: (str(type(k)), k))
    r = np.array([ref_counts.get(k, 0) for k in keys], dtype=float)
    c = np.array([cur_counts.get(k, 0) for k in keys], dtype=float)
    return keys, r, c


def chisquare_p(ref, cur) -> float:
    keys, r, c = shares(ref, cur)
    if len(keys) < 2:
        return 1.0
    if np.any((r == 0) & (c > 0)):
        return 0.0
    expected = r * c.sum() / r.sum()
    keep = expected > 0
    return float(stats.chisquare(c[keep], expected[keep]).pvalue)


def z_p(ref, cur) -> float:
    keys, r, c = shares(ref, cur)
    if len(keys) < 2:
        return 1.0
    # The smallest key is 0, every other key is 1.
    p_ref = (r.sum() - r[0]) / r.sum()
    p_cur = (c.sum() - c[0]) / c.sum()
    pooled = ((r.sum() - r[0]) + (c.sum() - c[0])) / (r.sum() + c.sum())
    se = math.sqrt(pooled * (1 - pooled) * (1 / r.sum() + 1 / c.sum()))
    if se == 0:
        return 1.0
    return float(2 * (1 - stats.norm.cdf(abs((p_cur - p_ref) / se))))


def analyse_column(ref: pd.Series, cur: pd.Series, kind: str) -> dict:
    ref = ref.dropna()
    cur = cur.dropna()
    if len(ref) == 0 or len(cur) == 0:
        return {"test": None, "score": None, "drift": False, "note": "empty after cleaning"}
    n_ref = len(ref)
    n_unique = pd.concat([ref, cur], ignore_index=True).nunique()
    small = n_ref <= SMALL_N
    if kind == "numerical" and n_unique > 5:
        if small:
            p = float(stats.ks_2samp(ref.to_numpy(), cur.to_numpy()).pvalue)
            return {"test": "ks", "score": p, "drift": bool(p <= 0.05)}
        ref_np = ref.to_numpy(dtype=float)
        d = stats.wasserstein_distance(ref_np, cur.to_numpy(dtype=float)) / max(np.std(ref_np), 0.001)
        return {"test": "wasserstein", "score": float(d), "drift": bool(d >= 0.1)}
    if small:
        if n_unique > 2:
            p = chisquare_p(ref, cur)
            return {"test": "chisquare", "score": p, "drift": bool(p < 0.05)}
        p = z_p(ref, cur)
        return {"test": "z", "score": p, "drift": bool(p < 0.05)}
    _, r, c = shares(ref, cur)
    d = float(distance.jensenshannon(r / r.sum(), c / c.sum()))
    return {"test": "jensenshannon", "score": d, "drift": bool(d >= 0.1)}


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1 if sys.platform != "darwin" else 1 / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", required=True)
    parser.add_argument("--current", required=True)
    parser.add_argument("--json", help="also write the verdicts and timings to this file")
    parser.add_argument("--share-threshold", type=float, default=0.5)
    args = parser.parse_args()

    t0 = time.perf_counter()
    ref_df = pd.read_csv(args.reference)
    cur_df = pd.read_csv(args.current)
    t_read = time.perf_counter() - t0

    columns = {}
    for name in ref_df.columns:
        if name not in cur_df.columns:
            continue
        kind = column_type(ref_df[name])
        if kind == "text":
            columns[name] = {"type": kind, "test": None, "score": None, "drift": False, "note": "text: not tested"}
            continue
        columns[name] = {"type": kind, **analyse_column(ref_df[name], cur_df[name], kind)}
    wall = time.perf_counter() - t0

    tested = [c for c in columns.values() if c["test"] is not None]
    drifted = [c for c in tested if c["drift"]]
    share = len(drifted) / len(tested) if tested else 0.0
    result = {
        "rows": {"reference": len(ref_df), "current": len(cur_df)},
        "readSeconds": t_read,
        "analysisSeconds": wall - t_read,
        "wallSeconds": wall,
        "peakRssMb": peak_rss_mb(),
        "dataset": {
            "driftDetected": share >= args.share_threshold,
            "driftShare": share,
            "driftedColumns": len(drifted),
            "testedColumns": len(tested),
        },
        "columns": columns,
    }

    for name, c in columns.items():
        score = "" if c["score"] is None else f"{c['score']:.6g}"
        print(f"{name:>20}  {c['type']:<11}  {c['test'] or '-':<13}  {score:>12}  {'DRIFT' if c['drift'] else ''}")
    print(
        f"dataset drift: {result['dataset']['driftDetected']} "
        f"({len(drifted)}/{len(tested)} columns, share {share:.3f})"
    )
    print(f"read {t_read:.2f} s, analysis {wall - t_read:.2f} s, wall {wall:.2f} s, peak RSS {result['peakRssMb']:.0f} MB")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
