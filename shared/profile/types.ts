/**
 * The streaming profile (docs/profiles.md, docs/schema/profile-v1.schema.json): per column the counts a
 * drift analysis needs, mergeable by addition, so that partitions profiled apart (here, in DuckDB or in
 * Spark) combine into the profile of their union. Pure: no Node import.
 */
import type { ColumnType } from '../types';
import type { SketchData } from './ddsketch';

export const PROFILE_FORMAT = 'driftscope-profile';
export const PROFILE_VERSION = 1;

/** A numeric column keeps its exact value counts while it has at most this many distinct values. */
export const EXACT_VALUES_MAX = 1000;

/** A column read as numbers (number storage). */
export interface NumericProfileColumn {
  name: string;
  kind: 'numeric';
  /** Drift type inferred from the profile's counts (as Driftscope infers it on a table). */
  type: ColumnType;
  /** Finite values. */
  count: number;
  missing: number;
  /** Cells that were neither missing nor a number. */
  invalid: number;
  /** Whether every finite value is an integer (true when there is none). */
  integers: boolean;
  min: number | null;
  max: number | null;
  sum: number;
  sumSquares: number;
  /** Exact [value, count] pairs ascending while there are ≤ EXACT_VALUES_MAX distinct values, else null. */
  values: [number, number][] | null;
  sketch: SketchData;
}

/** A column read as text (string storage): every category's count. */
export interface CategoricalProfileColumn {
  name: string;
  kind: 'categorical';
  type: ColumnType;
  count: number;
  missing: number;
  /** [label, count] pairs sorted by label (code units); labels in Driftscope's canonical form. */
  categories: [string, number][];
}

export type ProfileColumn = NumericProfileColumn | CategoricalProfileColumn;

export interface Profile {
  format: typeof PROFILE_FORMAT;
  version: typeof PROFILE_VERSION;
  /** Relative accuracy α of every sketch. */
  relativeAccuracy: number;
  rows: number;
  /** The files (or partitions) profiled, names only, for the report. */
  sources: string[];
  columns: ProfileColumn[];
}
