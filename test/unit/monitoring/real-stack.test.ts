// @vitest-environment node
// The whole monitoring exercise with real components, all on loopback: the demo's reference → `driftscope
// baseline` → `driftscope simulate` (healthy batches, then drifted ones) → `driftscope monitor` watching a folder
// → a real Prometheus 2.42 scraping it and evaluating monitoring/prometheus/alert-rules.yml → a real
// Alertmanager 0.25 routing with monitoring/alertmanager/alertmanager.yml (timings shortened, webhook port
// moved) → a small webhook receiver in this test. Asserted through Prometheus's HTTP API: the series and their
// values, the alerts firing, the receiver getting them with their labels, every PromQL expression of the
// Grafana dashboard returning data; then a monitor restart (no batch analysed twice, none lost) and bad
// batches counted as errors while the next good one is analysed.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../shared/report/analysis-result';
import { demoExpected } from '../../helpers/demo-expected';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist', 'electron', 'cli.cjs');
const work = mkdtempSync(path.join(tmpdir(), 'ds-stack-'));
const children: ChildProcess[] = [];
const received: { labels: Record<string, string>; status: string }[] = [];
let receiver: Server;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function driftscope(args: string[]): string {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`driftscope ${args[0]} failed (${r.status}): ${r.stderr}`);
  return r.stderr;
}

/** The two-file analysis the monitor makes of a batch (the baseline's settings: defaults, multivariate on), as JSON. */
function driftscopeJson(batch: string): AnalysisResult {
  const out = path.join(work, `${path.basename(batch)}.json`);
  driftscope([
    'analyze',
    '--reference',
    'demo/reference.csv',
    '--current',
    batch,
    '--multivariate',
    '--json',
    out,
  ]);
  return JSON.parse(readFileSync(out, 'utf8')) as AnalysisResult;
}

function start(command: string, args: string[], name: string): ChildProcess {
  const child = spawn(command, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d) => {
    log += d;
  });
  child.stderr?.on('data', (d) => {
    log += d;
  });
  // Each component's output is kept in the work folder, for reading after a failure.
  child.on('exit', () => writeFileSync(path.join(work, `${name}.log`), log));
  children.push(child);
  return child;
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < end) {
    try {
      const v = await probe();
      if (v !== null) return v;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

let promPort = 0;
let amPort = 0;
let monitorPort = 0;

interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

async function query(expr: string): Promise<Sample[]> {
  const url = `http://127.0.0.1:${promPort}/api/v1/query?query=${encodeURIComponent(expr)}`;
  const body = (await (await fetch(url)).json()) as {
    status: string;
    data: { result: Sample[] };
    error?: string;
  };
  if (body.status !== 'success') throw new Error(`${expr}: ${body.error}`);
  return body.data.result;
}

const value = async (expr: string): Promise<number | null> => {
  const r = await query(expr);
  return r.length === 1 ? Number(r[0].value[1]) : null;
};

/** Replaces every `from` with its `to` in the repository file, failing loudly when one no longer occurs (a reformatted file). */
function substitute(file: string, pairs: [string, string][]): string {
  let text = readFileSync(path.join(root, file), 'utf8');
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}`);
    text = text.split(from).join(to);
  }
  return text;
}

/** Moves a batch into the watched folder the way a careful writer does: a temporary name, then a rename. */
function deliver(file: string): void {
  const target = path.join(work, 'watch', path.basename(file));
  const temp = path.join(work, 'watch', `.${path.basename(file)}.tmp`);
  copyFileSync(file, temp);
  renameSync(temp, target);
}

function startMonitor(): ChildProcess {
  return start(
    process.execPath,
    [
      cli,
      'monitor',
      '--baseline',
      'baseline.json',
      '--watch',
      'watch',
      '--listen',
      `127.0.0.1:${monitorPort}`,
      '--history',
      'history.sqlite',
      '--log',
      'monitor.jsonl',
      '--textfile',
      'driftscope.prom',
      '--poll',
      '200',
      '--settle',
      '300',
    ],
    'monitor',
  );
}

const stopped = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', resolve));

beforeAll(async () => {
  for (const bin of ['prometheus', 'prometheus-alertmanager']) {
    if (spawnSync('which', [bin]).status !== 0)
      throw new Error(`${bin} is not installed (apt-get install prometheus prometheus-alertmanager)`);
  }
  if (!existsSync(cli))
    spawnSync(process.execPath, [path.join(root, 'build', 'build-node.mjs')], { stdio: 'inherit' });
  [promPort, amPort, monitorPort] = [await freePort(), await freePort(), await freePort()];
  const hookPort = await freePort();
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      const msg = JSON.parse(body) as { alerts: { labels: Record<string, string>; status: string }[] };
      received.push(...msg.alerts);
      res.writeHead(200).end();
    });
  }).listen(hookPort, '127.0.0.1');

  // The demo, its baseline, and 6 batches of 1,000 rows: 3 healthy, then 3 where most features move.
  // The demo logs latency_ms and status_code itself (shared/demo/production.ts): the serving series.
  driftscope(['demo', '--out', 'demo']);
  driftscope([
    'baseline',
    '--reference',
    'demo/reference.csv',
    '--model',
    'loans',
    '--multivariate',
    '--out',
    'baseline.json',
  ]);
  const drift = [
    'shift:age:1sd',
    'shift:income:1.5sd',
    'shift:credit_score:-1sd',
    'scale:loan_amount:1.8',
    'shift:employment_years:1sd',
    'shift:debt_to_income:1sd',
    'reweight:region:north=6',
    'new-category:employment_type:gig:0.3',
    'degrade:prediction:0.8',
    // The service slows down too: with the challenger and serving columns 17 are tested, and this ninth
    // drift takes the drifted batches past the 50 % dataset share (9 of 17).
    'scale:latency_ms:1.6',
  ].flatMap((d) => ['--drift', d]);
  driftscope([
    'simulate',
    '--reference',
    'demo/reference.csv',
    '--out',
    'batches',
    '--batches',
    '6',
    '--rows',
    '1000',
    '--drift-from',
    '4',
    '--seed',
    '11',
    ...drift,
  ]);
  mkdirSync(path.join(work, 'watch'));

  // Prometheus and Alertmanager on the repository's files, with test timings and ports.
  const rules = readFileSync(path.join(root, 'monitoring/prometheus/alert-rules.yml'), 'utf8');
  writeFileSync(path.join(work, 'alert-rules.yml'), rules);
  writeFileSync(
    path.join(work, 'prometheus.yml'),
    substitute('monitoring/prometheus/prometheus.yml', [
      ['scrape_interval: 15s', 'scrape_interval: 1s'],
      ['evaluation_interval: 15s', 'evaluation_interval: 1s'],
      ['127.0.0.1:9093', `127.0.0.1:${amPort}`],
      ['127.0.0.1:9464', `127.0.0.1:${monitorPort}`],
    ]),
  );
  writeFileSync(
    path.join(work, 'alertmanager.yml'),
    substitute('monitoring/alertmanager/alertmanager.yml', [
      ['group_wait: 10s', 'group_wait: 1s'],
      ['group_interval: 1m', 'group_interval: 1s'],
      ['http://127.0.0.1:9095/alerts', `http://127.0.0.1:${hookPort}/alerts`],
    ]),
  );
  start(
    'prometheus',
    [
      `--config.file=prometheus.yml`,
      `--web.listen-address=127.0.0.1:${promPort}`,
      `--storage.tsdb.path=prom-data`,
    ],
    'prometheus',
  );
  start(
    'prometheus-alertmanager',
    [
      `--config.file=alertmanager.yml`,
      `--web.listen-address=127.0.0.1:${amPort}`,
      '--cluster.listen-address=',
      '--storage.path=am-data',
    ],
    'alertmanager',
  );
  startMonitor();
  await until('Prometheus to scrape the monitor', async () =>
    (await value('up{job="driftscope"}')) === 1 ? true : null,
  );
}, 120_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(children.filter((c) => c.exitCode === null).map(stopped));
  receiver?.close();
});

const M = 'model="loans"';

describe('a real Prometheus and Alertmanager on a real monitor', () => {
  it('healthy batches: series exist, nothing drifts', async () => {
    for (const f of ['batch-001.csv', 'batch-002.csv', 'batch-003.csv'])
      deliver(path.join(work, 'batches', f));
    await until('3 ok batches', async () =>
      (await value(`driftscope_batches_total{${M},status="ok"}`)) === 3 ? true : null,
    );
    await until('the latest gauges', async () =>
      (await value(`driftscope_batch_rows{${M}}`)) === 1000 ? true : null,
    );
    expect(await value(`driftscope_dataset_drift_detected{${M}}`)).toBe(0);
    expect(await value(`driftscope_batches_total{${M},status="error"}`)).toBe(0);
    // The demo's 17 tested columns (the challenger's and the 2 serving columns among them; pandas count in
    // test/fixtures/gen_demo_expected.py), each with a score, a threshold and a verdict.
    expect((await query(`driftscope_feature_drift_score{${M}}`)).length).toBe(demoExpected.drift.tested);
    // The latest batch's latency in seconds (a ms column / 1000) and error rate: what the monitor's own
    // analysis of that batch gives (serving.latency.current, serving.errorRate.current), through Prometheus.
    const latest = driftscopeJson(path.join(work, 'batches', 'batch-003.csv'));
    for (const [q, key] of [
      ['0.5', 'p50'],
      ['0.95', 'p95'],
      ['0.99', 'p99'],
    ] as const)
      expect(await value(`driftscope_serving_latency_seconds{${M},quantile="${q}"}`)).toBeCloseTo(
        latest.serving!.latency!.current![key] / 1000,
        9,
      );
    expect(await value(`driftscope_serving_error_rate{${M}}`)).toBeCloseTo(
      latest.serving!.errorRate!.current!,
      12,
    );
    expect(await value(`driftscope_model_metric{${M},metric="accuracy",source="estimated"}`)).toBeCloseTo(
      latest.performance!.estimated!.metrics.accuracy!,
      12,
    );
    expect(await value(`sum(driftscope_feature_drift_detected{${M}})`)).toBe(0);
    // sklearn accuracy_score on the demo reference (test/fixtures/gen_demo_expected.py).
    expect(await value(`driftscope_model_metric{${M},metric="accuracy",source="baseline"}`)).toBeCloseTo(
      demoExpected.quality.reference.accuracy,
      4,
    );
    expect(received.filter((a) => a.labels.alertname === 'DriftscopeDatasetDrift')).toEqual([]);
    // The monitor's own health, scraped with its model label (prom-client's default metrics).
    const rss = await value(`process_resident_memory_bytes{${M}}`);
    expect(rss).toBeGreaterThan(10 * 2 ** 20);
    expect(rss).toBeLessThan(2 * 2 ** 30);
    expect(await value(`nodejs_heap_size_used_bytes{${M}}`)).toBeGreaterThan(0);
    // The engine worker's heap, which nodejs_heap_size_* (the main thread's) leave out.
    const engineHeap = await value(`driftscope_engine_heap_used_bytes{${M}}`);
    expect(engineHeap).toBeGreaterThan(2 ** 20);
    expect(engineHeap).toBeLessThan(rss!);
    // Its code spaces (compiled code), part of that heap: some code is always compiled, and it is not all.
    const engineCode = await value(`driftscope_engine_code_space_used_bytes{${M}}`);
    expect(engineCode).toBeGreaterThan(0);
    expect(engineCode).toBeLessThan(engineHeap!);
  }, 90_000);

  it('drifted batches: gauges move, the alerts fire and reach the webhook with model and feature', async () => {
    for (const f of ['batch-004.csv', 'batch-005.csv', 'batch-006.csv'])
      deliver(path.join(work, 'batches', f));
    await until('6 ok batches', async () =>
      (await value(`driftscope_batches_total{${M},status="ok"}`)) === 6 ? true : null,
    );
    await until('dataset drift', async () =>
      (await value(`driftscope_dataset_drift_detected{${M}}`)) === 1 ? true : null,
    );
    expect(await value(`driftscope_dataset_drift_share{${M}}`)).toBeGreaterThanOrEqual(0.5);
    expect(await value(`driftscope_feature_drift_detected{${M},feature="income"}`)).toBe(1);
    expect(await value(`driftscope_feature_drift_streak{${M},feature="income"}`)).toBe(3);
    expect(await value(`driftscope_feature_drift_streak{${M},feature="has_mortgage"}`)).toBe(0);
    const got = await until('both alerts at the webhook', async () => {
      const dataset = received.find(
        (a) => a.labels.alertname === 'DriftscopeDatasetDrift' && a.status === 'firing',
      );
      const feature = received.find(
        (a) => a.labels.alertname === 'DriftscopeFeatureDriftPersistent' && a.labels.feature === 'income',
      );
      return dataset && feature ? { dataset, feature } : null;
    }).catch(async (error) => {
      const firing = await query('ALERTS{alertstate="firing"}');
      const am = await (await fetch(`http://127.0.0.1:${amPort}/api/v2/alerts`)).json();
      throw new Error(
        `${error}; received ${JSON.stringify(received.map((a) => a.labels))}; firing in Prometheus ${JSON.stringify(firing.map((f) => f.metric))}; in Alertmanager ${JSON.stringify(am).slice(0, 800)}`,
      );
    });
    // The multivariate detectors of the latest batch: what the monitor's own analysis of it gives.
    const latest = driftscopeJson(path.join(work, 'batches', 'batch-006.csv'));
    const mv = latest.multivariate!;
    expect(await value(`driftscope_multivariate_auc{${M}}`)).toBeCloseTo(mv.domainClassifier!.auc, 12);
    expect(await value(`driftscope_reconstruction_error{${M}}`)).toBeCloseTo(mv.reconstruction!.current, 12);
    expect(await value(`driftscope_reconstruction_error_threshold{${M},bound="upper"}`)).toBeCloseTo(
      mv.reconstruction!.threshold!,
      12,
    );
    expect(mv.domainClassifier!.driftDetected).toBe(true);
    expect(await value(`driftscope_multivariate_drift_detected{${M},detector="domain_classifier"}`)).toBe(1);
    await until('the multivariate alert in Prometheus', async () =>
      (await query('ALERTS{alertname="DriftscopeMultivariateDrift",alertstate="firing"}')).length > 0
        ? true
        : null,
    );
    expect(got.dataset.labels).toMatchObject({ model: 'loans', severity: 'warning' });
    expect(got.feature.labels).toMatchObject({ model: 'loans', feature: 'income', test: 'wasserstein' });
  }, 90_000);

  it('every PromQL expression of the Grafana dashboard returns data', async () => {
    const dashboard = JSON.parse(
      readFileSync(path.join(root, 'monitoring/grafana/dashboards/driftscope.json'), 'utf8'),
    );
    const exprs: string[] = dashboard.panels.flatMap((p: { targets: { expr: string }[] }) =>
      p.targets.map((t) => t.expr),
    );
    const empty: string[] = [];
    for (const e of exprs) {
      const q = e.replaceAll('$__rate_interval', '1m').replaceAll('$model', 'loans');
      if ((await query(q)).length === 0) empty.push(q);
    }
    expect(empty).toEqual([]);
  }, 60_000);

  it('a restarted monitor analyses no batch twice and loses none; bad batches are errors, the next is analysed', async () => {
    const monitor = children.find((c) => (c.spawnargs ?? []).includes('monitor'));
    monitor?.kill('SIGTERM');
    expect(await stopped(monitor as ChildProcess)).toBe(0);
    // While it is down: a ragged batch, a batch without a baseline column, and a good one.
    const good = readFileSync(path.join(work, 'batches', 'batch-002.csv'), 'utf8').split('\n');
    writeFileSync(
      path.join(work, 'watch', 'batch-007.csv'),
      `${good[0]}\n${good
        .slice(1, 50)
        .map((l) => `${l},x,y`)
        .join('\n')}\n`,
    );
    writeFileSync(
      path.join(work, 'watch', 'batch-008.csv'),
      `${good[0].replace('income', 'salary')}\n${good.slice(1).join('\n')}`,
    );
    writeFileSync(path.join(work, 'watch', 'batch-009.csv'), good.join('\n'));
    startMonitor();
    await until('7 ok and 2 error batches', async () =>
      (await value(`driftscope_batches_total{${M},status="ok"}`)) === 7 &&
      (await value(`driftscope_batches_total{${M},status="error"}`)) === 2
        ? true
        : null,
    );
    const log = readFileSync(path.join(work, 'monitor.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; file: string; status: string; error: string | null });
    const batches = log.filter((l) => l.event === 'batch');
    expect(batches.map((b) => b.file)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `batch-00${i}.csv`));
    expect(batches[6]).toMatchObject({ status: 'error' });
    expect(batches[6].error).toMatch(/watch\/batch-007\.csv/);
    expect(batches[7].error).toMatch(/lacks the baseline's column "income"/);
    expect(batches[8]).toMatchObject({ status: 'ok' });
    // batch-009 is batch-002 again under another name: healthy, so the dataset drift is over.
    await until('no dataset drift', async () =>
      (await value(`driftscope_dataset_drift_detected{${M}}`)) === 0 ? true : null,
    );
    expect(readFileSync(path.join(work, 'driftscope.prom'), 'utf8')).toContain(
      'driftscope_batches_total{model="loans",status="error"} 2',
    );
  }, 90_000);
});
