/**
 * Champion against challenger on the current rows (a shadow deployment: both models scored the same
 * traffic). With labels: both models' metrics, the difference (challenger − champion) with a paired
 * bootstrap percentile interval (rows resampled jointly, 2,000 resamples, seeded), McNemar's exact test on
 * who gets which row right (classification), the Wilcoxon signed-rank test on |error| (regression), and a
 * verdict on the primary metric: better or worse when the (1 − α) interval of its difference excludes 0,
 * else no significant difference. Without labels: agreement, drift tests between the two models' outputs,
 * and where they disagree (rows and feature bins). docs/shadow.md.
 */

import { mcnemarExact } from '../stats/mcnemar';
import {
  DEFAULT_BOOTSTRAP_RESAMPLES,
  DEFAULT_BOOTSTRAP_SEED,
  pairedBootstrap,
} from '../stats/paired-bootstrap';
import { wilcoxonSignedRank } from '../stats/wilcoxon-signed-rank';
import type { ColumnarTable } from '../table/columnar';
import { runDriftCheck } from './drift-check';
import { requireColumn, rowLabels, rowNumbers, sortClassLabels } from './labels';
import { disagreementFeatures } from './shadow-disagreement';
import type { DisagreementRow, ShadowOptions, ShadowResult, ShadowVerdict } from './shadow-types';
import type { ColumnMapping } from './types';
import { weightedLabelMetrics, weightedRegressionMetrics, weightedRocAuc } from './weighted-metrics';

const CALLER = 'shadowComparison';
const LOWER_IS_BETTER = new Set(['mae', 'rmse', 'mape']);
export const CLASSIFICATION_METRICS = ['accuracy', 'precision', 'recall', 'f1', 'rocAuc'] as const;
export const REGRESSION_METRICS = ['mae', 'rmse', 'mape', 'r2'] as const;
const ROWS_SHOWN = 20;
/** Row draws allowed for the default bootstrap: 2,000 resamples up to 20,000 labelled rows, never fewer than 200. */
const BOOTSTRAP_BUDGET = 40_000_000;

/** Default resamples: 2,000, fewer (at least 200) above 20,000 labelled rows so an analysis stays within seconds. */
export function defaultResamples(n: number): number {
  return Math.max(200, Math.min(DEFAULT_BOOTSTRAP_RESAMPLES, Math.floor(BOOTSTRAP_BUDGET / Math.max(n, 1))));
}

export interface ChallengerColumns {
  prediction: string | null;
  proba: string[] | null;
}

interface ModelRows {
  label: (string | null)[];
  value: Float64Array | null;
  proba: Float64Array[] | null;
}

/** Default primary metric: ROC AUC (binary, both models with probabilities, else F1), macro F1, RMSE. */
export function defaultPrimaryMetric(task: ColumnMapping['task'], bothProba: boolean): string {
  if (task === 'regression') return 'rmse';
  if (task === 'multiclass') return 'f1';
  return bothProba ? 'rocAuc' : 'f1';
}

function modelRows(
  table: ColumnarTable,
  mapping: ColumnMapping,
  prediction: string | null,
  proba: string[] | null,
  threshold: number,
  negative: string,
): ModelRows {
  const P = proba === null ? null : proba.map((c) => rowNumbers(requireColumn(table, c, CALLER)));
  if (mapping.task === 'regression') {
    return { label: [], value: rowNumbers(requireColumn(table, prediction!, CALLER)), proba: null };
  }
  let label: (string | null)[];
  if (prediction !== null) label = rowLabels(requireColumn(table, prediction, CALLER));
  else {
    label = new Array(table.rowCount).fill(null);
    for (let i = 0; i < table.rowCount; i++) {
      const row = P!.map((a) => a[i]);
      if (!row.every((x) => Number.isFinite(x))) continue;
      if (mapping.task === 'binary') label[i] = row[0] >= threshold ? mapping.posLabel : negative;
      else {
        let best = 0;
        for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
        label[i] = mapping.probaClasses![best];
      }
    }
  }
  return { label, value: null, proba: P };
}

const ascending = (score: Float64Array, rows: number[]) => [...rows].sort((a, b) => score[a] - score[b]);

/**
 * Compares the champion (the mapping's prediction/proba) with the challenger's columns on `table`.
 * `mapping` must be complete (analyzePerformance's completeMapping). Target may be absent or empty.
 *
 * @throws {RangeError} when a challenger column is absent from the table.
 */
export function shadowComparison(
  table: ColumnarTable,
  mapping: ColumnMapping,
  challenger: ChallengerColumns,
  options: ShadowOptions = {},
): ShadowResult {
  const alpha = options.alpha ?? 0.05;
  const requestedResamples = options.resamples;
  const seed = options.seed ?? DEFAULT_BOOTSTRAP_SEED;
  const threshold = options.threshold ?? 0.5;
  const notes: string[] = [];
  const regression = mapping.task === 'regression';
  if (regression && challenger.prediction === null)
    throw new RangeError(`${CALLER}: a regression challenger needs a prediction column`);
  if (!regression && challenger.prediction === null && challenger.proba === null)
    throw new RangeError(`${CALLER}: the challenger needs a prediction or probability column`);
  const targetColumn =
    mapping.target === null ? undefined : table.columns.find((c) => c.name === mapping.target);
  const targetLabels = targetColumn
    ? rowLabels(targetColumn)
    : new Array<string | null>(table.rowCount).fill(null);
  const targetValues = targetColumn
    ? rowNumbers(targetColumn)
    : new Float64Array(table.rowCount).fill(Number.NaN);
  const labelsSeen = sortClassLabels(targetLabels.filter((l): l is string => l !== null));
  const negative = labelsSeen.filter((l) => l !== mapping.posLabel)[0] ?? `not ${mapping.posLabel}`;
  const champ = modelRows(
    table,
    mapping,
    mapping.prediction,
    regression ? null : mapping.proba,
    threshold,
    negative,
  );
  const chal = modelRows(
    table,
    mapping,
    challenger.prediction,
    regression ? null : challenger.proba,
    threshold,
    negative,
  );
  const bothProba = champ.proba !== null && chal.proba !== null;
  const primaryMetric = options.primaryMetric ?? defaultPrimaryMetric(mapping.task, bothProba);
  const metricNames: string[] = regression
    ? [...REGRESSION_METRICS]
    : CLASSIFICATION_METRICS.filter((m) => m !== 'rocAuc' || bothProba);
  if (!metricNames.includes(primaryMetric)) {
    throw new RangeError(
      `${CALLER}: primary metric "${primaryMetric}" is not one of ${metricNames.join(', ')}`,
    );
  }

  // Rows where both models have an output; labelled = also a target.
  const paired: number[] = [];
  for (let i = 0; i < table.rowCount; i++) {
    const ok = regression
      ? !Number.isNaN(champ.value![i]) && !Number.isNaN(chal.value![i])
      : champ.label[i] !== null && chal.label[i] !== null;
    if (ok) paired.push(i);
  }
  const labelled = paired.filter((i) =>
    regression ? !Number.isNaN(targetValues[i]) : targetLabels[i] !== null,
  );

  // Agreement and distributions (no labels needed).
  let agreement: number | null = null;
  if (!regression && paired.length > 0)
    agreement = paired.filter((i) => champ.label[i] === chal.label[i]).length / paired.length;
  const predictionDistribution = regression
    ? runDriftCheck('prediction', {
        kind: 'numeric',
        reference: Float64Array.from(paired, (i) => champ.value![i]).sort(),
        current: Float64Array.from(paired, (i) => chal.value![i]).sort(),
      })
    : runDriftCheck('prediction', labelCounts(paired, champ.label, chal.label));
  const confidenceOf = (m: ModelRows, i: number) =>
    mapping.task === 'binary'
      ? Math.max(m.proba![0][i], 1 - m.proba![0][i])
      : Math.max(...m.proba!.map((a) => a[i]));
  const confidenceDistribution = bothProba
    ? runDriftCheck('confidence', {
        kind: 'numeric',
        reference: Float64Array.from(paired, (i) => confidenceOf(champ, i))
          .filter(Number.isFinite)
          .sort(),
        current: Float64Array.from(paired, (i) => confidenceOf(chal, i))
          .filter(Number.isFinite)
          .sort(),
      })
    : null;

  // Per-row disagreement and the rows where the models differ most.
  const gap = new Float64Array(table.rowCount).fill(Number.NaN);
  const disagree = new Float64Array(table.rowCount).fill(Number.NaN);
  for (const i of paired) {
    if (regression) {
      gap[i] = Math.abs(champ.value![i] - chal.value![i]);
      disagree[i] = gap[i];
    } else {
      disagree[i] = champ.label[i] === chal.label[i] ? 0 : 1;
      if (bothProba) {
        let l1 = 0;
        for (let k = 0; k < champ.proba!.length; k++) l1 += Math.abs(champ.proba![k][i] - chal.proba![k][i]);
        gap[i] = mapping.task === 'binary' ? l1 : l1 / 2;
      } else gap[i] = disagree[i];
    }
  }
  const disagreementRows: DisagreementRow[] = paired
    .filter((i) => gap[i] > 0)
    .sort((a, b) => gap[b] - gap[a] || a - b)
    .slice(0, ROWS_SHOWN)
    .map((row) => ({
      row,
      champion: regression ? champ.value![row] : champ.label[row],
      challenger: regression ? chal.value![row] : chal.label[row],
      gap: gap[row],
    }));
  const excluded = new Set(
    [
      mapping.target,
      mapping.prediction,
      mapping.id,
      challenger.prediction,
      ...(mapping.proba ?? []),
      ...(challenger.proba ?? []),
      ...(options.notInputs ?? []),
    ].filter((c): c is string => c !== null),
  );
  const features = disagreementFeatures(
    table.columns.filter((c) => !excluded.has(c.name)),
    paired,
    disagree,
    gap,
  );

  const result: ShadowResult = {
    challengerPrediction: challenger.prediction,
    challengerProba: challenger.proba,
    primaryMetric,
    alpha,
    verdict: null,
    agreement,
    n: paired.length,
    labelled: labelled.length,
    champion: Object.fromEntries(metricNames.map((m) => [m, null])),
    challenger: Object.fromEntries(metricNames.map((m) => [m, null])),
    difference: Object.fromEntries(metricNames.map((m) => [m, { value: null, ciLow: null, ciHigh: null }])),
    bootstrap: {
      resamples: requestedResamples ?? defaultResamples(labelled.length),
      seed,
      confidence: 1 - alpha,
    },
    mcnemar: null,
    wilcoxon: null,
    predictionDistribution,
    confidenceDistribution,
    disagreementRows,
    disagreementFeatures: features,
    notes,
  };
  if (labelled.length === 0) {
    notes.push(
      'No current row has a label yet: metrics, tests and the verdict need labels; agreement and distributions are shown.',
    );
    return result;
  }

  // Metrics of both models on the labelled paired rows, as functions of row weights.
  const n = labelled.length;
  result.bootstrap.resamples = requestedResamples ?? defaultResamples(n);
  let evaluate: (w: Float64Array) => {
    champion: Record<string, number | null>;
    challenger: Record<string, number | null>;
  };
  if (regression) {
    const y = Float64Array.from(labelled, (i) => targetValues[i]);
    const a = Float64Array.from(labelled, (i) => champ.value![i]);
    const b = Float64Array.from(labelled, (i) => chal.value![i]);
    evaluate = (w) => ({
      champion: weightedRegressionMetrics(y, a, w),
      challenger: weightedRegressionMetrics(y, b, w),
    });
    const diffs = Float64Array.from(labelled, (_, k) => Math.abs(a[k] - y[k]) - Math.abs(b[k] - y[k]));
    const test = wilcoxonSignedRank(diffs);
    result.wilcoxon =
      test === null ? null : { statistic: test.statistic, pValue: test.pValue, method: test.method };
    if (test === null)
      notes.push('Both models have the same absolute error on every row: Wilcoxon test not computed.');
  } else {
    const classes =
      mapping.task === 'binary'
        ? sortClassLabels([
            ...labelled.map((i) => targetLabels[i]!),
            ...labelled.flatMap((i) => [champ.label[i]!, chal.label[i]!]),
          ])
        : (mapping.probaClasses ??
          sortClassLabels(labelled.flatMap((i) => [targetLabels[i]!, champ.label[i]!, chal.label[i]!])));
    const index = new Map(classes.map((c, k) => [c, k]));
    const code = (labels: (string | null)[]) => Int32Array.from(labelled, (i) => index.get(labels[i]!) ?? -1);
    const truth = code(targetLabels);
    const pa = code(champ.label);
    const pb = code(chal.label);
    const posClass = mapping.task === 'binary' ? (index.get(mapping.posLabel!) ?? -1) : null;
    const aucSetup = (m: ModelRows) => {
      if (!bothProba) return null;
      if (mapping.task === 'binary') {
        const s = Float64Array.from(labelled, (i) => m.proba![0][i]);
        const pos = Uint8Array.from(labelled, (i) => (targetLabels[i] === mapping.posLabel ? 1 : 0));
        return [{ s, pos, order: ascending(s, [...s.keys()]) }];
      }
      return mapping.probaClasses!.map((c, k) => {
        const s = Float64Array.from(labelled, (i) => m.proba![k][i]);
        const pos = Uint8Array.from(labelled, (i) => (targetLabels[i] === c ? 1 : 0));
        return { s, pos, order: ascending(s, [...s.keys()]) };
      });
    };
    const aucA = aucSetup(champ);
    const aucB = aucSetup(chal);
    const auc = (setup: ReturnType<typeof aucSetup>, w: Float64Array): number | null => {
      if (setup === null) return null;
      const values = setup
        .map((c) => weightedRocAuc(c.pos, c.s, c.order, w))
        .filter((x): x is number => x !== null);
      return values.length === 0 ? null : values.reduce((s, x) => s + x, 0) / values.length;
    };
    evaluate = (w) => ({
      champion: {
        ...weightedLabelMetrics(truth, pa, classes.length, w, posClass),
        ...(bothProba && { rocAuc: auc(aucA, w) }),
      },
      challenger: {
        ...weightedLabelMetrics(truth, pb, classes.length, w, posClass),
        ...(bothProba && { rocAuc: auc(aucB, w) }),
      },
    });
    let b = 0;
    let c = 0;
    for (let k = 0; k < n; k++) {
      const rightA = truth[k] === pa[k];
      const rightB = truth[k] === pb[k];
      if (rightA && !rightB) b++;
      else if (!rightA && rightB) c++;
    }
    result.mcnemar = mcnemarExact(b, c);
    if (mapping.task === 'multiclass' && bothProba)
      notes.push(
        'Multiclass ROC AUC: the mean of the one-vs-rest AUCs of the classes present in the labels.',
      );
  }
  const ones = new Float64Array(n).fill(1);
  const full = evaluate(ones);
  for (const m of metricNames) {
    result.champion[m] = full.champion[m] ?? null;
    result.challenger[m] = full.challenger[m] ?? null;
  }
  const diffOf = (e: ReturnType<typeof evaluate>) =>
    metricNames.map((m) => {
      const a = e.champion[m];
      const b = e.challenger[m];
      return a == null || b == null ? null : b - a;
    });
  const intervals = pairedBootstrap(n, (w) => diffOf(evaluate(w)), {
    seed,
    resamples: result.bootstrap.resamples,
    confidence: 1 - alpha,
  });
  const point = diffOf(full);
  metricNames.forEach((m, k) => {
    result.difference[m] = {
      value: point[k],
      ciLow: intervals[k]?.low ?? null,
      ciHigh: intervals[k]?.high ?? null,
    };
  });
  const primary = result.difference[primaryMetric];
  if (primary.ciLow !== null && primary.ciHigh !== null) {
    let verdict: ShadowVerdict = 'no_significant_difference';
    const lower = LOWER_IS_BETTER.has(primaryMetric);
    if (primary.ciLow > 0) verdict = lower ? 'challenger_worse' : 'challenger_better';
    else if (primary.ciHigh < 0) verdict = lower ? 'challenger_better' : 'challenger_worse';
    result.verdict = verdict;
  } else notes.push(`The ${primaryMetric} difference has no interval: no verdict.`);
  return result;
}

function labelCounts(rows: number[], a: (string | null)[], b: (string | null)[]) {
  const labels = sortClassLabels(rows.flatMap((i) => [a[i]!, b[i]!]));
  const index = new Map(labels.map((l, k) => [l, k]));
  const reference = new Array<number>(labels.length).fill(0);
  const current = new Array<number>(labels.length).fill(0);
  for (const i of rows) {
    reference[index.get(a[i]!)!]++;
    current[index.get(b[i]!)!]++;
  }
  return { kind: 'categorical' as const, labels, reference, current };
}
