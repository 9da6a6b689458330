/**
 * Serving health of reference against current: latency percentiles (p50, p95, p99 by NumPy's default
 * linear quantile, and the mean), the KS test of the latency shift and the p95 difference with a
 * bootstrap interval, and the error rate with a pooled two-proportion z-test. Bad cells (negative or
 * non-numeric latency, unknown status codes) are left out and named in the notes with file and column;
 * the rest goes on. docs/serving.md.
 */
import { runKs } from '../drift/methods/ks';
import { zTestCounts } from '../drift/methods/z';
import { DEFAULT_BOOTSTRAP_SEED } from '../stats/paired-bootstrap';
import { quantileSorted } from '../stats/quantile-sorted';
import { SeededRng } from '../stats/seeded-rng';
import type { ColumnarTable } from '../table/columnar';
import { requireColumn, rowLabels, rowNumbers } from './labels';
import { latencyHistogram } from './latency-histogram';
import type {
  LatencySummary,
  LatencyUnit,
  ServingErrorRate,
  ServingLatency,
  ServingResult,
} from './serving-types';

const CALLER = 'servingHealth';
/** Resamples of the p95 bootstrap, reduced for very large files so one analysis stays within seconds. */
export const P95_RESAMPLES = 2000;
export const P95_MIN_RESAMPLES = 200;
const BOOTSTRAP_BUDGET = 20_000_000;

export interface ServingColumns {
  latency: { column: string; unit: LatencyUnit } | null;
  status: string | null;
}

const BOOLEAN_ERROR: Record<string, 0 | 1> = { '0': 0, '1': 1, false: 0, true: 1, no: 0, yes: 1 };

function latencyValues(table: ColumnarTable, column: string, notes: string[]): Float64Array {
  const col = requireColumn(table, column, CALLER);
  const values = rowNumbers(col);
  const labels = rowLabels(col);
  const kept: number[] = [];
  let negative = 0;
  let text = 0;
  let firstText: string | null = null;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) {
      if (labels[i] !== null) {
        text++;
        firstText ??= labels[i];
      }
      continue;
    }
    if (x < 0) negative++;
    else kept.push(x);
  }
  if (col.storage === 'number' && col.invalidCount > 0) {
    text += col.invalidCount;
    firstText ??= col.firstInvalid?.value ?? null;
  }
  if (negative > 0)
    notes.push(
      `${table.fileName}, column "${column}": ${negative} negative latenc${negative === 1 ? 'y' : 'ies'} left out.`,
    );
  if (text > 0)
    notes.push(
      `${table.fileName}, column "${column}": ${text} non-numeric latenc${text === 1 ? 'y' : 'ies'} left out (first: "${firstText}").`,
    );
  return Float64Array.from(kept).sort();
}

function summary(sorted: Float64Array): LatencySummary | null {
  if (sorted.length === 0) return null;
  let sum = 0;
  for (const x of sorted) sum += x;
  return {
    n: sorted.length,
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    mean: sum / sorted.length,
  };
}

/**
 * The p-quantile (NumPy linear) of a resample of a sorted array from the multiplicities of the drawn
 * indices, without sorting: the values at ranks ⌊h⌋ and ⌊h⌋ + 1 of the resample, h = (n − 1)·p.
 */
function resampledQuantile(sorted: Float64Array, counts: Int32Array, p: number): number {
  const n = sorted.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  let seen = 0;
  let atLo = Number.NaN;
  for (let j = 0; j < n; j++) {
    seen += counts[j];
    if (Number.isNaN(atLo) && seen > lo) {
      atLo = sorted[j];
      if (frac === 0) return atLo;
    }
    if (seen > lo + 1) return atLo + frac * (sorted[j] - atLo);
  }
  return atLo;
}

/**
 * Bootstrap interval of p95(current) − p95(reference): each resample draws n_ref indices into the sorted
 * reference, then n_cur into the sorted current, from one seeded generator; the 2.5 % and 97.5 % linear
 * quantiles of the differences. Resamples: 2,000, or fewer (at least 200) when n_ref + n_cur > 10,000
 * (budget 2·10⁷ draws), stated in the result.
 */
export function p95DifferenceInterval(
  reference: Float64Array,
  current: Float64Array,
  seed = DEFAULT_BOOTSTRAP_SEED,
  resamples = Math.max(
    P95_MIN_RESAMPLES,
    Math.min(P95_RESAMPLES, Math.floor(BOOTSTRAP_BUDGET / (reference.length + current.length))),
  ),
): { low: number; high: number; resamples: number } {
  const rng = new SeededRng(seed);
  const cr = new Int32Array(reference.length);
  const cc = new Int32Array(current.length);
  const diffs = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    cr.fill(0);
    cc.fill(0);
    for (let i = 0; i < reference.length; i++) cr[rng.int(reference.length)]++;
    for (let i = 0; i < current.length; i++) cc[rng.int(current.length)]++;
    diffs[b] = resampledQuantile(current, cc, 0.95) - resampledQuantile(reference, cr, 0.95);
  }
  diffs.sort();
  return { low: quantileSorted(diffs, 0.025), high: quantileSorted(diffs, 0.975), resamples };
}

/** Error flags of a status column (1 = error), its coding, and the unknown cells left out. */
function errorFlags(
  table: ColumnarTable,
  column: string,
  notes: string[],
): { coding: 'boolean' | 'http'; flags: number[] } {
  const col = requireColumn(table, column, CALLER);
  const labels = rowLabels(col).filter((l): l is string => l !== null);
  const lower = labels.map((l) => l.toLowerCase());
  if (lower.every((l) => Object.hasOwn(BOOLEAN_ERROR, l)))
    return { coding: 'boolean', flags: lower.map((l) => BOOLEAN_ERROR[l]) };
  const flags: number[] = [];
  let unknown = 0;
  let first: string | null = null;
  for (const l of labels) {
    const code = Number(l);
    if (Number.isInteger(code) && code >= 100 && code <= 599) flags.push(code >= 500 ? 1 : 0);
    else {
      unknown++;
      first ??= l;
    }
  }
  if (col.storage === 'number' && col.invalidCount > 0) {
    // Text cells of a mostly numeric column are stored as missing: count them as unknown codes too.
    unknown += col.invalidCount;
    first ??= col.firstInvalid?.value ?? null;
  }
  if (unknown > 0)
    notes.push(
      `${table.fileName}, column "${column}": ${unknown} value(s) that are neither HTTP status codes (100–599) nor booleans left out (first: "${first}").`,
    );
  return { coding: 'http', flags };
}

function errorRate(
  reference: ColumnarTable,
  current: ColumnarTable,
  column: string,
  notes: string[],
): ServingErrorRate {
  let ref = errorFlags(reference, column, notes);
  let cur = errorFlags(current, column, notes);
  if (ref.coding !== cur.coding) {
    // One file reads as booleans (say only 0 and 1 seen), the other as codes: read both as codes.
    notes.push(
      `Column "${column}" reads as booleans in one file and as HTTP codes in the other: both read as HTTP codes.`,
    );
    const asHttp = (
      t: ColumnarTable,
      f: { coding: 'boolean' | 'http'; flags: number[] },
    ): { coding: 'boolean' | 'http'; flags: number[] } =>
      f.coding === 'http'
        ? f
        : {
            coding: 'http' as const,
            flags: rowLabels(requireColumn(t, column, CALLER))
              .filter((l): l is string => l !== null)
              .map((l) => (Number(l) >= 500 && Number(l) <= 599 ? 1 : 0)),
          };
    ref = asHttp(reference, ref);
    cur = asHttp(current, cur);
  }
  const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);
  const re = sum(ref.flags);
  const ce = sum(cur.flags);
  const rn = ref.flags.length;
  const cn = cur.flags.length;
  let statistic: number | null = null;
  let pValue: number | null = null;
  if (rn > 0 && cn > 0) {
    const test = zTestCounts({
      kind: 'categorical',
      labels: ['ok', 'error'],
      reference: [rn - re, re],
      current: [cn - ce, ce],
    });
    statistic = test.statistic;
    pValue = test.pValue;
    if (test.reason) notes.push(`Error rate test: ${test.reason}`);
  }
  return {
    column,
    coding: ref.coding,
    reference: rn === 0 ? null : re / rn,
    current: cn === 0 ? null : ce / cn,
    referenceErrors: re,
    currentErrors: ce,
    referenceN: rn,
    currentN: cn,
    statistic,
    pValue,
  };
}

/**
 * Serving health of the mapped columns. A column absent from one file gives a note, not an error.
 * `summaryOnly` (a timeline chunk, which reports the percentiles and the error rate only) leaves out the
 * KS test, the p95 bootstrap interval and the histogram: ks, p95Difference and histogram are null.
 *
 * @example servingHealth(ref, cur, { latency: { column: 'latency_ms', unit: 'ms' }, status: 'status_code' }).latency?.current?.p95
 */
export function servingHealth(
  reference: ColumnarTable,
  current: ColumnarTable,
  columns: ServingColumns,
  options: { summaryOnly?: boolean } = {},
): ServingResult {
  const full = options.summaryOnly !== true;
  const notes: string[] = [];
  const has = (t: ColumnarTable, c: string) => t.columns.some((x) => x.name === c);
  const missing = (c: string) => [reference, current].filter((t) => !has(t, c)).map((t) => t.fileName);
  let latency: ServingLatency | null = null;
  if (columns.latency !== null) {
    const { column, unit } = columns.latency;
    const absent = missing(column);
    if (absent.length > 0)
      notes.push(
        `${absent.join(' and ')} ha${absent.length === 1 ? 's' : 've'} no latency column "${column}": latency not compared.`,
      );
    else {
      const r = latencyValues(reference, column, notes);
      const c = latencyValues(current, column, notes);
      const ks =
        full && r.length > 0 && c.length > 0 ? runKs({ kind: 'numeric', reference: r, current: c }) : null;
      const sr = summary(r);
      const sc = summary(c);
      let p95Difference: ServingLatency['p95Difference'] = null;
      if (full && sr !== null && sc !== null) {
        const ci = p95DifferenceInterval(r, c);
        p95Difference = {
          value: sc.p95 - sr.p95,
          ciLow: ci.low,
          ciHigh: ci.high,
          resamples: ci.resamples,
          seed: DEFAULT_BOOTSTRAP_SEED,
        };
      }
      latency = {
        column,
        unit,
        reference: sr,
        current: sc,
        ks:
          ks === null || ks.statistic === null || ks.pValue === null
            ? null
            : { statistic: ks.statistic, pValue: ks.pValue },
        p95Difference,
        histogram: full ? latencyHistogram(r, c) : null,
      };
    }
  }
  let rate: ServingErrorRate | null = null;
  if (columns.status !== null) {
    const absent = missing(columns.status);
    if (absent.length > 0)
      notes.push(
        `${absent.join(' and ')} ha${absent.length === 1 ? 's' : 've'} no status column "${columns.status}": error rate not compared.`,
      );
    else rate = errorRate(reference, current, columns.status, notes);
  }
  return { latency, errorRate: rate, notes };
}
