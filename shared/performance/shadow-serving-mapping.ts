/**
 * Names of the challenger (shadow) model's columns and of the serving columns, detected like the
 * champion's (docs/shadow.md, docs/serving.md): for each champion column C (prediction and
 * probabilities), `C_challenger` or `shadow_C` (any case, '_', '-' or '.'); latency `latency_ms`,
 * `latency_s`, `latency`, `response_time_ms`, `duration_ms` (unit from the suffix, default ms); status
 * `status_code`, `http_status`, `status`, `error`, `is_error`.
 */
import type { LatencyUnit } from './serving-types';
import type { ChallengerColumns } from './shadow';
import type { ColumnMapping } from './types';

const LATENCY_NAMES: [string, LatencyUnit][] = [
  ['latency_ms', 'ms'],
  ['latency_s', 's'],
  ['latency', 'ms'],
  ['response_time_ms', 'ms'],
  ['response_time_s', 's'],
  ['duration_ms', 'ms'],
  ['duration_s', 's'],
];
const STATUS_NAMES = ['status_code', 'http_status', 'status', 'error', 'is_error'];

const norm = (name: string) => name.trim().toLowerCase().replace(/[-.]/g, '_');

/** The challenger column of champion column `champion`, or null. */
function challengerOf(names: readonly string[], champion: string): string | null {
  const c = norm(champion);
  return names.find((n) => norm(n) === `${c}_challenger` || norm(n) === `shadow_${c}`) ?? null;
}

/**
 * Challenger columns next to the champion's mapping; null when there is none. Overrides win.
 *
 * @example detectChallenger(['prediction', 'proba', 'prediction_challenger', 'proba_challenger'], mapping)
 * // { prediction: 'prediction_challenger', proba: ['proba_challenger'] }
 */
export function detectChallenger(
  names: readonly string[],
  mapping: ColumnMapping,
  override: { prediction?: string | null; proba?: string[] } = {},
): ChallengerColumns | null {
  const prediction =
    override.prediction !== undefined
      ? override.prediction
      : mapping.prediction === null
        ? null
        : challengerOf(names, mapping.prediction);
  let proba: string[] | null = override.proba ?? null;
  if (override.proba === undefined && mapping.proba !== null && mapping.task !== 'regression') {
    const found = mapping.proba.map((c) => challengerOf(names, c));
    proba = found.every((c): c is string => c !== null) ? found : null;
  }
  if (prediction === null && proba === null) return null;
  return { prediction, proba };
}

/**
 * Latency column (with its unit) and status column from the names; overrides win.
 *
 * @example detectServing(['x', 'latency_ms', 'status_code']) // { latency: { column: 'latency_ms', unit: 'ms' }, status: 'status_code' }
 */
export function detectServing(
  names: readonly string[],
  override: { latency?: string; latencyUnit?: LatencyUnit; status?: string } = {},
): { latency: { column: string; unit: LatencyUnit } | null; status: string | null } {
  let latency: { column: string; unit: LatencyUnit } | null = null;
  if (override.latency !== undefined)
    latency = { column: override.latency, unit: override.latencyUnit ?? 'ms' };
  else {
    for (const [candidate, unit] of LATENCY_NAMES) {
      const hit = names.find((n) => norm(n) === candidate);
      if (hit !== undefined) {
        latency = { column: hit, unit: override.latencyUnit ?? unit };
        break;
      }
    }
  }
  let status: string | null = override.status ?? null;
  if (override.status === undefined) {
    for (const candidate of STATUS_NAMES) {
      const hit = names.find((n) => norm(n) === candidate);
      if (hit !== undefined) {
        status = hit;
        break;
      }
    }
  }
  return { latency, status };
}
