/**
 * Reading a profile from JSON text with a message naming the JSON path of the first bad field, so that a
 * hand-edited or truncated profile, or one written by another tool, is refused clearly. Pure.
 */

import { canonicalLabel } from '../drift/column-pair';
import type { SketchData } from './ddsketch';
import { profileColumnType } from './profile-column-type';
import { PROFILE_FORMAT, PROFILE_VERSION, type Profile, type ProfileColumn } from './types';

/** A profile that is not valid; `path` is the JSON path of the bad field ("$.columns[2].count"). */
export class ProfileFormatError extends Error {
  override name = 'ProfileFormatError';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${path}: ${message}`);
  }
}

/** Whether a parsed JSON value announces itself as a Driftscope profile (its `format` field). */
export function isProfileJson(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && (value as { format?: unknown }).format === PROFILE_FORMAT
  );
}

type Obj = Record<string, unknown>;

function object(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ProfileFormatError('must be an object', path);
  return value as Obj;
}

function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new ProfileFormatError(`must be a count (an integer ≥ 0), got ${JSON.stringify(value)}`, path);
  return value;
}

function finite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ProfileFormatError(`must be a finite number, got ${JSON.stringify(value)}`, path);
  return value;
}

function finiteOrNull(value: unknown, path: string): number | null {
  return value === null ? null : finite(value, path);
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ProfileFormatError('must be an array', path);
  return value;
}

function pairs<K>(value: unknown, path: string, key: (v: unknown, p: string) => K): [K, number][] {
  return array(value, path).map((entry, i) => {
    const p = `${path}[${i}]`;
    const pair = array(entry, p);
    if (pair.length !== 2) throw new ProfileFormatError('must be a [key, count] pair', p);
    return [key(pair[0], `${p}[0]`), count(pair[1], `${p}[1]`)];
  });
}

function integer(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new ProfileFormatError(`must be an integer bucket index, got ${JSON.stringify(value)}`, path);
  return value;
}

function sketch(value: unknown, path: string, alpha: number): SketchData {
  const o = object(value, path);
  const relativeAccuracy = finite(o.relativeAccuracy, `${path}.relativeAccuracy`);
  if (relativeAccuracy !== alpha)
    throw new ProfileFormatError(
      `must equal the profile's relativeAccuracy ${alpha}`,
      `${path}.relativeAccuracy`,
    );
  return {
    relativeAccuracy,
    zeroCount: count(o.zeroCount, `${path}.zeroCount`),
    positive: pairs(o.positive, `${path}.positive`, integer),
    negative: pairs(o.negative, `${path}.negative`, integer),
  };
}

function column(value: unknown, path: string, alpha: number): ProfileColumn {
  const o = object(value, path);
  if (typeof o.name !== 'string') throw new ProfileFormatError('must be a string', `${path}.name`);
  const name = o.name;
  if (o.kind === 'categorical') {
    const base = {
      name,
      kind: 'categorical' as const,
      count: count(o.count, `${path}.count`),
      missing: count(o.missing, `${path}.missing`),
      categories: pairs(o.categories, `${path}.categories`, (v, p) => {
        if (typeof v !== 'string') throw new ProfileFormatError('must be a string label', p);
        return v;
      }),
    };
    // Labels in Driftscope's canonical form ("1.0" and "1" are one category), as a table's profile has them.
    const canonical = new Map<string, number>();
    for (const [label, k] of base.categories) {
      const key = canonicalLabel(label);
      canonical.set(key, (canonical.get(key) ?? 0) + k);
    }
    base.categories = [...canonical.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const total = base.categories.reduce((a, [, c]) => a + c, 0);
    if (total !== base.count)
      throw new ProfileFormatError(
        `the categories add up to ${total}, not count ${base.count}`,
        `${path}.categories`,
      );
    return { ...base, type: profileColumnType(base) };
  }
  if (o.kind !== 'numeric')
    throw new ProfileFormatError(
      `must be "numeric" or "categorical", got ${JSON.stringify(o.kind)}`,
      `${path}.kind`,
    );
  const counts = {
    count: count(o.count, `${path}.count`),
    missing: count(o.missing, `${path}.missing`),
    invalid: count(o.invalid, `${path}.invalid`),
  };
  if (typeof o.integers !== 'boolean')
    throw new ProfileFormatError('must be true or false', `${path}.integers`);
  const base = {
    name,
    kind: 'numeric' as const,
    ...counts,
    integers: o.integers,
    min: finiteOrNull(o.min, `${path}.min`),
    max: finiteOrNull(o.max, `${path}.max`),
    sum: finite(o.sum, `${path}.sum`),
    sumSquares: finite(o.sumSquares, `${path}.sumSquares`),
    values: o.values === null ? null : pairs(o.values, `${path}.values`, finite),
    sketch: sketch(o.sketch, `${path}.sketch`, alpha),
  };
  const s = base.sketch;
  const inSketch = s.zeroCount + [...s.positive, ...s.negative].reduce((a, [, c]) => a + c, 0);
  if (inSketch !== base.count)
    throw new ProfileFormatError(
      `the sketch holds ${inSketch} values, not count ${base.count}`,
      `${path}.sketch`,
    );
  if ((base.min === null) !== (base.count === 0))
    throw new ProfileFormatError('must be null exactly when count is 0', `${path}.min`);
  return { ...base, type: profileColumnType(base) };
}

/** A profile from parsed JSON, checked field by field. @throws {ProfileFormatError} */
export function parseProfile(value: unknown): Profile {
  const o = object(value, '$');
  if (o.format !== PROFILE_FORMAT)
    throw new ProfileFormatError(`must be "${PROFILE_FORMAT}", got ${JSON.stringify(o.format)}`, '$.format');
  if (o.version !== PROFILE_VERSION)
    throw new ProfileFormatError(
      `must be ${PROFILE_VERSION} (this Driftscope reads profile version ${PROFILE_VERSION}), got ${JSON.stringify(o.version)}`,
      '$.version',
    );
  const alpha = finite(o.relativeAccuracy, '$.relativeAccuracy');
  if (!(alpha > 0 && alpha < 1)) throw new ProfileFormatError('must be in (0, 1)', '$.relativeAccuracy');
  const sources = array(o.sources, '$.sources').map((s, i) => {
    if (typeof s !== 'string') throw new ProfileFormatError('must be a string', `$.sources[${i}]`);
    return s;
  });
  return {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    relativeAccuracy: alpha,
    rows: count(o.rows, '$.rows'),
    sources,
    columns: array(o.columns, '$.columns').map((c, i) => column(c, `$.columns[${i}]`, alpha)),
  };
}
