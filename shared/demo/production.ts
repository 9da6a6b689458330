/**
 * What the demo's production log adds to the applicants: how each request was served (latency and
 * HTTP status), a challenger model scored in shadow next to the champion, and labels that arrive
 * weeks after the application, so the current file is labelled only up to a point. Every draw here
 * comes from its own stream, so the applicants and the champion's outputs are the same with or
 * without these columns.
 */
import { CURRENT_SCENARIO, type LoanScenario } from './loan-default';
import type { Rng } from './prng';

/**
 * The challenger's extra training rows: applicants of the new population (the current scenario
 * without its calm first weeks), drawn from their own stream, never the current file's rows. The
 * challenger is the champion's logistic regression retrained on the reference plus these: it has
 * partly learned the changed debt_to_income relation, so it is a little better than the champion
 * once the concept drift starts and a little worse before.
 */
export const RECENT_SCENARIO: LoanScenario = {
  ...CURRENT_SCENARIO,
  firstCustomer: 900001,
  driftStartDay: undefined,
  calm: undefined,
};

/** Rows of the recent population added to the reference for the challenger's training. */
export const CHALLENGER_RECENT_ROWS = 600;

/**
 * Serving in one period: latency_ms is log-normal, exp(N(ln median, sigma)), so its p95 is
 * median · e^(1.645 sigma); status is 200 unless the request failed (5xx, `serverErrors`) or was
 * refused (4xx, `clientErrors`).
 */
export interface ServingProfile {
  medianMs: number;
  sigma: number;
  /** Share of 5xx responses (the errors serving health counts). */
  serverErrors: number;
  /** Share of 4xx responses (served: the client's request was wrong). */
  clientErrors: number;
}

/** Reference, and the current weeks before the drift: median 40 ms, p95 ≈ 89 ms, 0.6 % 5xx. */
export const CALM_SERVING: ServingProfile = {
  medianMs: 40,
  sigma: 0.49,
  serverErrors: 0.006,
  clientErrors: 0.02,
};

/**
 * From week 6 on (with the new product: larger loans go through an extra affordability check):
 * median 54 ms, p95 ≈ 134 ms, 1.9 % 5xx (mostly 503 and 504 from the check's time-outs).
 */
export const DRIFTED_SERVING: ServingProfile = {
  medianMs: 54,
  sigma: 0.55,
  serverErrors: 0.019,
  clientErrors: 0.02,
};

const CLIENT_CODES = [400, 404, 409, 422, 429] as const;
const CLIENT_WEIGHTS = [0.35, 0.1, 0.05, 0.35, 0.15];
const SERVER_CODES = [500, 502, 503, 504] as const;
const SERVER_WEIGHTS = [0.25, 0.1, 0.35, 0.3];

/** One request's latency (ms, 2 decimals) and HTTP status code. */
export function serveRequest(rng: Rng, profile: ServingProfile): { latencyMs: number; statusCode: number } {
  const latencyMs =
    Math.round(Math.exp(Math.log(profile.medianMs) + profile.sigma * rng.normal()) * 100) / 100;
  const u = rng.uniform();
  let statusCode = 200;
  if (u < profile.serverErrors) statusCode = SERVER_CODES[rng.pick(SERVER_WEIGHTS)];
  else if (u < profile.serverErrors + profile.clientErrors)
    statusCode = CLIENT_CODES[rng.pick(CLIENT_WEIGHTS)];
  return { latencyMs, statusCode };
}

/**
 * Labels arrive late: a default is known 21 to 35 days (uniform) after the application, and the current
 * file is read on day `LABELS_AS_OF_DAY` (2024-08-26, the Monday after the twelfth week). So every row of
 * weeks 1-7 has its label, week 8 about three quarters, week 9 about a quarter, weeks 10-12 none: a third
 * of the rows in all.
 */
export const LABEL_DELAY_DAYS = { min: 21, max: 35 } as const;
export const LABELS_AS_OF_DAY = 84;

/** Whether the label of a row dated `day` (0-based from the current period's start) has arrived. */
export function labelArrived(rng: Rng, day: number): boolean {
  const delay = LABEL_DELAY_DAYS.min + rng.int(LABEL_DELAY_DAYS.max - LABEL_DELAY_DAYS.min + 1);
  return day + delay < LABELS_AS_OF_DAY;
}
