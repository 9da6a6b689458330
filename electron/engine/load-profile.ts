/**
 * Reading a profile file (docs/profiles.md) for `analyze` and the app: recognised by its content (JSON whose
 * `format` is "driftscope-profile"), checked field by field, with messages naming the file as the user
 * gave it and the JSON path of a bad field.
 */
import { readFileSync } from 'node:fs';
import { DatasetError } from '../../shared/dataset-error';
import { isProfileJson, ProfileFormatError, parseProfile } from '../../shared/profile/parse-profile';
import type { Profile } from '../../shared/profile/types';
import { inputFileSize, readBytes } from './input-file';

/** Whether a file is a profile: JSON whose `format` is "driftscope-profile" (read only if it starts with '{'). */
export function isProfileFile(filePath: string): boolean {
  try {
    const head = readBytes(filePath, 64, 0).toString('utf8').trimStart();
    if (!head.startsWith('{')) return false;
    return isProfileJson(JSON.parse(readFileSync(filePath, 'utf8')));
  } catch {
    return false;
  }
}

/** Reads and checks a profile file. @throws {DatasetError} naming the file (and the JSON path). */
export function readProfileFile(filePath: string, shown: string = filePath): Profile {
  inputFileSize(filePath, shown);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch (error) {
    throw new DatasetError(
      `${shown} is not a profile: it is not valid JSON (${(error as Error).message}).`,
      shown,
    );
  }
  try {
    return parseProfile(json);
  } catch (error) {
    if (error instanceof ProfileFormatError)
      throw new DatasetError(`${shown} is not a valid Driftscope profile: ${error.message}`, shown);
    throw error;
  }
}
