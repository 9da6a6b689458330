/**
 * `driftscope simulate --reference REF --out DIR --batches N --rows N [--drift SPEC ...] [--drift-from K]
 * [--seed S]`: writes batch-001.csv … into DIR, resampled from REF with drift injected (shared/simulate).
 * Each file is written atomically (a watching monitor never sees half a batch); the reference is only read.
 */
import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { DatasetError } from '../../shared/dataset-error';
import { toCsv } from '../../shared/demo/csv';
import { DriftSpecError, parseDriftSpec } from '../../shared/simulate/drift-spec';
import { SimulateError, simulateBatches } from '../../shared/simulate/simulate-batches';
import { parsePositiveInt as positiveInt, UsageError } from '../cli-options';
import { writeFileAtomic } from '../io/write-file-atomic';

export async function simulateCommand(args: string[], say: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      reference: { type: 'string' },
      out: { type: 'string' },
      batches: { type: 'string' },
      rows: { type: 'string' },
      drift: { type: 'string', multiple: true },
      'drift-from': { type: 'string' },
      seed: { type: 'string' },
    },
  });
  if (!values.reference || !values.out) throw new UsageError('simulate needs --reference REF and --out DIR');
  const batches = positiveInt(values.batches, 'batches', 10);
  const rows = positiveInt(values.rows, 'rows', 1000);
  const driftFrom =
    values['drift-from'] === undefined ? undefined : positiveInt(values['drift-from'], 'drift-from', 1);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${values.seed}"`);
  let drift: ReturnType<typeof parseDriftSpec>[];
  try {
    drift = (values.drift ?? []).map(parseDriftSpec);
  } catch (error) {
    if (error instanceof DriftSpecError) throw new UsageError(error.message);
    throw error;
  }
  const given = values.reference;
  let text: string;
  try {
    text = readFileSync(path.resolve(given), 'utf8');
  } catch (error) {
    throw new DatasetError(
      `Cannot read ${given}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`,
      given,
    );
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...data] = parsed.data;
  if (!header || data.length === 0) throw new DatasetError(`${given} has no data rows to resample.`, given);
  const ragged = data.findIndex((r) => r.length !== header.length);
  if (ragged >= 0) {
    throw new DatasetError(
      `${given}: record ${ragged + 2} has ${data[ragged].length} fields, the header has ${header.length}.`,
      given,
    );
  }
  let out: ReturnType<typeof simulateBatches>;
  try {
    out = simulateBatches(header, data, { batches, rows, drift, driftFrom, seed });
  } catch (error) {
    if (error instanceof SimulateError) throw new UsageError(error.message);
    throw error;
  }
  const dir = path.resolve(values.out);
  mkdirSync(dir, { recursive: true });
  const referenceReal = realpathSync(path.resolve(given));
  const width = Math.max(3, String(batches).length);
  for (const batch of out) {
    const file = path.join(dir, `batch-${String(batch.index).padStart(width, '0')}.csv`);
    let real: string | null = null;
    try {
      real = realpathSync(file);
    } catch {
      // does not exist yet
    }
    if (real === referenceReal) throw new UsageError(`--out would overwrite the reference ${given}`);
    writeFileAtomic(file, toCsv(header, batch.rows));
    const changes = batch.applied.map((c) => `${c.kind} ${c.column}`).join(', ');
    say(
      `Wrote ${path.join(values.out, path.basename(file))} (${batch.rows.length} rows${changes ? `; ${changes}` : ''})`,
    );
  }
  return 0;
}
