/**
 * `driftscope monitor --baseline FILE --watch DIR [--listen HOST:PORT] [--textfile FILE] [--history FILE]
 * [--log FILE] [--reference FILE] [--poll MS] [--settle MS] [--stale-after SECONDS]`: checks the baseline's
 * reference (same SHA-256 as when the baseline was made), then runs electron/monitor/monitor.ts until SIGTERM
 * or SIGINT, finishing the batch in progress.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetError } from '../../shared/dataset-error';
import { parseNumberOption, UsageError } from '../cli-options';
import { checkBaselineReference, readBaselineFile } from '../monitor/baseline-file';
import { Monitor } from '../monitor/monitor';

export const DEFAULT_LISTEN = '127.0.0.1:9464';

/** HOST:PORT (IPv6 in brackets); `off` serves nothing. */
export function parseListen(value: string): { host: string; port: number } | null {
  if (value === 'off') return null;
  const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(value);
  const port = m ? Number(m[2]) : Number.NaN;
  if (!m || !(port >= 0 && port <= 65535))
    throw new UsageError(`--listen must be HOST:PORT (for example ${DEFAULT_LISTEN}) or off, got "${value}"`);
  return { host: m[1].replace(/^\[|\]$/g, ''), port };
}

export async function monitorCommand(args: string[], say: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      baseline: { type: 'string' },
      watch: { type: 'string' },
      listen: { type: 'string' },
      textfile: { type: 'string' },
      history: { type: 'string' },
      log: { type: 'string' },
      reference: { type: 'string' },
      poll: { type: 'string' },
      settle: { type: 'string' },
      'stale-after': { type: 'string' },
    },
  });
  if (!values.baseline || !values.watch)
    throw new UsageError('monitor needs --baseline FILE and --watch DIR');
  const watchDir = path.resolve(values.watch);
  if (!existsSync(watchDir) || !statSync(watchDir).isDirectory())
    throw new UsageError(`--watch ${values.watch} is not a folder`);
  const baseline = readBaselineFile(path.resolve(values.baseline), values.baseline);
  const referencePath = path.resolve(values.reference ?? baseline.reference.path);
  const shownReference = values.reference ?? baseline.reference.path;
  if (!existsSync(referencePath)) {
    throw new DatasetError(
      `The baseline's reference ${shownReference} is missing; give its new place with --reference FILE.`,
      shownReference,
    );
  }
  await checkBaselineReference(baseline, referencePath, shownReference, values.baseline);
  const ms = (v: string | undefined, name: string, fallback: number) =>
    parseNumberOption(v, name) ?? fallback;
  const monitor = new Monitor({
    baseline,
    referencePath,
    watchDir,
    watchDirAsGiven: values.watch,
    historyFile: path.resolve(values.history ?? path.join(values.watch, '.driftscope-history.sqlite')),
    listen: parseListen(values.listen ?? DEFAULT_LISTEN),
    textfile: values.textfile ? path.resolve(values.textfile) : null,
    logFile: values.log ? path.resolve(values.log) : null,
    pollMs: ms(values.poll, 'poll', 1000),
    settleMs: ms(values.settle, 'settle', 1000),
    staleAfterSeconds: ms(values['stale-after'], 'stale-after', 3600),
    say,
  });
  const { url } = await monitor.start();
  say(`Monitoring ${values.watch} for model "${baseline.model}"${url ? `; metrics at ${url}` : ''}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await monitor.stop();
  say('Monitor stopped.');
  return 0;
}
