/**
 * Concept drift: whether the relation between each feature and the target changed between reference and
 * current, holding the feature's value fixed (by binning it), separately from whether the feature's own
 * distribution changed (covariate shift). Method, assumptions and limits: docs/concept-drift.md.
 */
import { chi2Sf } from '../stats/chi-square';
import { quantileSorted } from '../stats/quantile-sorted';
import type { Column, ColumnarTable } from '../table/columnar';
import { inferColumnType } from '../table/infer-type';
import { columnDriftCheck } from './drift-check';
import { rowLabels, rowNumbers, sortClassLabels } from './labels';
import type { ColumnMapping, ConceptBin, ConceptDriftResult, ConceptFeature, ConceptReading } from './types';

/** Bins with fewer rows than this in either set are shown but left out of the test. */
export const MIN_BIN_ROWS = 5;
/** Default effect sizes below which a significant change is not called concept drift. */
export const MIN_EFFECT = { classification: 0.05, regression: 0.1 } as const;

/** The target of one set: class labels per row (classification) or numbers (regression). */
type TargetRows = { kind: 'classes'; labels: (string | null)[] } | { kind: 'numbers'; values: Float64Array };

interface Binning {
  labels: string[];
  /** Bin index per row of a column, −1 when the value is missing. */
  assign: (column: Column) => Int32Array;
  kind: 'numerical' | 'categorical';
}

const fmt = (x: number) => String(Number(x.toPrecision(4)));

/**
 * Numerical: cut points at the reference quantiles j/bins (j = 1..bins−1, NumPy's linear definition) on
 * rows with a target, duplicates merged; bin = number of cut points ≤ x within [min, max] of those
 * reference values. Values outside that range go to two extra bins, "below/above reference range",
 * which have no reference rows and so are shown but never tested (no extrapolation).
 * Categorical: one bin per label of reference ∪ current.
 */
function makeBinning(
  ref: Column,
  cur: Column,
  type: 'numerical' | 'categorical',
  refTarget: boolean[],
  bins: number,
): Binning {
  if (type === 'categorical') {
    const r = rowLabels(ref);
    const c = rowLabels(cur);
    const labels = sortClassLabels([...r, ...c].filter((l): l is string => l !== null));
    const index = new Map(labels.map((l, i) => [l, i]));
    return {
      kind: type,
      labels,
      assign: (column) => Int32Array.from(rowLabels(column), (l) => (l === null ? -1 : index.get(l)!)),
    };
  }
  const values = rowNumbers(ref);
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) if (refTarget[i] && !Number.isNaN(values[i])) kept.push(values[i]);
  const sorted = Float64Array.from(kept).sort();
  const cuts: number[] = [];
  for (let j = 1; j < bins; j++) {
    const q = quantileSorted(sorted, j / bins);
    if (!Number.isNaN(q) && q > sorted[0] && (cuts.length === 0 || q > cuts[cuts.length - 1])) cuts.push(q);
  }
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  const inner =
    cuts.length === 0
      ? ['all']
      : [
          `< ${fmt(cuts[0])}`,
          ...cuts.slice(1).map((c, i) => `[${fmt(cuts[i])}, ${fmt(c)})`),
          `≥ ${fmt(cuts[cuts.length - 1])}`,
        ];
  const labels = [`below reference range (< ${fmt(lo)})`, ...inner, `above reference range (> ${fmt(hi)})`];
  const last = labels.length - 1;
  return {
    kind: type,
    labels,
    assign: (column) =>
      Int32Array.from(rowNumbers(column), (x) => {
        if (Number.isNaN(x) || sorted.length === 0) return -1;
        if (x < lo) return 0;
        if (x > hi) return last;
        let b = 1;
        while (b - 1 < cuts.length && cuts[b - 1] <= x) b++;
        return b;
      }),
  };
}

interface BinStats {
  n: number;
  /** Classification: count per class; regression: [sum] and the values for the variance. */
  classCounts: Map<string, number>;
  values: number[];
}

function collect(binIndex: Int32Array, target: TargetRows, nBins: number): BinStats[] {
  const out: BinStats[] = Array.from({ length: nBins }, () => ({ n: 0, classCounts: new Map(), values: [] }));
  for (let i = 0; i < binIndex.length; i++) {
    const b = binIndex[i];
    if (b < 0) continue;
    if (target.kind === 'classes') {
      const l = target.labels[i];
      if (l === null) continue;
      out[b].n++;
      out[b].classCounts.set(l, (out[b].classCounts.get(l) ?? 0) + 1);
    } else {
      const y = target.values[i];
      if (Number.isNaN(y)) continue;
      out[b].n++;
      out[b].values.push(y);
    }
  }
  return out;
}

function meanVar(values: number[]): [number, number] {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return [mean, n > 1 ? ss / (n - 1) : 0];
}

/**
 * Per-feature test of "same relation in both sets". In every bin with ≥ 5 rows on each side:
 * classification: Pearson X² of the 2 × C table (set × class), df = C_bin − 1; regression: Welch
 * z² = (m_c − m_r)² / (s_r²/n_r + s_c²/n_c), df = 1. The statistic is the sum over bins, χ² with the
 * summed df under H0 (bins are disjoint, so the terms are independent). Binary targets also get the
 * Cochran–Mantel–Haenszel χ²(1) (no continuity correction), which detects a common shift but cancels
 * when the change reverses across bins. Effect: bin-weighted mean |Δ rate| (binary), total variation
 * distance of class shares (multiclass) or |Δ mean| / reference target std (regression).
 */
function featureTest(
  name: string,
  binning: Binning,
  ref: BinStats[],
  cur: BinStats[],
  classes: string[],
  posLabel: string | null,
  targetStd: number | null,
): Omit<ConceptFeature, 'inputDrift' | 'relationChanged'> {
  const regression = classes.length === 0;
  const multiclass = !regression && posLabel === null;
  const relation = regression ? 'target_mean' : multiclass ? 'class_distribution' : 'target_rate';
  const bins: ConceptBin[] = [];
  let statistic = 0;
  let df = 0;
  let tested = 0;
  let effectSum = 0;
  let weightSum = 0;
  let cmhDiff = 0;
  let cmhVar = 0;
  for (let b = 0; b < binning.labels.length; b++) {
    const r = ref[b];
    const c = cur[b];
    const shares = (s: BinStats) => classes.map((k) => (s.n ? (s.classCounts.get(k) ?? 0) / s.n : 0));
    const value = (s: BinStats): number | null => {
      if (s.n === 0) return null;
      if (regression) return meanVar(s.values)[0];
      return posLabel === null ? null : (s.classCounts.get(posLabel) ?? 0) / s.n;
    };
    const bin: ConceptBin = {
      label: binning.labels[b],
      referenceCount: r.n,
      currentCount: c.n,
      referenceValue: value(r),
      currentValue: value(c),
    };
    if (multiclass) {
      bin.referenceShares = shares(r);
      bin.currentShares = shares(c);
    }
    bins.push(bin);
    if (r.n < MIN_BIN_ROWS || c.n < MIN_BIN_ROWS) continue;
    const total = r.n + c.n;
    if (regression) {
      const [mr, vr] = meanVar(r.values);
      const [mc, vc] = meanVar(c.values);
      const se2 = vr / r.n + vc / c.n;
      if (!(se2 > 0)) continue;
      statistic += (mc - mr) ** 2 / se2;
      df += 1;
      if (targetStd !== null && targetStd > 0) effectSum += (total * Math.abs(mc - mr)) / targetStd;
    } else {
      let present = 0;
      let tvd = 0;
      for (const k of classes) {
        const or = r.classCounts.get(k) ?? 0;
        const oc = c.classCounts.get(k) ?? 0;
        const m = or + oc;
        if (m === 0) continue;
        present++;
        const er = (r.n * m) / total;
        const ec = (c.n * m) / total;
        statistic += (or - er) ** 2 / er + (oc - ec) ** 2 / ec;
        tvd += Math.abs(oc / c.n - or / r.n);
      }
      if (present < 2) continue;
      df += present - 1;
      // Total variation distance of the class shares; for two classes it equals the change of the rate.
      effectSum += (total * tvd) / 2;
      if (posLabel !== null) {
        const a = c.classCounts.get(posLabel) ?? 0;
        const m1 = a + (r.classCounts.get(posLabel) ?? 0);
        cmhDiff += a - (c.n * m1) / total;
        cmhVar += (c.n * r.n * m1 * (total - m1)) / (total * total * (total - 1));
      }
    }
    tested++;
    weightSum += total;
  }
  const computed = df > 0;
  const cmhStat = cmhVar > 0 ? (cmhDiff * cmhDiff) / cmhVar : null;
  return {
    feature: name,
    kind: binning.kind,
    relation,
    bins,
    testedBins: tested,
    statistic: computed ? statistic : null,
    df,
    pValue: computed ? chi2Sf(statistic, df) : null,
    cmh: posLabel !== null && cmhStat !== null ? { statistic: cmhStat, pValue: chi2Sf(cmhStat, 1) } : null,
    effect: computed && (!regression || (targetStd !== null && targetStd > 0)) ? effectSum / weightSum : null,
    note: computed
      ? null
      : `No bin has at least ${MIN_BIN_ROWS} rows with a target in both sets: not tested.`,
  };
}

export interface ConceptDriftInput {
  mapping: ColumnMapping;
  referenceTarget: TargetRows;
  currentTarget: TargetRows;
  /** Classification: all classes of both sets, sorted. Empty for regression. */
  classes: string[];
  /** Reference target population std (regression effect scale). */
  targetStd: number | null;
  alpha: number;
  bins: number;
  /** Other columns that are not inputs (challenger outputs, serving latency and status). */
  notInputs?: readonly string[];
}

/**
 * Concept drift of every numerical and categorical feature (all columns except target, prediction,
 * probabilities, ID and `notInputs`; text, datetime and id columns skipped). A feature's relation changed when its
 * p-value is below alpha / (number of tested features) (Bonferroni) and its effect is at least
 * MIN_EFFECT. Reading: 'both' when some relation changed and some feature drifted, 'concept_drift'
 * when only relations changed, 'covariate_shift' when only inputs drifted, else 'none'.
 *
 * @throws {RangeError} when alpha is not in (0, 1) or bins < 2.
 */
export function conceptDrift(
  reference: ColumnarTable,
  current: ColumnarTable,
  input: ConceptDriftInput,
): ConceptDriftResult {
  if (!(input.alpha > 0 && input.alpha < 1))
    throw new RangeError(`conceptDrift: alpha must be in (0, 1), got ${input.alpha}`);
  if (!(Number.isInteger(input.bins) && input.bins >= 2))
    throw new RangeError(`conceptDrift: bins must be an integer ≥ 2, got ${input.bins}`);
  const { mapping } = input;
  const excluded = new Set([
    mapping.target,
    mapping.prediction,
    mapping.id,
    ...(mapping.proba ?? []),
    ...(input.notInputs ?? []),
  ]);
  const currentByName = new Map(current.columns.map((c) => [c.name, c]));
  const regression = mapping.task === 'regression';
  const posLabel = mapping.task === 'binary' ? mapping.posLabel : null;
  const refHasTarget =
    input.referenceTarget.kind === 'classes'
      ? input.referenceTarget.labels.map((l) => l !== null)
      : Array.from(input.referenceTarget.values, (y) => !Number.isNaN(y));
  const notes: string[] = [];
  const partial: Omit<ConceptFeature, 'relationChanged'>[] = [];
  for (const ref of reference.columns) {
    if (excluded.has(ref.name)) continue;
    const cur = currentByName.get(ref.name);
    if (cur === undefined) continue;
    const type = inferColumnType(ref);
    if (type !== 'numerical' && type !== 'categorical') {
      notes.push(`${ref.name}: ${type} column, not used for concept drift.`);
      continue;
    }
    const binning = makeBinning(ref, cur, type, refHasTarget, input.bins);
    const refStats = collect(binning.assign(ref), input.referenceTarget, binning.labels.length);
    const curStats = collect(binning.assign(cur), input.currentTarget, binning.labels.length);
    const test = featureTest(ref.name, binning, refStats, curStats, input.classes, posLabel, input.targetStd);
    partial.push({ ...test, inputDrift: columnDriftCheck(ref, cur, type) });
  }
  const testedCount = partial.filter((f) => f.pValue !== null).length;
  const alpha = testedCount > 0 ? input.alpha / testedCount : input.alpha;
  const minEffect = regression ? MIN_EFFECT.regression : MIN_EFFECT.classification;
  const features: ConceptFeature[] = partial.map((f) => ({
    ...f,
    relationChanged: f.pValue !== null && f.pValue < alpha && f.effect !== null && f.effect >= minEffect,
  }));
  const changed = features.filter((f) => f.relationChanged).map((f) => f.feature);
  const drifted = features.filter((f) => f.inputDrift.driftDetected).map((f) => f.feature);
  const reading: ConceptReading =
    changed.length > 0
      ? drifted.length > 0
        ? 'both'
        : 'concept_drift'
      : drifted.length > 0
        ? 'covariate_shift'
        : 'none';
  return {
    reading,
    features,
    changed,
    drifted,
    classes: posLabel === null && !regression ? input.classes : null,
    alpha,
    minEffect,
    notes,
  };
}
