/**
 * Drift from two profiles (docs/profiles.md): the same AnalysisResult as analyzeTables where a profile
 * holds what the test needs. Categorical columns, and numeric columns whose exact value counts the
 * profile kept (≤ EXACT_VALUES_MAX distinct values on both sides), are exact. Other numeric columns are
 * tested on the DDSketch buckets (each value replaced by its bucket's representative, within relative α):
 * ks and wasserstein from the bucket CDFs, the binned tests (psi, jensenshannon, kl_div, hellinger,
 * jensenshannon_base2, g_test) on the Sturges bins filled from the buckets; each such column carries an
 * `approximation` with its bound (bin-bounds.ts for the binned tests). t_test is computed from the sums
 * (profile-moments.ts), as the table's from n, mean and variance. A test that a profile cannot give says
 * so in the column's note.
 * Pure: no Node import.
 */
import { applyCorrection, datasetVerdict, emptySummary, untested } from '../drift/analyze';
import { STURGES_MIN_DISTINCT } from '../drift/bins';
import { categoryChanges } from '../drift/category-changes';
import { chooseTest } from '../drift/choose-test';
import { type CategoricalSide, categoricalPair } from '../drift/column-pair';
import { isDrift } from '../drift/decision';
import { categoricalDistribution } from '../drift/distribution';
import { hellingerEdges, ONE_VALUE_NOTE } from '../drift/methods/hellinger';
import { ksTwoSidedPValue } from '../drift/methods/ks';
import { distanceOutcome, notComputable, pValueOutcome } from '../drift/methods/outcome';
import { TEST_REGISTRY, type TestKey } from '../drift/methods/registry';
import { tTestFromMoments } from '../drift/methods/t-test';
import { WASSERSTEIN_MIN_STD } from '../drift/methods/wasserstein';
import { missingShareDrift } from '../drift/missing-drift';
import type { CategoricalPair, TestOutcome } from '../drift/sample';
import { NOT_TESTED_TYPE, noValuesReason } from '../drift/selection';
import { DEFAULT_MISSING_DRIFT } from '../drift/settings';
import { categoricalSummary } from '../drift/summary';
import type {
  AnalysisResult,
  AnalysisSettings,
  Approximation,
  ColumnResult,
  ColumnSummary,
  Distribution,
  FileInfo,
} from '../report/analysis-result';
import { SCHEMA_VERSION } from '../report/analysis-result';
import { distinctUnion } from '../stats/sorted';
import type { ColumnType } from '../types';
import { type BinnedTest, binnedScoreInterval } from './bin-bounds';
import { CANCELLATION_NOTE_ABOVE, profileMoments } from './profile-moments';
import { countPoints, forEachCdf, type Points, points, sturgesEdges } from './profile-points';
import { EXACT_VALUES_MAX, type NumericProfileColumn, type Profile, type ProfileColumn } from './types';

export interface ProfileAnalyzeContext {
  version: string;
  now: Date;
  /** Names shown for the two profiles (default: their sources). */
  referenceName?: string;
  currentName?: string;
}

/** Tests computed on the bins filled from the buckets. */
const BINNED: ReadonlySet<TestKey> = new Set([
  'psi',
  'jensenshannon',
  'kl_div',
  'hellinger',
  'jensenshannon_base2',
  'g_test',
]);
/** Tests on counts per distinct value: exact when the profile kept the value counts. */
const PER_VALUE: ReadonlySet<TestKey> = new Set(['chisquare', 'z', 'fisher_exact']);

/** NumPy's linear-interpolation quantile on weighted points (exact when the points are the values). */
function weightedQuantile(p: Points, q: number): number {
  const h = (p.n - 1) * q;
  const lo = Math.floor(h);
  const at = (rank: number) => {
    let seen = 0;
    for (let i = 0; i < p.x.length; i++) {
      seen += p.w[i];
      if (rank < seen) return p.x[i];
    }
    return p.x[p.x.length - 1];
  };
  const a = at(lo);
  return h === lo ? a : a + (h - lo) * (at(lo + 1) - a);
}

function numericSummary(c: NumericProfileColumn, p: Points): ColumnSummary {
  const n = c.count;
  if (n === 0) return { ...emptySummary(c.missing), invalid: c.invalid };
  const { mean, variance } = profileMoments(c);
  return {
    count: n,
    missing: c.missing,
    invalid: c.invalid,
    mean: Number.isFinite(mean) ? mean : null,
    std: Number.isFinite(variance) ? Math.sqrt(variance) : null,
    min: c.min,
    q25: weightedQuantile(p, 0.25),
    median: weightedQuantile(p, 0.5),
    q75: weightedQuantile(p, 0.75),
    max: c.max,
    // More than EXACT_VALUES_MAX distinct values: the profile only knows this lower bound.
    unique: c.values !== null ? c.values.length : EXACT_VALUES_MAX + 1,
    top: null,
  };
}

function ksOutcome(r: Points, c: Points): TestOutcome {
  let d = 0;
  forEachCdf(r, c, (_x, fr, fc) => {
    d = Math.max(d, Math.abs(fr - fc));
  });
  const result = ksTwoSidedPValue(d, r.n, c.n);
  return pValueOutcome(result.d, result.pValue);
}

/** Population standard deviation (ddof = 0): exact from the values, else from the sums. */
function populationStd(p: Points): number {
  const c = p.column;
  if (p.exact) {
    const mean = c.sum / c.count;
    let ss = 0;
    for (let i = 0; i < p.x.length; i++) ss += p.w[i] * (p.x[i] - mean) ** 2;
    return Math.sqrt(ss / c.count);
  }
  const mean = c.sum / c.count;
  return Math.sqrt(Math.max(0, c.sumSquares / c.count - mean * mean));
}

function wassersteinOutcome(r: Points, c: Points): TestOutcome {
  let w = 0;
  let prev: number | null = null;
  let gap = 0;
  forEachCdf(r, c, (x, fr, fc) => {
    if (prev !== null) w += gap * (x - prev);
    gap = Math.abs(fr - fc);
    prev = x;
  });
  const norm = Math.max(populationStd(r), WASSERSTEIN_MIN_STD);
  return distanceOutcome(w / norm, w);
}

/** Mean |x| of a side, from its points (an upper bound within 1/(1 − α) for a sketch). */
function meanAbs(p: Points, alpha: number): number {
  let s = 0;
  for (let i = 0; i < p.x.length; i++) s += p.w[i] * Math.abs(p.x[i]);
  return (s / p.n) * (p.exact ? 1 : 1 / (1 - alpha));
}

interface Bins {
  pair: CategoricalPair;
  distribution: Distribution;
}

/** Counts per distinct value of both sides (labels as Driftscope's `String(x)`), or null without them. */
function perValuePair(r: NumericProfileColumn, c: NumericProfileColumn): CategoricalPair | null {
  if (r.values === null || c.values === null) return null;
  const side = (col: NumericProfileColumn): CategoricalSide => ({
    counts: new Map((col.values ?? []).map(([v, k]) => [String(v), k])),
    missing: col.missing,
  });
  return categoricalPair(side(r), side(c));
}

/** The §6 bins of a numeric pair from the profile: per value (≤ 20 reference values) or Sturges. */
function numericBins(r: Points, c: Points): Bins | null {
  const rc = r.column;
  const cc = c.column;
  if (rc.values !== null && rc.values.length <= STURGES_MIN_DISTINCT) {
    const pair = perValuePair(rc, cc);
    return pair === null ? null : { pair, distribution: categoricalDistribution(pair) };
  }
  const lo = Math.min(rc.min ?? 0, cc.min ?? 0);
  const hi = Math.max(rc.max ?? 0, cc.max ?? 0);
  const edges = sturgesEdges(lo, hi, rc.count + cc.count, rc.integers && cc.integers);
  const reference = countPoints(r, edges);
  const current = countPoints(c, edges);
  return {
    pair: { kind: 'categorical', labels: reference.map((_, i) => String(i)), reference, current },
    distribution: {
      kind: 'histogram',
      edges,
      reference: reference.map((k) => k / rc.count),
      current: current.map((k) => k / cc.count),
    },
  };
}

/**
 * Hellinger's numerical form on exact value counts, as the table computes it (hellinger.ts): Sturges edges
 * on the DISTINCT values of ref ∪ cur, not on all n values as the other binned tests, and one value only
 * gives 0 with ONE_VALUE_NOTE.
 */
function exactHellinger(r: Points, c: Points): TestOutcome {
  const sorted = (x: number[]) => Float64Array.from(x).sort(); // a profile file's values may come in any order
  const edges = hellingerEdges(distinctUnion(sorted(r.x), sorted(c.x)));
  if (edges === null) return { score: 0, statistic: 0, pValue: null, reason: ONE_VALUE_NOTE };
  const reference = countPoints(r, edges);
  const current = countPoints(c, edges);
  return TEST_REGISTRY.hellinger.run({
    kind: 'categorical',
    labels: reference.map((_, i) => String(i)),
    reference,
    current,
  });
}

function notFromProfile(test: TestKey, why: string): string {
  return `${TEST_REGISTRY[test].label} cannot be computed from a profile: ${why}`;
}

/** Category counts of a profiled column (numeric values labelled as Driftscope labels them). */
export function categoricalSideOf(c: ProfileColumn): CategoricalSide | null {
  if (c.kind === 'categorical') return { counts: new Map(c.categories), missing: c.missing };
  if (c.values === null) return null;
  return { counts: new Map(c.values.map(([v, k]) => [String(v), k])), missing: c.missing + c.invalid };
}

function summaryOf(c: ProfileColumn): ColumnSummary {
  if (c.kind === 'numeric') return numericSummary(c, points(c));
  return categoricalSummary({ counts: new Map(c.categories), missing: c.missing });
}

function testCategorical(
  ref: ProfileColumn,
  cur: ProfileColumn,
  type: ColumnType,
  settings: AnalysisSettings,
  names: { reference: string; current: string },
): ColumnResult {
  const r = categoricalSideOf(ref);
  const c = categoricalSideOf(cur);
  const summary = (col: ProfileColumn, side: CategoricalSide | null) =>
    side ? categoricalSummary(side) : summaryOf(col);
  const result = untested(ref.name, type, null, summary(ref, r), summary(cur, c));
  if (r === null || c === null) {
    const which = r === null ? names.reference : names.current;
    return {
      ...result,
      note: `Not computable from a profile: in ${which} this column has more than ${EXACT_VALUES_MAX} distinct numbers, so the profile holds no counts per category.`,
    };
  }
  const pair = categoricalPair(r, c);
  const changes = categoryChanges(pair);
  const withChanges = {
    ...result,
    newCategories: changes.newCategories,
    vanishedCategories: changes.vanishedCategories,
  };
  const nRef = pair.reference.reduce((a, b) => a + b, 0);
  const nCur = pair.current.reduce((a, b) => a + b, 0);
  if (nRef === 0 || nCur === 0)
    return { ...withChanges, note: noValuesReason(nRef === 0 ? names.reference : names.current) };
  const choice = chooseTest(settings, ref.name, type, nRef, pair.labels.length);
  const distribution = categoricalDistribution(pair);
  if (choice.test === null) return { ...withChanges, note: choice.note, distribution };
  const entry = TEST_REGISTRY[choice.test];
  const outcome = entry.run(pair);
  const notes = [choice.note, outcome.reason].filter((n): n is string => n !== null);
  const js = TEST_REGISTRY.jensenshannon.run(pair).score;
  return {
    ...withChanges,
    test: choice.test,
    testKind: entry.kind,
    threshold: choice.threshold,
    score: outcome.score,
    pValue: outcome.pValue,
    statistic: outcome.statistic,
    driftDetected: isDrift(choice.test, outcome.score, choice.threshold),
    effectSize: js === null ? null : { measure: 'jensenshannon', value: js },
    note: notes.length > 0 ? notes.join(' ') : null,
    distribution,
  };
}

/** The note every approximate result carries, so that the text and HTML reports say it too. */
function approximateNote(a: Approximation): string {
  const head = `Approximate: computed on the profiles' DDSketch buckets (relative accuracy ${a.relativeAccuracy})`;
  if (a.scoreInterval !== undefined) {
    const [lo, hi] = a.scoreInterval.map((v) => v.toPrecision(3));
    return a.verdictDetermined
      ? `${head}; the exact score lies in [${lo}, ${hi}], so the verdict is the exact one.`
      : `${head}; the exact score lies in [${lo}, ${hi}], which holds the threshold: the verdict is undetermined (the rows could decide either way).`;
  }
  if (a.scoreBound !== null) return `${head}; |score − exact score| ≤ ${a.scoreBound.toPrecision(2)}.`;
  if (a.statisticBound !== null)
    return `${head}; the statistic is at most ${a.statisticBound.toPrecision(2)} below the exact one (the p-value follows it).`;
  return `${head}; values in buckets on a bin edge may be counted in the neighbouring bin.`;
}

function approximation(
  test: TestKey,
  alpha: number,
  r: Points,
  c: Points,
  normalisation: number,
  score: number,
  statistic: number | null,
  threshold: number,
): Approximation {
  const pct = `${alpha * 100}%`;
  const common = `each value is replaced by its DDSketch bucket's representative, within relative α = ${pct} of it`;
  if (test === 'wasserstein') {
    const bound = (alpha * (meanAbs(r, alpha) + meanAbs(c, alpha))) / normalisation;
    return {
      method: 'ddsketch' as const,
      relativeAccuracy: alpha,
      scoreBound: bound,
      statisticBound: bound * normalisation,
      bound: `${common}; so W₁ moves by at most α·(mean|x| of both sets) and the score by at most ${bound.toPrecision(3)} (the normalising standard deviation is from the profile's sums).`,
    };
  }
  if (test === 'ks') {
    // D is read at the bucket edges, where both CDFs are exact; inside a bucket the true difference can
    // move by at most the larger share of one set in that bucket.
    let bucketShare = 0;
    for (const p of [r, c]) for (const w of p.w) bucketShare = Math.max(bucketShare, w / p.n);
    return {
      method: 'ddsketch' as const,
      relativeAccuracy: alpha,
      scoreBound: null,
      statisticBound: bucketShare,
      bound: `${common}; the CDFs are exact at the bucket edges, so D is at most ${bucketShare.toPrecision(3)} (the largest share of one set in one bucket) below the exact D; the p-value follows D and, on large samples, can change by far more.`,
    };
  }
  const i = binnedScoreInterval(test as BinnedTest, r.column, c.column);
  const stat = statistic ?? score;
  const statisticBound = Math.max(i.statisticHigh - stat, stat - i.statisticLow);
  return {
    method: 'ddsketch' as const,
    relativeAccuracy: alpha,
    scoreBound: Math.max(i.high - score, score - i.low, 0),
    statisticBound: Number.isFinite(statisticBound) ? Math.max(statisticBound, 0) : null,
    bound: `${common}; a bucket inside one bin is counted exactly, a bucket over a bin edge can put any part of its count in each bin it touches, and over every such assignment the score lies in [${i.low.toPrecision(3)}, ${i.high.toPrecision(3)}] (shared/profile/bin-bounds.ts).`,
    scoreInterval: [i.low, i.high],
    verdictDetermined: isDrift(test, i.low, threshold) === isDrift(test, i.high, threshold),
  };
}

function testNumerical(
  ref: NumericProfileColumn,
  cur: ProfileColumn,
  settings: AnalysisSettings,
  names: { reference: string; current: string },
  alpha: number,
): ColumnResult {
  const refSummary = summaryOf(ref);
  if (cur.kind !== 'numeric')
    return untested(
      ref.name,
      'numerical',
      `Not computable from a profile: ${names.current} holds this column as text, so its numbers cannot be compared with ${names.reference}'s.`,
      refSummary,
      summaryOf(cur),
    );
  const result = untested(ref.name, 'numerical', null, refSummary, summaryOf(cur));
  const invalid = [ref, cur]
    .map((c, i) =>
      c.invalid > 0
        ? `${i === 0 ? names.reference : names.current}: ${c.invalid} value(s) are not numbers; they are left out of the test.`
        : null,
    )
    .filter((n): n is string => n !== null);
  if (ref.count === 0 || cur.count === 0)
    return { ...result, note: noValuesReason(ref.count === 0 ? names.reference : names.current) };
  const r = points(ref);
  const c = points(cur);
  const exact = r.exact && c.exact;
  const nUnique = exact ? new Set([...r.x, ...c.x]).size : EXACT_VALUES_MAX + 1;
  const choice = chooseTest(settings, ref.name, 'numerical', ref.count, nUnique);
  const bins = numericBins(r, c);
  const distribution = bins?.distribution ?? null;
  if (choice.test === null) return { ...result, note: choice.note, distribution };
  const test = choice.test;
  let outcome: TestOutcome;
  let cancellation: string | null = null;
  if (test === 'ks') outcome = ksOutcome(r, c);
  else if (test === 'wasserstein') outcome = wassersteinOutcome(r, c);
  else if (test === 'hellinger' && exact) outcome = exactHellinger(r, c);
  else if (BINNED.has(test))
    outcome = bins
      ? TEST_REGISTRY[test].run(bins.pair)
      : notComputable(
          notFromProfile(
            test,
            `${names.current} has more than ${EXACT_VALUES_MAX} distinct values, the reference at most ${STURGES_MIN_DISTINCT}; the per-value bins need both sides' value counts.`,
          ),
        );
  else if (test === 't_test') {
    const a = profileMoments(ref);
    const b = profileMoments(cur);
    outcome = tTestFromMoments(a, b);
    const worst = Math.max(a.cancellation, b.cancellation);
    if (outcome.score !== null && worst > CANCELLATION_NOTE_ABOVE)
      cancellation = `t_test from the profiles' sums: sumSquares − sum²/n cancels here (the mean is large beside the spread), so the variance may be off by up to ${worst.toPrecision(2)} of itself.`;
  } else if (PER_VALUE.has(test)) {
    const pair = perValuePair(ref, cur);
    outcome = pair
      ? TEST_REGISTRY[test].run(pair)
      : notComputable(
          notFromProfile(
            test,
            `it counts every distinct value, and the profile keeps them only up to ${EXACT_VALUES_MAX} distinct values.`,
          ),
        );
  } else
    outcome = notComputable(
      notFromProfile(test, 'it needs the individual values, which a profile does not keep.'),
    );
  const entry = TEST_REGISTRY[test];
  const notes = [...invalid, choice.note, outcome.reason, cancellation].filter(
    (n): n is string => n !== null,
  );
  const js = bins ? TEST_REGISTRY.jensenshannon.run(bins.pair).score : null;
  const computed = outcome.score !== null;
  const approx = !exact && computed && (test === 'ks' || test === 'wasserstein' || BINNED.has(test));
  const norm = Math.max(populationStd(r), WASSERSTEIN_MIN_STD);
  const approximated =
    approx && outcome.score !== null
      ? approximation(test, alpha, r, c, norm, outcome.score, outcome.statistic, choice.threshold)
      : null;
  if (approximated) notes.push(approximateNote(approximated));
  return {
    ...result,
    test,
    testKind: entry.kind,
    threshold: choice.threshold,
    score: outcome.score,
    pValue: outcome.pValue,
    statistic: outcome.statistic,
    driftDetected: isDrift(test, outcome.score, choice.threshold),
    effectSize: js === null ? null : { measure: 'jensenshannon', value: js },
    note: notes.length > 0 ? notes.join(' ') : null,
    distribution,
    ...(approximated ? { approximation: approximated } : {}),
  };
}

function fileInfo(profile: Profile, name: string): FileInfo {
  return {
    file: name,
    rows: profile.rows,
    columns: profile.columns.length,
    bytes: 0,
    delimiter: '',
    warnings: [
      `A profile (${profile.sources.length} source${profile.sources.length === 1 ? '' : 's'}: ${profile.sources.join(', ')}); numeric tests on its sketches are approximate (DDSketch, relative accuracy ${profile.relativeAccuracy}).`,
    ],
    format: 'profile',
  };
}

/**
 * The analysis of two profiles. Types are inferred on the reference profile (as analyzeTables does on
 * the reference table); a settings override of the type is honoured.
 *
 * @throws {RangeError} when the profiles' relative accuracies differ.
 */
export function analyzeProfiles(
  reference: Profile,
  current: Profile,
  settings: AnalysisSettings,
  context: ProfileAnalyzeContext,
): AnalysisResult {
  if (reference.relativeAccuracy !== current.relativeAccuracy)
    throw new RangeError(
      `the profiles have different relative accuracies (${reference.relativeAccuracy} and ${current.relativeAccuracy})`,
    );
  const names = {
    reference: context.referenceName ?? reference.sources.join(', '),
    current: context.currentName ?? current.sources.join(', '),
  };
  const curByName = new Map(current.columns.map((c) => [c.name, c]));
  const refNames = new Set(reference.columns.map((c) => c.name));
  const ignore = new Set(settings.ignore ?? []);
  let columns: ColumnResult[] = [];
  for (const ref of reference.columns) {
    if (ignore.has(ref.name)) continue;
    const cur = curByName.get(ref.name);
    if (cur === undefined) {
      columns.push(
        untested(
          ref.name,
          ref.type,
          `Missing from ${names.current}: not tested.`,
          summaryOf(ref),
          emptySummary(current.rows),
        ),
      );
      continue;
    }
    const override = settings.columns?.[ref.name]?.type ?? null;
    const type = override ?? ref.type;
    let result: ColumnResult;
    if (type === 'text' || type === 'datetime' || type === 'id')
      result = untested(ref.name, type, NOT_TESTED_TYPE[type], summaryOf(ref), summaryOf(cur));
    else if (type === 'categorical') result = testCategorical(ref, cur, type, settings, names);
    else if (ref.kind === 'numeric')
      result = testNumerical(ref, cur, settings, names, reference.relativeAccuracy);
    else
      result = untested(
        ref.name,
        type,
        `Not computable from a profile: ${names.reference} holds this column as text; a profile keeps numbers only for columns read as numbers.`,
        summaryOf(ref),
        summaryOf(cur),
      );
    const missing = missingShareDrift(
      result.reference.missing,
      reference.rows,
      result.current.missing,
      current.rows,
      settings.missingDrift ?? DEFAULT_MISSING_DRIFT,
    );
    columns.push({ ...result, typeSource: override ? 'override' : 'inferred', missingDrift: missing });
  }
  const onlyInReference = reference.columns.filter((c) => !curByName.has(c.name)).map((c) => c.name);
  const onlyInCurrent = current.columns.filter((c) => !refNames.has(c.name)).map((c) => c.name);
  for (const name of onlyInCurrent) {
    if (ignore.has(name)) continue;
    const cur = curByName.get(name)!;
    columns.push(
      untested(
        name,
        null,
        `Missing from ${names.reference}: not tested.`,
        emptySummary(reference.rows),
        summaryOf(cur),
      ),
    );
  }
  columns = applyCorrection(columns, settings);
  const ignored = [...reference.columns, ...current.columns].map((c) => c.name).filter((n) => ignore.has(n));
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: context.now.toISOString(),
    driftscopeVersion: context.version,
    reference: fileInfo(reference, names.reference),
    current: fileInfo(current, names.current),
    dataset: datasetVerdict(columns, settings),
    columns,
    onlyInReference,
    onlyInCurrent,
    ignored: [...new Set(ignored)],
    performance: null,
    performanceNote:
      'Model quality is not computed from profiles (a profile keeps no rows to pair targets with predictions).',
    ...(settings.multivariate?.enabled && {
      multivariate: {
        columns: [],
        domainClassifier: null,
        reconstruction: null,
        notes: ['The multivariate detectors need the rows: they are not computed from profiles.'],
      },
    }),
    serving: null,
    settings,
  };
}
