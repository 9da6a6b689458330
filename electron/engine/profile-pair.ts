/**
 * Profiles opened in place of data files (docs/profiles.md): the engine keeps a profile per role, compares
 * two of them (a data file opened beside a profile is profiled, once per loaded table, at the profile's
 * relative accuracy), and answers the feature detail from the profiles' counts and sketches. What needs
 * the rows (the rows behind a bar, the timeline, model quality, the multivariate detectors) is refused
 * with a message naming the profile, or reported as not computed.
 */
import path from 'node:path';
import type { DatasetSummary } from '../../shared/api';
import { DatasetError } from '../../shared/dataset-error';
import type { AnalysisSettings } from '../../shared/drift/settings';
import type { BinChoice, ColumnDetail } from '../../shared/explore/types';
import { analyzeProfiles } from '../../shared/profile/analyze-profiles';
import { profileTable } from '../../shared/profile/build-profile';
import { profileColumnDetail } from '../../shared/profile/profile-detail';
import type { Profile } from '../../shared/profile/types';
import type { AnalysisResult } from '../../shared/report/analysis-result';
import type { ColumnarTable } from '../../shared/table/columnar';

declare const __DRIFTSCOPE_VERSION__: string;

/**
 * analyzeProfiles with the names shown for both sides; profiles that cannot be compared (different
 * relative accuracies) get a message naming both.
 */
export function compareProfiles(
  reference: Profile,
  current: Profile,
  settings: AnalysisSettings,
  names: { reference: string; current: string },
): AnalysisResult {
  try {
    return analyzeProfiles(reference, current, settings, {
      version: __DRIFTSCOPE_VERSION__,
      now: new Date(),
      referenceName: names.reference,
      currentName: names.current,
    });
  } catch (error) {
    if (error instanceof RangeError)
      throw new DatasetError(
        `Cannot compare ${names.reference} with ${names.current}: ${error.message}.`,
        names.current,
      );
    throw error;
  }
}

type Role = 'reference' | 'current';

/** The summary of an opened profile, as a data file's (rows, columns, size), with `format: 'profile'`. */
export function profileSummary(role: Role, profile: Profile, shown: string, bytes: number): DatasetSummary {
  return {
    role,
    fileName: path.basename(shown),
    rows: profile.rows,
    columns: profile.columns.map((c) => c.name),
    bytes,
    delimiter: '',
    warnings: [],
    format: 'profile',
  };
}

/** The engine's opened profiles, and the analysis and detail requests on them. */
export function createProfilePair() {
  const opened: Partial<Record<Role, { profile: Profile; name: string }>> = {};
  /** Profiles of loaded tables, so that re-analysing does not profile a million rows again. */
  const ofTable = new WeakMap<ColumnarTable, Profile>();
  let sides: { reference: Profile; current: Profile } | null = null;
  let last: AnalysisResult | null = null;

  function side(role: Role, table: ColumnarTable | undefined, alpha: number): Profile {
    const own = opened[role];
    if (own) return own.profile;
    if (!table) throw new DatasetError(`Open a ${role} file first.`, '');
    let profile = ofTable.get(table);
    if (!profile || profile.relativeAccuracy !== alpha) {
      profile = profileTable(table, alpha);
      ofTable.set(table, profile);
    }
    return profile;
  }

  function nameOf(role: Role, table: ColumnarTable | undefined): string {
    return opened[role]?.name ?? table?.fileName ?? role;
  }

  /** A message for what needs the rows, naming the opened profile. */
  function needsRows(what: string): DatasetError {
    const name = opened.current?.name ?? opened.reference?.name ?? 'a profile';
    return new DatasetError(
      `${what} needs the rows: ${name} is a profile (counts and sketches, no rows). Open the data file for this.`,
      name,
    );
  }

  return {
    /** Whether either side is a profile (the analysis then goes through here). */
    active: (): boolean => opened.reference !== undefined || opened.current !== undefined,
    open(role: Role, profile: Profile, name: string): void {
      opened[role] = { profile, name };
      last = null;
    },
    /** A data file replaces the profile of its role. */
    close(role: Role): void {
      delete opened[role];
      last = null;
    },
    needsRows,
    analyze(
      tables: { reference?: ColumnarTable; current?: ColumnarTable },
      settings: AnalysisSettings,
    ): AnalysisResult {
      const alpha = (opened.reference ?? opened.current)!.profile.relativeAccuracy;
      sides = {
        reference: side('reference', tables.reference, alpha),
        current: side('current', tables.current, alpha),
      };
      last = compareProfiles(sides.reference, sides.current, settings, {
        reference: nameOf('reference', tables.reference),
        current: nameOf('current', tables.current),
      });
      return last;
    },
    detail(column: string, bins: BinChoice): ColumnDetail {
      if (!sides || !last) throw new DatasetError('Run the analysis first.', '');
      const ref = sides.reference.columns.find((c) => c.name === column);
      const cur = sides.current.columns.find((c) => c.name === column);
      if (!ref || !cur) throw new DatasetError(`Column "${column}" is not in both files.`, last.current.file);
      const type = last.columns.find((c) => c.name === column)?.type ?? null;
      try {
        return profileColumnDetail(ref, cur, type, bins);
      } catch (error) {
        if (error instanceof RangeError)
          throw new DatasetError(`No detail for this column: ${error.message}.`, last.current.file);
        throw error;
      }
    },
  };
}
