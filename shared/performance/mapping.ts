/**
 * Column mapping for model quality: which columns are the target, the prediction, the probabilities
 * and the row ID, which task it is and which class is positive. Detected from common column names,
 * refined by the values when a table is given. Domain outcome names (default, churn, fraud, ...) are
 * taken as the target only when no generic name is present and the column has at most two values.
 */
import type { ColumnarTable } from '../table/columnar';
import { isIdLikeName } from '../table/infer-type';
import { canonicalLabel, rowLabels, rowNumbers, sortClassLabels } from './labels';
import type { ColumnMapping, Task } from './types';

const TARGET_NAMES = ['target', 'label', 'y', 'y_true', 'actual', 'class', 'outcome'];
/** Binary outcome names common in tabular problems, accepted only for a column with ≤ 2 distinct values. */
const BINARY_OUTCOME_NAMES = [
  'default',
  'defaulted',
  'churn',
  'churned',
  'fraud',
  'is_fraud',
  'survived',
  'converted',
];
const PREDICTION_NAMES = ['prediction', 'pred', 'y_pred', 'predicted'];
const PROBA_NAMES = ['probability', 'proba', 'prob', 'score', 'y_proba', 'y_score'];
/** `proba_<class>`, `prob_<class>`, `probability_<class>`, `score_<class>` (also with '-' or '.'). */
const PER_CLASS_PROBA = /^(?:probability|proba|prob|score)[_.-](.+)$/i;

/** Integer-valued numeric targets with more distinct values than this are regression targets. */
export const MAX_CLASSES = 20;

function findName(names: readonly string[], candidates: readonly string[]): string | null {
  for (const candidate of candidates) {
    const hit = names.find((n) => n.trim().toLowerCase() === candidate);
    if (hit !== undefined) return hit;
  }
  return null;
}

/**
 * The class of each per-class probability column (`proba_setosa` → "setosa"), or null when a name has
 * no recognised prefix.
 *
 * @example probaClassesOf(['proba_0', 'proba_1']) // ['0', '1']
 */
export function probaClassesOf(names: readonly string[]): string[] | null {
  const out: string[] = [];
  for (const name of names) {
    const m = PER_CLASS_PROBA.exec(name.trim());
    if (m === null) return null;
    out.push(canonicalLabel(m[1]));
  }
  return out;
}

/**
 * Positive label of a binary task: "1", else "true" or "yes" (any case), else the larger of the sorted
 * labels (sklearn's default for {0, 1} and {-1, 1}).
 *
 * @example choosePosLabel(['no', 'yes']) // 'yes'
 * @example choosePosLabel(['bad', 'good']) // 'good'
 */
export function choosePosLabel(labels: readonly string[]): string | null {
  if (labels.length === 0) return null;
  if (labels.includes('1')) return '1';
  for (const word of ['true', 'yes']) {
    const hit = labels.find((l) => l.toLowerCase() === word);
    if (hit !== undefined) return hit;
  }
  const sorted = sortClassLabels(labels);
  return sorted[sorted.length - 1];
}

/**
 * Task from a target column's values: text labels → binary (≤ 2 distinct) or multiclass; numbers that
 * are all integers with at most 20 distinct values → binary or multiclass; other numbers → regression.
 *
 * @example inferTask(table, 'target') // 'binary'
 */
export function inferTask(table: ColumnarTable, column: string): Task {
  const col = table.columns.find((c) => c.name === column);
  if (col === undefined) throw new RangeError(`inferTask: ${table.fileName} has no column "${column}"`);
  const numbers = rowNumbers(col);
  const labels = rowLabels(col);
  let allNumbers = true;
  let integers = true;
  const distinct = new Set<string>();
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l === null) continue;
    distinct.add(l);
    const x = numbers[i];
    if (Number.isNaN(x)) allNumbers = false;
    else if (!Number.isInteger(x)) integers = false;
  }
  if (allNumbers && distinct.size > 0 && (!integers || distinct.size > MAX_CLASSES)) return 'regression';
  return distinct.size <= 2 ? 'binary' : 'multiclass';
}

/** Distinct labels of the named columns that exist in the table. */
function labelsOf(table: ColumnarTable, names: (string | null)[]): string[] {
  const set = new Set<string>();
  for (const name of names) {
    const col = name === null ? undefined : table.columns.find((c) => c.name === name);
    if (col === undefined) continue;
    for (const l of rowLabels(col)) if (l !== null) set.add(l);
  }
  return [...set];
}

/**
 * Detects the mapping from column names: target among target/label/y/y_true/actual/class/outcome,
 * prediction among prediction/pred/y_pred/predicted, one probability column (probability/proba/prob/
 * score) or one per class (`proba_<class>`), ID = the first ID-like name. With a `table` (the reference)
 * the task and posLabel come from the target's values; without one, from the probability columns
 * (several per-class → multiclass, one → binary, none → regression). `override` wins field by field.
 *
 * @example detectMapping(['x', 'label', 'pred', 'proba']).target // 'label'
 */
export function detectMapping(
  columnNames: readonly string[],
  options: { table?: ColumnarTable; override?: Partial<ColumnMapping> } = {},
): ColumnMapping {
  const override = options.override ?? {};
  const target =
    override.target !== undefined
      ? override.target
      : (findName(columnNames, TARGET_NAMES) ?? binaryOutcome(columnNames, options.table));
  const prediction =
    override.prediction !== undefined ? override.prediction : findName(columnNames, PREDICTION_NAMES);
  const single = findName(columnNames, PROBA_NAMES);
  const perClass = columnNames.filter((n) => PER_CLASS_PROBA.test(n.trim()));
  let proba: string[] | null =
    override.proba !== undefined
      ? override.proba
      : single !== null
        ? [single]
        : perClass.length > 0
          ? perClass
          : null;
  const id = override.id !== undefined ? override.id : (columnNames.find((n) => isIdLikeName(n)) ?? null);

  let task: Task;
  if (override.task !== undefined) task = override.task;
  else if (options.table !== undefined && target !== null && columnNames.includes(target)) {
    task = inferTask(options.table, target);
  } else if (proba !== null) task = proba.length > 2 ? 'multiclass' : 'binary';
  else task = 'regression';

  let probaClasses =
    override.probaClasses ?? (proba !== null && proba.length > 1 ? probaClassesOf(proba) : null);
  let posLabel: string | null = null;
  if (task === 'binary') {
    const labels = options.table ? labelsOf(options.table, [target, prediction]) : [];
    if (labels.length === 0 && probaClasses !== null) labels.push(...probaClasses);
    posLabel =
      override.posLabel != null ? canonicalLabel(override.posLabel) : (choosePosLabel(labels) ?? '1');
    if (proba !== null && proba.length > 1 && probaClasses !== null) {
      // Two per-class columns: keep the positive class's one (P(posLabel)).
      const k = probaClasses.indexOf(posLabel);
      proba = k >= 0 ? [proba[k]] : proba;
      probaClasses = null;
    }
  }
  if (task === 'regression') {
    proba = override.proba ?? null;
    probaClasses = null;
  }
  return { task, target, prediction, proba, probaClasses, posLabel, id };
}

/** A domain outcome column (see BINARY_OUTCOME_NAMES) with at most two distinct values, or null. */
function binaryOutcome(columnNames: readonly string[], table: ColumnarTable | undefined): string | null {
  const name = findName(columnNames, BINARY_OUTCOME_NAMES);
  if (name === null || table === undefined) return null;
  const column = table.columns.find((c) => c.name === name);
  if (column === undefined) return null;
  const distinct = new Set(rowLabels(column).filter((label): label is string => label !== null));
  return distinct.size >= 1 && distinct.size <= 2 ? name : null;
}
