/**
 * The drift a simulation injects (`driftscope simulate --drift SPEC`), parsed from one short string per change:
 *   shift:COL:DELTA        add DELTA to a numeric column; `0.5sd` means half the reference's standard deviation
 *   scale:COL:FACTOR       multiply a numeric column by FACTOR
 *   reweight:COL:A=W,B=W   draw the column's categories with these relative weights (others keep weight 1)
 *   new-category:COL:NAME:SHARE  replace a SHARE of the column's cells by a category the reference never had
 *   missing:COL:SHARE      empty a SHARE of the column's cells
 *   break:COL              shuffle COL across the batch's rows: its own distribution stays, its relation to the
 *                          target and the other columns is broken (concept drift)
 *   degrade:COL:SHARE      replace a SHARE of the prediction column COL by another row's prediction
 * Each may end with `@K`: the change starts at batch K (1-based) instead of `--drift-from`.
 */

export type DriftChange =
  | { kind: 'shift'; column: string; delta: number; unit: 'value' | 'sd' }
  | { kind: 'scale'; column: string; factor: number }
  | { kind: 'reweight'; column: string; weights: Record<string, number> }
  | { kind: 'new-category'; column: string; category: string; share: number }
  | { kind: 'missing'; column: string; share: number }
  | { kind: 'break'; column: string }
  | { kind: 'degrade'; column: string; share: number };

export type DriftSpec = DriftChange & { fromBatch: number | null };

export const DRIFT_KINDS = [
  'shift',
  'scale',
  'reweight',
  'new-category',
  'missing',
  'break',
  'degrade',
] as const;

/** A spec that cannot be read; the message says what is expected. */
export class DriftSpecError extends Error {}

function share(text: string | undefined, spec: string): number {
  const x = Number(text);
  if (text === undefined || text.trim() === '' || !(x >= 0 && x <= 1)) {
    throw new DriftSpecError(`--drift ${spec}: the share must be a number in [0, 1], got "${text ?? ''}"`);
  }
  return x;
}

function finite(text: string | undefined, what: string, spec: string): number {
  const x = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(x)) {
    throw new DriftSpecError(`--drift ${spec}: ${what} must be a number, got "${text ?? ''}"`);
  }
  return x;
}

/**
 * @throws {DriftSpecError} naming the spec and what is wrong.
 * @example parseDriftSpec('shift:income:0.5sd@3') // { kind: 'shift', column: 'income', delta: 0.5, unit: 'sd', fromBatch: 3 }
 */
export function parseDriftSpec(spec: string): DriftSpec {
  let body = spec.trim();
  let fromBatch: number | null = null;
  const at = body.lastIndexOf('@');
  if (at > 0) {
    const k = Number(body.slice(at + 1));
    if (!(Number.isInteger(k) && k >= 1))
      throw new DriftSpecError(`--drift ${spec}: @K must be a batch number ≥ 1, got "${body.slice(at + 1)}"`);
    fromBatch = k;
    body = body.slice(0, at);
  }
  const [kind, column, ...args] = body.split(':');
  if (!(DRIFT_KINDS as readonly string[]).includes(kind)) {
    throw new DriftSpecError(`--drift ${spec}: unknown change "${kind}"; one of ${DRIFT_KINDS.join(', ')}`);
  }
  if (!column) throw new DriftSpecError(`--drift ${spec}: name the column (${kind}:COLUMN:...)`);
  const change = ((): DriftChange => {
    switch (kind) {
      case 'shift': {
        const raw = args.join(':');
        const sd = /sd$/i.test(raw.trim());
        return {
          kind,
          column,
          delta: finite(sd ? raw.trim().slice(0, -2) : raw, 'the shift', spec),
          unit: sd ? 'sd' : 'value',
        };
      }
      case 'scale':
        return { kind, column, factor: finite(args[0], 'the factor', spec) };
      case 'reweight': {
        const weights: Record<string, number> = {};
        for (const pair of args.join(':').split(',')) {
          const eq = pair.lastIndexOf('=');
          const w = Number(pair.slice(eq + 1));
          if (eq <= 0 || !(w >= 0 && Number.isFinite(w)))
            throw new DriftSpecError(
              `--drift ${spec}: weights are CATEGORY=WEIGHT pairs (weight ≥ 0), got "${pair}"`,
            );
          weights[pair.slice(0, eq)] = w;
        }
        return { kind, column, weights };
      }
      case 'new-category':
        if (!args[0])
          throw new DriftSpecError(`--drift ${spec}: name the new category (new-category:COL:NAME:SHARE)`);
        return { kind, column, category: args[0], share: share(args[1], spec) };
      case 'missing':
        return { kind, column, share: share(args[0], spec) };
      case 'break':
        return { kind, column };
      default:
        return { kind: 'degrade', column, share: share(args[0], spec) };
    }
  })();
  return { ...change, fromBatch };
}
