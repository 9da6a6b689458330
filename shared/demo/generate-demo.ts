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
 * Both files also log production (./production): a challenger model scored in shadow
 * (prediction_challenger, probability_challenger), the request's latency_ms and HTTP status_code (slower
 * and more 5xx from week 6 on), and in the current file labels that arrive three to five weeks after the
 * application, so `default` is empty for the latest third of the rows.
 *
 * Deterministic: the same seed gives byte-identical CSV text (own PRNG, no Math.random, fixed
 * iteration order). Reference, current and each production column draw from separate streams derived
 * from the seed.
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
import {
  CALM_SERVING,
  CHALLENGER_RECENT_ROWS,
  DRIFTED_SERVING,
  labelArrived,
  RECENT_SCENARIO,
  type ServingProfile,
  serveRequest,
} from './production';

export type { DemoModel } from './model';

/** The demo's timeline: one chunk per ISO week of application_date (twelve weeks, drift from week 6). */
export const DEMO_TIMELINE: TimelineSpec = {
  chunking: { kind: 'period', period: 'week', timeColumn: 'application_date' },
};

/** Rows in each of the reference and current sets. */
export const DEMO_ROWS = 5000;

/**
 * Columns in CSV order: features, then the target, the model's prediction and its probability, the
 * challenger's, and the serving log.
 */
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
  'prediction_challenger',
  'probability_challenger',
  'latency_ms',
  'status_code',
] as const;

export interface DemoData {
  /** Reference CSV text: header row, ',' delimiter, '\n' line ends, missing = empty cell. */
  reference: string;
  /** Current (production) CSV text, same columns; `default` is empty where the label has not arrived. */
  current: string;
  /** The logistic regression trained on the reference set that wrote prediction and probability. */
  model: DemoModel;
  /** The challenger: the same model retrained on the reference plus recent applicants (./production). */
  challenger: DemoModel;
  metrics: {
    /** Share of reference rows where prediction equals default. */
    referenceAccuracy: number;
    /** Share of the labelled current rows where prediction equals default. */
    currentAccuracy: number;
    /** Current rows whose label has arrived (a non-empty default). */
    currentLabelled: number;
  };
}

/** Offset mixed into the seed for the current set's stream (an arbitrary odd constant). */
const CURRENT_STREAM = 0x5bd1e995;
/** Offsets of the streams of the production log (serving, label arrival, the challenger's recent rows). */
const SERVING_STREAM = 0x27d4eb2f;
const LABEL_STREAM = 0x165667b1;
const RECENT_STREAM = 0x61c88647;

/**
 * Generates the demo.
 *
 * @example
 * const demo = generateDemo();
 * demo.reference.split('\n')[0]; // 'customer_id,age,income,...,default,prediction,probability,...'
 */
export function generateDemo(seed = 42): DemoData {
  const referenceRecords = generateLoans(new Rng(seed), DEMO_ROWS, REFERENCE_SCENARIO);
  const currentRecords = generateLoans(new Rng(seed ^ CURRENT_STREAM), DEMO_ROWS, CURRENT_SCENARIO);
  const recentRecords = generateLoans(new Rng(seed ^ RECENT_STREAM), CHALLENGER_RECENT_ROWS, RECENT_SCENARIO);
  const model = trainDemoModel(referenceRecords);
  const challenger = trainDemoModel([...referenceRecords, ...recentRecords]);
  const serving = new Rng(seed ^ SERVING_STREAM);
  const labels = new Rng(seed ^ LABEL_STREAM);
  const reference = scored(model, challenger, referenceRecords, {
    profile: () => CALM_SERVING,
    serving,
    labelled: () => true,
  });
  const current = scored(model, challenger, currentRecords, {
    profile: (r) => (currentDay(r) < CURRENT_SCENARIO.driftStartDay! ? CALM_SERVING : DRIFTED_SERVING),
    serving,
    labelled: (r) => labelArrived(labels, currentDay(r)),
  });
  return {
    reference: reference.csv,
    current: current.csv,
    model,
    challenger,
    metrics: {
      referenceAccuracy: reference.accuracy,
      currentAccuracy: current.accuracy,
      currentLabelled: current.labelled,
    },
  };
}

const DAY_MS = 86_400_000;
const CURRENT_START_MS = Date.parse(`${CURRENT_SCENARIO.dateStart}T00:00:00Z`);

/** A current row's day, 0-based from the current period's first day. */
function currentDay(r: LoanRecord): number {
  return Math.round((Date.parse(`${r.application_date}T00:00:00Z`) - CURRENT_START_MS) / DAY_MS);
}

interface ProductionLog {
  /** The serving profile of a row's period. */
  profile: (r: LoanRecord) => ServingProfile;
  serving: Rng;
  /** Whether a row's label has arrived (drawn in row order). */
  labelled: (r: LoanRecord) => boolean;
}

/** A set's CSV with both models' outputs, the serving columns and the labels that have arrived. */
function scored(
  model: DemoModel,
  challenger: DemoModel,
  records: readonly LoanRecord[],
  log: ProductionLog,
): { csv: string; accuracy: number; labelled: number } {
  let correct = 0;
  let labelledCount = 0;
  const rows: CsvCell[][] = records.map((r) => {
    const probability = predictProbability(model, r);
    const prediction = probability >= model.threshold ? 1 : 0;
    const challengerProbability = predictProbability(challenger, r);
    const challengerPrediction = challengerProbability >= challenger.threshold ? 1 : 0;
    const { latencyMs, statusCode } = serveRequest(log.serving, log.profile(r));
    const known = log.labelled(r);
    if (known) {
      labelledCount++;
      if (prediction === r.default) correct++;
    }
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
      known ? r.default : null,
      prediction,
      probability,
      challengerPrediction,
      challengerProbability,
      latencyMs,
      statusCode,
    ];
  });
  return { csv: toCsv(DEMO_COLUMNS, rows), accuracy: correct / labelledCount, labelled: labelledCount };
}
