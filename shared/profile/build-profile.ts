/**
 * Building a profile from a ColumnarTable (or from row chunks, one table each) and merging two profiles.
 * Pure: no Node import.
 */
import type { Column, ColumnarTable } from '../table/columnar';
import { CategoricalAccumulator, NumericAccumulator, sortedPairs } from './column-accumulator';
import { DEFAULT_RELATIVE_ACCURACY, mergeSketches } from './ddsketch';
import { profileColumnType } from './profile-column-type';
import {
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

/** The profile column of a whole column. */
function columnProfile(column: Column, relativeAccuracy: number): ProfileColumn {
  if (column.storage === 'number') {
    const numeric = new NumericAccumulator(column.name, relativeAccuracy);
    numeric.add(column);
    return numeric.result();
  }
  const categorical = new CategoricalAccumulator(column.name);
  categorical.add(column);
  return categorical.result();
}

/** A profile of `rows` rows of one source with the given columns (whole-file or accumulated). */
export function profileOfColumns(
  source: string,
  rows: number,
  columns: ProfileColumn[],
  relativeAccuracy: number,
): Profile {
  return {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    relativeAccuracy,
    rows,
    sources: [source],
    columns,
  };
}

/** The profile of one table (a whole file, or one chunk of rows). */
export function profileTable(table: ColumnarTable, relativeAccuracy = DEFAULT_RELATIVE_ACCURACY): Profile {
  return profileOfColumns(
    table.fileName,
    table.rowCount,
    table.columns.map((c) => columnProfile(c, relativeAccuracy)),
    relativeAccuracy,
  );
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
