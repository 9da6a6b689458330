// @vitest-environment node
// The app's monitoring handlers on real files: "Save as baseline" writes the very bytes `driftscope baseline`
// writes for the same reference and settings (apart from createdAt); "Open baseline" refuses a reference that
// changed; "Open monitor history" reads a history a real monitor wrote (monitor-history-fixture.ts) without
// changing it, as a timeline whose scores are `driftscope analyze`'s and whose alerts are the monitor's log.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../../../electron/engine/engine-client';
import { createHandlers, type Handlers } from '../../../../electron/main/handlers';
import { parseSettings } from '../../../../shared/drift/settings';
import type { MonitorHistory } from '../../../../shared/monitoring/history-timeline';
import { demoExpected } from '../../../helpers/demo-expected';
import { cliPath, type MonitorRun, writeMonitorHistory } from '../../../helpers/monitor-history-fixture';

const work = mkdtempSync(path.join(tmpdir(), 'ds-app-monitoring-'));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const answers: Record<string, (string | null)[]> = { save: [], baseline: [], history: [] };
const next = (queue: (string | null)[]) => async () => queue.shift() ?? null;
let engine: EngineClient;
let handlers: Handlers;
let run: MonitorRun;

beforeAll(async () => {
  run = await writeMonitorHistory(work);
  engine = new EngineClient();
  handlers = createHandlers({
    engine,
    chooseFile: async () => null,
    demoDir: path.join(work, 'user', 'demo'),
    sendProgress: () => undefined,
    chooseBaselineSaveFile: next(answers.save),
    chooseBaselineFile: next(answers.baseline),
    chooseHistoryFile: next(answers.history),
  });
}, 120_000);

afterAll(async () => {
  await engine?.close();
});

describe('Save as baseline', () => {
  it('writes the bytes of `driftscope baseline --config` for the same reference and settings', async () => {
    const settings = parseSettings({ test: null, threshold: null, shareThreshold: 0.4, correction: 'none' });
    writeFileSync(path.join(work, 'settings.json'), JSON.stringify(settings));
    const cli = spawnSync(
      process.execPath,
      [cliPath, 'baseline', '--reference', run.reference, '--config', 'settings.json', '--out', 'cli.json'],
      { cwd: work, encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect((await handlers['dataset:open-dropped']('reference', run.reference)).ok).toBe(true);
    answers.save.push(path.join(work, 'app.json'));
    const saved = await handlers['baseline:save'](settings);
    // The demo's 19 columns (test/fixtures/demo/expected.json, read by pandas).
    expect(saved).toMatchObject({
      fileName: 'app.json',
      model: 'reference',
      columns: demoExpected.columns.length,
      rows: 5000,
    });
    const stamp = /"createdAt": "[^"]+"/;
    const app = readFileSync(path.join(work, 'app.json'), 'utf8');
    expect(app).toMatch(stamp);
    expect(app.replace(stamp, '')).toBe(readFileSync(path.join(work, 'cli.json'), 'utf8').replace(stamp, ''));
  });

  it('refuses to overwrite an opened file and leaves it as it was', async () => {
    const before = sha(run.reference);
    answers.save.push(run.reference);
    await expect(handlers['baseline:save'](parseSettings(undefined))).rejects.toThrow(
      /is the opened file .*reference\.csv; a baseline cannot replace its input/,
    );
    expect(sha(run.reference)).toBe(before);
  });
});

describe('Open baseline', () => {
  it('loads the reference with the baseline settings', async () => {
    answers.baseline.push(path.join(work, 'app.json'));
    const opened = await handlers['baseline:open']();
    expect(opened?.reference.ok).toBe(true);
    expect(opened?.baseline).toMatchObject({ fileName: 'app.json', model: 'reference' });
    expect(opened?.baseline.settings.shareThreshold).toBe(0.4);
  });

  it('refuses a baseline whose reference changed, naming both files', async () => {
    const copy = path.join(work, 'copy.csv');
    copyFileSync(run.reference, copy);
    await handlers['dataset:open-dropped']('reference', copy);
    answers.save.push(path.join(work, 'copy.baseline.json'));
    await handlers['baseline:save'](parseSettings(undefined));
    appendFileSync(copy, `${readFileSync(copy, 'utf8').split('\n')[1]}\n`);
    answers.baseline.push(path.join(work, 'copy.baseline.json'));
    await expect(handlers['baseline:open']()).rejects.toThrow(
      'The reference copy.csv changed since the baseline copy.baseline.json was made (SHA-256 differs)',
    );
  });

  it('refuses a file of another version with a clear message', async () => {
    const other = JSON.parse(readFileSync(path.join(work, 'app.json'), 'utf8'));
    writeFileSync(path.join(work, 'v2.json'), JSON.stringify({ ...other, schemaVersion: 2 }));
    answers.baseline.push(path.join(work, 'v2.json'));
    await expect(handlers['baseline:open']()).rejects.toThrow(
      'v2.json is not a Driftscope baseline: schemaVersion 2 is not 1.',
    );
  });
});

describe('Open monitor history', () => {
  let history: MonitorHistory;
  beforeAll(async () => {
    const before = { sha: sha(run.history), mtime: statSync(run.history).mtimeMs };
    answers.history.push(run.history);
    history = (await handlers['history:open']()) as MonitorHistory;
    // Read-only: the file's bytes and modification time are as the monitor left them.
    expect(sha(run.history)).toBe(before.sha);
    expect(statSync(run.history).mtimeMs).toBe(before.mtime);
  });

  it('has one chunk per batch, in the order the monitor analysed them, the one with wrong columns an error', () => {
    expect(history.fileName).toBe('history.sqlite');
    expect(history.timeline.chunking).toEqual({ kind: 'batch' });
    expect(history.timeline.chunks.map((c) => c.label)).toEqual([
      'batch-001.csv',
      'batch-002.csv',
      'batch-003.csv',
      'batch-004.csv',
      'batch-005.csv',
    ]);
    expect(history.batches.map((b) => b.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'error']);
    expect(history.timeline.chunks[4].dataset).toBeNull();
    expect(history.batches[4].error).toMatch(/batch-005\.csv/);
    // The baseline's reference hash, as the monitor bound the history to it.
    expect(history.baselineSha256).toBe(JSON.parse(readFileSync(run.baseline, 'utf8')).reference.sha256);
  });

  it('holds the scores `driftscope analyze` gives for the same batch', () => {
    const out = path.join(work, 'b3.json');
    const r = spawnSync(
      process.execPath,
      [cliPath, 'analyze', '--reference', run.reference, '--current', 'watch/batch-003.csv', '--json', out],
      { cwd: work, encoding: 'utf8' },
    );
    expect([0, 1]).toContain(r.status);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const chunk = history.timeline.chunks[2];
    expect(chunk.rows).toBe(report.current.rows);
    for (const c of report.columns) {
      const stored = chunk.columns.find((x) => x.name === c.name);
      expect(stored?.score, c.name).toBe(c.score);
      expect(stored?.driftDetected, c.name).toBe(c.driftDetected);
    }
    expect(chunk.dataset?.driftShare).toBe(report.dataset.driftShare);
  });

  it("lists the alerts the monitor's log recorded, per batch and feature", () => {
    const logged = readFileSync(run.log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((l) => l.event === 'alert')
      .map(({ event: _e, model: _m, ...rest }) => rest);
    expect(logged.some((a) => a.alert === 'feature_drift' && a.feature === 'income')).toBe(true);
    expect(history.alerts.map(({ batch: _b, ...rest }) => rest)).toEqual(logged);
    for (const a of history.alerts) expect(history.batches[a.batch].file).toBe(a.file);
  });

  it('refuses a file that is not a history, naming it', async () => {
    answers.history.push(run.baseline);
    await expect(handlers['history:open']()).rejects.toThrow(
      /^baseline\.json cannot be read as a monitor history/,
    );
  });
});
