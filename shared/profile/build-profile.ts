/**
 * Building a profile from a ColumnarTable (or from row chunks, one table each), merging two profiles, and
 * the drift type of a profiled column. Pure: no Node import.
 */
import { canonicalLabel } from '../drift/column-pair';
import type { ColumnarTable, NumberColumn, StringColumn } from '../table/columnar';
import { isIdLikeName, looksLikeDate, MAX_INTEGER_CATEGORIES } from '../table/infer-type';
import type { ColumnType } from '../types';
import { DDSketch, DEFAULT_RELATIVE_ACCURACY, mergeSketches } from './ddsketch';
import {
  type CategoricalProfileColumn,
  EXACT_VALUES_MAX,
  type NumericProfileColumn,
  PROFILE_FORMAT,
  PROFILE_VERSION,
  type Profile,
  type ProfileColumn,
} from './types';

/** A merge that cannot be made (different columns, kinds or accuracies); the message says which. */
export class ProfileMergeError extends Error {
  override name = 'ProfileMergeError';
}

/**
 * The drift type of a profiled column, by the rules of `inferColumnType` (shared/table/infer-type.ts)
 * applied to the counts. Differences, both documented in docs/profiles.md: a numeric column with more than
 * EXACT_VALUES_MAX distinct values is never 'id' (the profile cannot tell that every value is distinct),
 * and the 200 labels sampled for the date check are taken in label order, not in order of appearance.
 */
export function profileColumnType(
  column: Omit<ProfileColumn, 'type'> & { kind: ProfileColumn['kind'] },
): ColumnType {
  if (column.kind === 'numeric') {
    const c = column as NumericProfileColumn;
    if (c.count === 0) return 'numerical';
    const distinct = c.values === null ? Number.POSITIVE_INFINITY : c.values.length;
    if (c.integers && isIdLikeName(c.name) && distinct === c.count && distinct > MAX_INTEGER_CATEGORIES)
      return 'id';
    return c.integers && distinct <= MAX_INTEGER_CATEGORIES ? 'categorical' : 'numerical';
  }
  const c = column as CategoricalProfileColumn;
  const present = c.categories.map(([label]) => label);
  if (present.length === 0) return 'categorical';
  if (present.every((v) => /^(true|false)$/i.test(v))) return 'categorical';
  const sample =
    present.length > 200 ? present.filter((_, i) => i % Math.ceil(present.length / 200) === 0) : present;
  if (sample.filter(looksLikeDate).length >= 0.95 * sample.length) return 'datetime';
  if (isIdLikeName(c.name) && present.length === c.count) return 'id';
  return present.length > 0.5 * c.count ? 'text' : 'categorical';
}

function sortedPairs<K extends number | string>(map: Map<K, number>): [K, number][] {
  return [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function numericColumn(column: NumberColumn, alpha: number): NumericProfileColumn {
  const sketch = new DDSketch(alpha);
  const values = new Map<number, number>();
  let exact = true;
  let count = 0;
  let nan = 0;
  let integers = true;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < column.values.length; i++) {
    const x = column.values[i];
    if (Number.isNaN(x)) {
      nan++;
      continue;
    }
    count++;
    if (integers && !Number.isInteger(x)) integers = false;
    if (x < min) min = x;
    if (x > max) max = x;
    sum += x;
    sumSquares += x * x;
    sketch.add(x);
    if (exact) {
      values.set(x, (values.get(x) ?? 0) + 1);
      if (values.size > EXACT_VALUES_MAX) exact = false;
    }
  }
  const base = {
    name: column.name,
    kind: 'numeric' as const,
    count,
    missing: nan - column.invalidCount,
    invalid: column.invalidCount,
    integers,
    min: count > 0 ? min : null,
    max: count > 0 ? max : null,
    sum,
    sumSquares,
    values: exact ? sortedPairs(values) : null,
    sketch: sketch.toData(),
  };
  return { ...base, type: profileColumnType(base) };
}

function categoricalColumn(column: StringColumn): CategoricalProfileColumn {
  const codeCounts = new Float64Array(column.dictionary.length);
  let missing = 0;
  for (let i = 0; i < column.codes.length; i++) {
    const code = column.codes[i];
    if (code < 0) missing++;
    else codeCounts[code]++;
  }
  const counts = new Map<string, number>();
  let count = 0;
  for (let code = 0; code < codeCounts.length; code++) {
    if (codeCounts[code] === 0) continue;
    const label = canonicalLabel(column.dictionary[code]);
    counts.set(label, (counts.get(label) ?? 0) + codeCounts[code]);
    count += codeCounts[code];
  }
  const base = {
    name: column.name,
    kind: 'categorical' as const,
    count,
    missing,
    categories: sortedPairs(counts),
  };
  return { ...base, type: profileColumnType(base) };
}

/** The profile of one table (a whole file, or one chunk of rows). */
export function profileTable(table: ColumnarTable, relativeAccuracy = DEFAULT_RELATIVE_ACCURACY): Profile {
  return {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    relativeAccuracy,
    rows: table.rowCount,
    sources: [table.fileName],
    columns: table.columns.map((c) =>
      c.storage === 'number' ? numericColumn(c, relativeAccuracy) : categoricalColumn(c),
    ),
  };
}

function addPairs<K extends number | string>(a: [K, number][], b: [K, number][]): [K, number][] {
  const map = new Map<K, number>(a);
  for (const [k, c] of b) map.set(k, (map.get(k) ?? 0) + c);
  return sortedPairs(map);
}

function mergeColumn(a: ProfileColumn, b: ProfileColumn, alpha: number): ProfileColumn {
  if (a.kind !== b.kind)
    throw new ProfileMergeError(
      `column "${a.name}" is ${a.kind === 'numeric' ? 'numbers' : 'text'} in one profile and ${b.kind === 'numeric' ? 'numbers' : 'text'} in the other`,
    );
  if (a.kind === 'categorical' && b.kind === 'categorical') {
    const base = {
      name: a.name,
      kind: 'categorical' as const,
      count: a.count + b.count,
      missing: a.missing + b.missing,
      categories: addPairs(a.categories, b.categories),
    };
    return { ...base, type: profileColumnType(base) };
  }
  const x = a as NumericProfileColumn;
  const y = b as NumericProfileColumn;
  const values = x.values !== null && y.values !== null ? addPairs(x.values, y.values) : null;
  let sketch: NumericProfileColumn['sketch'];
  try {
    sketch = mergeSketches(x.sketch, y.sketch);
  } catch (error) {
    throw new ProfileMergeError(`column "${a.name}": ${(error as Error).message}`);
  }
  if (sketch.relativeAccuracy !== alpha)
    throw new ProfileMergeError(
      `column "${a.name}": its sketch's relative accuracy is not the profile's ${alpha}`,
    );
  const pick = (f: (p: number, q: number) => number, p: number | null, q: number | null) =>
    p === null ? q : q === null ? p : f(p, q);
  const base = {
    name: a.name,
    kind: 'numeric' as const,
    count: x.count + y.count,
    missing: x.missing + y.missing,
    invalid: x.invalid + y.invalid,
    integers: x.integers && y.integers,
    min: pick(Math.min, x.min, y.min),
    max: pick(Math.max, x.max, y.max),
    sum: x.sum + y.sum,
    sumSquares: x.sumSquares + y.sumSquares,
    values: values !== null && values.length <= EXACT_VALUES_MAX ? values : null,
    sketch,
  };
  return { ...base, type: profileColumnType(base) };
}

/**
 * The profile of the union of the rows of `a` and `b`: counts, categories, value counts and sketch
 * buckets added, min/max combined. Both must have the same columns in the same order, each of the same
 * kind, and the same relative accuracy.
 *
 * @throws {ProfileMergeError} naming what differs.
 */
export function mergeProfiles(a: Profile, b: Profile): Profile {
  if (a.relativeAccuracy !== b.relativeAccuracy)
    throw new ProfileMergeError(
      `the profiles have different relative accuracies (${a.relativeAccuracy} and ${b.relativeAccuracy}); profile both with the same --relative-accuracy`,
    );
  const names = (p: Profile) => p.columns.map((c) => c.name).join(', ');
  if (names(a) !== names(b))
    throw new ProfileMergeError(
      `the profiles have different columns: [${names(a)}] and [${names(b)}]; only profiles of the same columns (in the same order) merge`,
    );
  return {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    relativeAccuracy: a.relativeAccuracy,
    rows: a.rows + b.rows,
    sources: [...a.sources, ...b.sources],
    columns: a.columns.map((c, i) => mergeColumn(c, b.columns[i], a.relativeAccuracy)),
  };
}

/** Builds a profile incrementally from row chunks (each a ColumnarTable with the same header). */
export class ProfileBuilder {
  private profile: Profile | null = null;
  constructor(private readonly relativeAccuracy = DEFAULT_RELATIVE_ACCURACY) {}

  add(chunk: ColumnarTable): void {
    const next = profileTable(chunk, this.relativeAccuracy);
    if (this.profile === null) this.profile = next;
    else {
      const sources = this.profile.sources;
      this.profile = mergeProfiles(this.profile, next);
      this.profile.sources = sources.includes(chunk.fileName) ? sources : [...sources, chunk.fileName];
    }
  }

  /** @throws {Error} when no chunk was added. */
  finish(): Profile {
    if (this.profile === null) throw new Error('ProfileBuilder: no rows were added');
    return this.profile;
  }
}
