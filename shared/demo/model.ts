/**
 * The demo's model: a logistic regression trained on the reference applicants only, on standardized
 * numeric columns (a missing employment_years filled with the reference median, plus a missing
 * indicator) and one-hot categories. A category never seen in training (current's "islands") gets all
 * one-hot indicators 0, as scikit-learn's `OneHotEncoder(handle_unknown="ignore")` does.
 */

import { EMPLOYMENT_TYPES, type LoanRecord, NUMERIC_COLUMNS, REGIONS, round } from './loan-default';
import { fitLogistic, sigmoid } from './logistic';

/** A numeric input: z = (value − mean) / std, a missing value replaced by `fill` first. */
export interface NumericFeature {
  column: keyof LoanRecord & string;
  mean: number;
  std: number;
  fill: number | null;
  weight: number;
}

/** A 0/1 input that is 1 when the cell's text equals `value` ('' = the cell is empty). */
export interface IndicatorFeature {
  column: keyof LoanRecord & string;
  value: string;
  weight: number;
}

export interface DemoModel {
  kind: 'logistic-regression';
  target: 'default';
  /** prediction = 1 when the written (4-decimal) probability is at least this. */
  threshold: number;
  /** L2 penalty used in fitting (never applied to the intercept). */
  l2: number;
  iterations: number;
  converged: boolean;
  intercept: number;
  numeric: NumericFeature[];
  indicators: IndicatorFeature[];
}

const INDICATORS: { column: keyof LoanRecord & string; value: string }[] = [
  { column: 'employment_years', value: '' },
  { column: 'has_mortgage', value: 'true' },
  ...REGIONS.map((value) => ({ column: 'region' as const, value })),
  ...EMPLOYMENT_TYPES.map((value) => ({ column: 'employment_type' as const, value })),
];

const L2 = 1;
const THRESHOLD = 0.5;

/** The CSV text of a record's cell, as the indicators compare it. */
function cellText(record: LoanRecord, column: keyof LoanRecord): string {
  const value = record[column];
  return value === null ? '' : String(value);
}

/**
 * Trains the demo model on the reference applicants.
 *
 * @throws RangeError when `records` is empty.
 */
export function trainDemoModel(records: readonly LoanRecord[]): DemoModel {
  if (records.length === 0) throw new RangeError('trainDemoModel: no records');
  const numeric: NumericFeature[] = NUMERIC_COLUMNS.map((column) => {
    const values: number[] = [];
    for (const r of records) {
      const v = r[column];
      if (v !== null) values.push(v);
    }
    values.sort((a, b) => a - b);
    const fill = column === 'employment_years' ? median(values) : null;
    const filled =
      fill === null ? values : [...values, ...new Array(records.length - values.length).fill(fill)];
    const mean = filled.reduce((s, v) => s + v, 0) / filled.length;
    const variance = filled.reduce((s, v) => s + (v - mean) ** 2, 0) / filled.length;
    return { column, mean, std: Math.sqrt(variance) || 1, fill, weight: 0 };
  });
  const indicators: IndicatorFeature[] = INDICATORS.map((f) => ({ ...f, weight: 0 }));
  const model: DemoModel = {
    kind: 'logistic-regression',
    target: 'default',
    threshold: THRESHOLD,
    l2: L2,
    iterations: 0,
    converged: false,
    intercept: 0,
    numeric,
    indicators,
  };

  const p = numeric.length + indicators.length;
  const x = new Float64Array(records.length * p);
  const y = new Uint8Array(records.length);
  records.forEach((r, i) => {
    encode(model, r, x, i * p);
    y[i] = r.default;
  });
  const fit = fitLogistic(x, y, p, { l2: L2 });
  model.intercept = fit.intercept;
  model.iterations = fit.iterations;
  model.converged = fit.converged;
  numeric.forEach((f, j) => {
    f.weight = fit.weights[j];
  });
  indicators.forEach((f, j) => {
    f.weight = fit.weights[numeric.length + j];
  });
  return model;
}

/** Writes a record's feature vector into `out` at `offset` (numeric features first, then indicators). */
function encode(model: DemoModel, r: LoanRecord, out: Float64Array, offset: number): void {
  let j = offset;
  for (const f of model.numeric) {
    const raw = r[f.column] as number | null;
    const v = raw === null ? (f.fill ?? f.mean) : raw;
    out[j++] = (v - f.mean) / f.std;
  }
  for (const f of model.indicators) out[j++] = cellText(r, f.column) === f.value ? 1 : 0;
}

/** The model's probability of default, rounded to the 4 decimals written to the CSV. */
export function predictProbability(model: DemoModel, r: LoanRecord): number {
  const features = new Float64Array(model.numeric.length + model.indicators.length);
  encode(model, r, features, 0);
  let t = model.intercept;
  model.numeric.forEach((f, j) => {
    t += f.weight * features[j];
  });
  model.indicators.forEach((f, j) => {
    t += f.weight * features[model.numeric.length + j];
  });
  return round(sigmoid(t), 4);
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
