/**
 * `driftscope profile --input FILE... --out P.json [--relative-accuracy A] [--chunk-rows N]`: profiles data
 * files (CSV, TSV and Parquet streamed in chunks of N rows) into one profile (docs/profiles.md), and
 * `driftscope profile --merge A.json B.json... --out C.json` combines profiles of partitions. The profile
 * is written atomically. Also `analyze` on profiles (a data file beside a profile is profiled first), and
 * beyond the memory budget on the files' streamed profiles.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetError } from '../../shared/dataset-error';
import type { AnalysisSettings } from '../../shared/drift/settings';
import { mergeProfiles, ProfileMergeError } from '../../shared/profile/build-profile';
import { DEFAULT_RELATIVE_ACCURACY } from '../../shared/profile/ddsketch';
import type { Profile } from '../../shared/profile/types';
import type { AnalysisResult } from '../../shared/report/analysis-result';
import { formatBytes } from '../../shared/report/report-format';
import { fileLoadFlags, parsePositiveInt, UsageError } from '../cli-options';
import { progressReporter } from '../cli-progress';
import type { LoadProgressInfo } from '../engine/csv-source';
import { inputFileSize } from '../engine/input-file';
import { isProfileFile, readProfileFile } from '../engine/load-profile';
import { isParquetFile, streamProfile, tableMemory } from '../engine/load-table';
import { streamProfileInWorker } from '../engine/profile-in-worker';
import { compareProfiles } from '../engine/profile-pair';
import { DEFAULT_CHUNK_ROWS } from '../engine/stream-csv-profile';
import { outputLocationProblem } from '../io/output-location';
import { inputOverwrittenBy } from '../io/same-file';
import { writeFileAtomic } from '../io/write-file-atomic';

/** `--input a b c` and `--merge a b` as repeated `--input=a` options (node:util parseArgs takes one value). */
function normalise(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--input' || arg === '--merge') {
      let taken = 0;
      while (i + 1 < args.length && !args[i + 1].startsWith('--')) {
        out.push(`${arg}=${args[++i]}`);
        taken++;
      }
      if (taken === 0) out.push(arg);
    } else out.push(arg);
  }
  return out;
}

/**
 * A profile of one input: read as is when it is a profile file, else the data file is profiled, streamed in
 * chunks of `chunkRows` rows (stream-csv-profile.ts for CSV or TSV, stream-parquet-profile.ts for Parquet:
 * memory does not grow with the file, the profile is the whole file's).
 */
export async function profileOf(
  filePath: string,
  shown: string,
  options: { encoding?: string; decimal?: string },
  relativeAccuracy = DEFAULT_RELATIVE_ACCURACY,
  chunkRows = DEFAULT_CHUNK_ROWS,
): Promise<Profile> {
  const absolute = path.resolve(filePath);
  if (isProfileFile(absolute)) return readProfileFile(absolute, shown);
  const report = progressReporter(
    `Profiling ${shown}`,
    (done, total) => `(${formatBytes(done)} of ${formatBytes(total)})`,
  );
  const loadOptions = {
    ...fileLoadFlags(options),
    displayPath: shown,
    progressIntervalMs: 500,
    onProgress: (p: LoadProgressInfo) => report(p.bytesRead, p.bytesTotal),
  };
  return streamProfile(absolute, { ...loadOptions, relativeAccuracy, chunkRows });
}

function merged(profiles: Profile[], names: string[]): Profile {
  let out = profiles[0];
  for (let i = 1; i < profiles.length; i++) {
    try {
      out = mergeProfiles(out, profiles[i]);
    } catch (error) {
      if (error instanceof ProfileMergeError)
        throw new DatasetError(
          `Cannot merge ${names[i]} into ${names.slice(0, i).join(', ')}: ${error.message}.`,
          names[i],
        );
      throw error;
    }
  }
  return out;
}

export async function profileCommand(args: string[], say: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: normalise(args),
    strict: true,
    options: {
      input: { type: 'string', multiple: true },
      merge: { type: 'string', multiple: true },
      out: { type: 'string' },
      'relative-accuracy': { type: 'string' },
      'chunk-rows': { type: 'string' },
      encoding: { type: 'string' },
      decimal: { type: 'string' },
    },
  });
  const inputs = values.input ?? [];
  const merges = values.merge ?? [];
  if ((inputs.length === 0) === (merges.length === 0))
    throw new UsageError('profile needs either --input FILE... or --merge PROFILE... (not both)');
  if (!values.out || values.out === '-') throw new UsageError('profile needs --out FILE');
  let alpha = DEFAULT_RELATIVE_ACCURACY;
  if (values['relative-accuracy'] !== undefined) {
    if (merges.length > 0) throw new UsageError('--relative-accuracy applies to --input only');
    alpha = Number(values['relative-accuracy']);
    if (!(alpha > 0 && alpha < 1))
      throw new UsageError(
        `--relative-accuracy must be a number in (0, 1), got "${values['relative-accuracy']}"`,
      );
  }
  if (values['chunk-rows'] !== undefined && merges.length > 0)
    throw new UsageError('--chunk-rows applies to --input only');
  const chunkRows = parsePositiveInt(values['chunk-rows'], 'chunk-rows', DEFAULT_CHUNK_ROWS);
  const given = inputs.length > 0 ? inputs : merges;
  const overwritten = inputOverwrittenBy(values.out, given);
  if (overwritten !== undefined)
    throw new UsageError(`--out ${values.out} is the input file ${overwritten}; choose another name`);
  const problem = outputLocationProblem(values.out);
  if (problem !== null) throw new UsageError(`cannot write --out ${values.out}: ${problem}`);
  const profiles: Profile[] = [];
  for (const file of given) {
    if (merges.length > 0) profiles.push(readProfileFile(path.resolve(file), file));
    else {
      profiles.push(await profileOf(file, file, values, alpha, chunkRows));
    }
  }
  const profile = merged(profiles, given);
  writeFileAtomic(path.resolve(values.out), `${JSON.stringify(profile)}\n`);
  say(
    `Wrote ${values.out}: profile of ${profile.rows} rows, ${profile.columns.length} columns from ${given.length} ${merges.length > 0 ? 'profile' : 'file'}${given.length === 1 ? '' : 's'} (relative accuracy ${profile.relativeAccuracy})`,
  );
  return 0;
}

/**
 * Why `analyze` of two data files (CSV, TSV or Parquet, in any mix) uses their streamed profiles instead of
 * their rows: the note when loading both whole is estimated (memory-budget.ts, each loader's own estimate)
 * to need more than `budget` bytes, else null.
 * @throws {DatasetError} as the loader does, for a file that cannot be read (as CSV, or as Parquet).
 */
export async function streamedProfilesNote(
  reference: string,
  current: string,
  budget: number,
  options: { encoding?: string; decimal?: string },
): Promise<string | null> {
  const loadOptions = fileLoadFlags(options);
  let need = 0;
  for (const file of [reference, current]) {
    const absolute = path.resolve(file);
    need += await tableMemory(absolute, { ...loadOptions, displayPath: file });
  }
  if (need <= budget) return null;
  return `Analysed from streamed profiles of ${reference} and ${current}, not from their rows: loading both whole would need about ${formatBytes(need)} of memory, more than the memory budget of ${formatBytes(budget)} (--memory-budget).`;
}

declare const __DRIFTSCOPE_VERSION__: string;

/**
 * `analyze` when the reference or the current is a profile: both sides become profiles (a data file is
 * profiled first, at the profile's relative accuracy) and are compared by analyzeProfiles.
 */
export async function analyzeWithProfiles(
  reference: string,
  current: string,
  settings: AnalysisSettings,
  options: { encoding?: string; decimal?: string },
): Promise<AnalysisResult> {
  const refIsProfile = isProfileFile(path.resolve(reference));
  const curIsProfile = isProfileFile(path.resolve(current));
  const names = { reference: path.basename(reference), current: path.basename(current) };
  if (!refIsProfile && !curIsProfile) {
    // Two data files (beyond the memory budget): profiled on two cores, one progress line for both.
    const [ref, cur] = await bothInWorkers([reference, current], options);
    return compareProfiles(ref, cur, settings, names);
  }
  const first = refIsProfile ? reference : current;
  const firstProfile = await profileOf(first, first, options);
  const otherName = refIsProfile ? current : reference;
  const other = await profileOf(otherName, otherName, options, firstProfile.relativeAccuracy);
  const [ref, cur] = refIsProfile ? [firstProfile, other] : [other, firstProfile];
  return compareProfiles(ref, cur, settings, names);
}

/**
 * The streamed profiles of data files, each in a worker of its own, with their progress summed. When one
 * fails, a Parquet read still running is stopped through its stop flag (profile-in-worker.ts) and waited
 * for, so that no DuckDB query runs in a worker when the command exits; then the first failure is thrown
 * (a CSV worker may be torn down at exit).
 */
async function bothInWorkers(
  files: string[],
  options: { encoding?: string; decimal?: string },
): Promise<Profile[]> {
  const report = progressReporter(
    `Profiling ${files.join(' and ')}`,
    (done, total) => `(${formatBytes(done)} of ${formatBytes(total)})`,
  );
  const read = files.map(() => 0);
  const total = files.map((f) => inputFileSize(path.resolve(f), f));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const stopFlag = new Int32Array(new SharedArrayBuffer(4));
  const profiles = files.map((file, i) =>
    streamProfileInWorker(
      path.resolve(file),
      { ...fileLoadFlags(options), displayPath: file, progressIntervalMs: 500 },
      ({ bytesRead }) => {
        read[i] = bytesRead;
        report(sum(read), sum(total));
      },
      stopFlag,
    ),
  );
  try {
    return await Promise.all(profiles);
  } catch (error) {
    Atomics.store(stopFlag, 0, 1);
    await Promise.allSettled(profiles.filter((_, i) => isParquetFile(path.resolve(files[i]))));
    throw error;
  }
}
