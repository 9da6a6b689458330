/**
 * Reading a baseline file back, for the monitor and for the app's "Open baseline": the JSON validated
 * (shared/monitoring/baseline.ts), and the reference checked to be the very file the baseline was made from
 * (same SHA-256), with messages that name the files as the user gave them.
 */
import { readFileSync } from 'node:fs';
import { DatasetError } from '../../shared/dataset-error';
import { type Baseline, parseBaseline } from '../../shared/monitoring/baseline';
import { hashFile } from '../io/hash-file';

/**
 * The baseline in `file`; `shown` is the file as the user gave it.
 * @throws {DatasetError} when it cannot be read, is not JSON, or is not a version-1 baseline.
 */
export function readBaselineFile(file: string, shown: string): Baseline {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DatasetError(`Cannot read the baseline ${shown}: ${(error as Error).message}`, shown);
  }
  return parseBaseline(json, shown);
}

/**
 * Refuses a reference whose bytes differ from the baseline's (SHA-256 of the file).
 * @throws {DatasetError} naming the reference and the baseline.
 */
export async function checkBaselineReference(
  baseline: Baseline,
  referencePath: string,
  shownReference: string,
  shownBaseline: string,
): Promise<void> {
  const sha256 = await hashFile(referencePath);
  if (sha256 !== baseline.reference.sha256) {
    throw new DatasetError(
      `The reference ${shownReference} changed since the baseline ${shownBaseline} was made (SHA-256 differs); make a new baseline with driftscope baseline.`,
      shownReference,
    );
  }
}
