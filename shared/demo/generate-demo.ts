/**
 * The built-in demo: a loan-default problem with a reference set (what the model was trained on) and
 * a current set (production), both as CSV text, plus the model and its accuracy on each.
 *
 * The current set covers twelve weeks (application_date, in file order, Monday 2024-06-03 to Sunday
 * 2024-08-25); weeks 1-5 are drawn from the reference population and the drifts below start in week 6,
 * so a weekly timeline shows when they began. Drifts built in (see `CURRENT_SCENARIO` in ./loan-default
 * for each one's reason):
 * - income shifted down (× 0.82) and loan_amount rescaled (× 1.4), which moves debt_to_income up;
 * - a new region category, "islands", and changed region frequencies;
 * - more missing employment_years (3 % → 15 % of employed applicants);
 * - application_date in a later period (a datetime column: the time axis, not drift-tested);
 * - customer_id ranges that never overlap (an id column: not tested);
 * - concept drift: the effect of debt_to_income on default is reversed, so the model's accuracy falls
 *   (and default, prediction and probability drift too).
 * Unchanged on purpose, as controls: age, credit_score's relation to income, employment_type,
 * has_mortgage.
 *
 * Deterministic: the same seed gives byte-identical CSV text (own PRNG, no Math.random, fixed
 * iteration order). Reference and current draw from separate streams derived from the seed.
 */
import type { TimelineSpec } from '../timeline/analyze-timeline';
import { type CsvCell, toCsv } from './csv';
import {
  CURRENT_SCENARIO,
  generateLoans,
  type LoanRecord,
  NUMERIC_COLUMNS,
  REFERENCE_SCENARIO,
} from './loan-default';
import { type DemoModel, predictProbability, trainDemoModel } from './model';
import { Rng } from './prng';

export type { DemoModel } from './model';

/** The demo's timeline: one chunk per ISO week of application_date (twelve weeks, drift from week 6). */
export const DEMO_TIMELINE: TimelineSpec = {
  chunking: { kind: 'period', period: 'week', timeColumn: 'application_date' },
};

/** Rows in each of the reference and current sets. */
export const DEMO_ROWS = 5000;

/** Columns in CSV order: features, then the target, the model's prediction and its probability. */
export const DEMO_COLUMNS = [
  'customer_id',
  ...NUMERIC_COLUMNS,
  'region',
  'employment_type',
  'has_mortgage',
  'application_date',
  'default',
  'prediction',
  'probability',
] as const;

export interface DemoData {
  /** Reference CSV text: header row, ',' delimiter, '\n' line ends, missing = empty cell. */
  reference: string;
  /** Current (production) CSV text, same columns. */
  current: string;
  /** The logistic regression trained on the reference set that wrote prediction and probability. */
  model: DemoModel;
  metrics: {
    /** Share of reference rows where prediction equals default. */
    referenceAccuracy: number;
    /** Share of current rows where prediction equals default. */
    currentAccuracy: number;
  };
}

/** Offset mixed into the seed for the current set's stream (an arbitrary odd constant). */
const CURRENT_STREAM = 0x5bd1e995;

/**
 * Generates the demo.
 *
 * @example
 * const demo = generateDemo();
 * demo.reference.split('\n')[0]; // 'customer_id,age,income,...,default,prediction,probability'
 */
export function generateDemo(seed = 42): DemoData {
  const referenceRecords = generateLoans(new Rng(seed), DEMO_ROWS, REFERENCE_SCENARIO);
  const currentRecords = generateLoans(new Rng(seed ^ CURRENT_STREAM), DEMO_ROWS, CURRENT_SCENARIO);
  const model = trainDemoModel(referenceRecords);
  const reference = scored(model, referenceRecords);
  const current = scored(model, currentRecords);
  return {
    reference: reference.csv,
    current: current.csv,
    model,
    metrics: { referenceAccuracy: reference.accuracy, currentAccuracy: current.accuracy },
  };
}

function scored(model: DemoModel, records: readonly LoanRecord[]): { csv: string; accuracy: number } {
  let correct = 0;
  const rows: CsvCell[][] = records.map((r) => {
    const probability = predictProbability(model, r);
    const prediction = probability >= model.threshold ? 1 : 0;
    if (prediction === r.default) correct++;
    return [
      r.customer_id,
      r.age,
      r.income,
      r.credit_score,
      r.loan_amount,
      r.employment_years,
      r.debt_to_income,
      r.num_open_accounts,
      r.region,
      r.employment_type,
      r.has_mortgage ? 'true' : 'false',
      r.application_date,
      r.default,
      prediction,
      probability,
    ];
  });
  return { csv: toCsv(DEMO_COLUMNS, rows), accuracy: correct / records.length };
}
