/**
 * The pair behind the estimated-against-realised tests: test/fixtures/shadow/degradation_reference.csv and
 * test/fixtures/timeline/estimated_current.csv (the known-degradation chunks with labels thinning out), loaded
 * by the real loader, with what gen_estimated_fixture.py counted (estimated_expected.json) and the chunking
 * it was made for (size:1000).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCsv } from '../../electron/engine/load-csv';
import type { Chunking } from '../../shared/timeline/types';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export const ESTIMATED_CHUNKING: Chunking = { kind: 'size', size: 1000 };
export const estimatedExpected = JSON.parse(
  readFileSync(path.join(FIXTURES, 'timeline/estimated_expected.json'), 'utf8'),
);

export async function loadEstimatedPair() {
  const reference = await loadCsv(path.join(FIXTURES, 'shadow/degradation_reference.csv'));
  const current = await loadCsv(path.join(FIXTURES, 'timeline/estimated_current.csv'));
  return { reference, current };
}
