// `npm run monitor:demo`: the whole monitoring exercise on this machine, on loopback. Writes the built-in demo,
// saves its baseline, simulates 8 batches (healthy, then drifting from batch 5: income and age shift, a new
// employment type, degraded predictions), starts `driftscope monitor` on a folder and, where they are installed,
// Prometheus (with the repository's alert rules) and Alertmanager (routes to a local webhook that prints what
// it receives). Delivers one batch every 5 s and prints what to look at. Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'electron', 'cli.cjs');
const work = mkdtempSync(path.join(tmpdir(), 'driftscope-monitor-demo-'));
const children = [];
const has = (bin) => spawnSync('which', [bin]).status === 0;
const run = (args) => {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const start = (cmd, args, quiet = true) => {
  const c = spawn(cmd, args, { cwd: work, stdio: quiet ? 'ignore' : ['ignore', 'inherit', 'inherit'] });
  children.push(c);
  return c;
};

console.log(`Working folder: ${work}`);
run(['demo', '--out', 'demo']);
run(['baseline', '--reference', 'demo/reference.csv', '--model', 'loan-default', '--out', 'baseline.json']);
run([
  'simulate',
  '--reference',
  'demo/reference.csv',
  '--out',
  'batches',
  '--batches',
  '8',
  '--rows',
  '2000',
  '--drift-from',
  '5',
  '--seed',
  '7',
  '--drift',
  'shift:income:1sd',
  '--drift',
  'shift:age:0.8sd',
  '--drift',
  'new-category:employment_type:gig:0.25',
  '--drift',
  'degrade:prediction:0.6',
]);
mkdirSync(path.join(work, 'watch'));
start(
  process.execPath,
  [
    ...createRequire(import.meta.url)('../bin/monitor-node-flags.cjs'),
    cli,
    'monitor',
    '--baseline',
    'baseline.json',
    '--watch',
    'watch',
    '--log',
    'monitor.jsonl',
    '--stale-after',
    '600',
  ],
  false,
);

if (has('prometheus')) {
  const rules = readFileSync(path.join(root, 'monitoring/prometheus/alert-rules.yml'), 'utf8');
  writeFileSync(path.join(work, 'alert-rules.yml'), rules);
  writeFileSync(
    path.join(work, 'prometheus.yml'),
    readFileSync(path.join(root, 'monitoring/prometheus/prometheus.yml'), 'utf8').replace(
      'scrape_interval: 15s',
      'scrape_interval: 5s',
    ),
  );
  start('prometheus', [
    '--config.file=prometheus.yml',
    '--web.listen-address=127.0.0.1:9090',
    '--storage.tsdb.path=prom-data',
  ]);
  console.log(
    'Prometheus: http://127.0.0.1:9090/alerts (alerts) and /graph?g0.expr=driftscope_dataset_drift_share',
  );
} else console.log('Prometheus is not installed (apt-get install prometheus): metrics only.');
if (has('prometheus-alertmanager') || has('alertmanager')) {
  writeFileSync(
    path.join(work, 'alertmanager.yml'),
    readFileSync(path.join(root, 'monitoring/alertmanager/alertmanager.yml'), 'utf8').replace(
      'group_wait: 10s',
      'group_wait: 2s',
    ),
  );
  start(has('prometheus-alertmanager') ? 'prometheus-alertmanager' : 'alertmanager', [
    '--config.file=alertmanager.yml',
    '--web.listen-address=127.0.0.1:9093',
    '--cluster.listen-address=',
    '--storage.path=am-data',
  ]);
  createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      for (const a of JSON.parse(body).alerts)
        console.log(`  webhook: ${a.status} ${a.labels.alertname} ${a.annotations.summary}`);
      res.end();
    });
  }).listen(9095, '127.0.0.1');
  console.log(
    'Alertmanager: http://127.0.0.1:9093 (Slack and PagerDuty need their secret files; the webhook prints here)',
  );
}
console.log(
  'Metrics: http://127.0.0.1:9464/metrics · Grafana: import monitoring/grafana/dashboards/driftscope.json',
);
console.log(
  'Batches 1-4 are healthy; from batch 5 income, age and employment_type drift and the model degrades.\n',
);

let next = 1;
const timer = setInterval(() => {
  const name = `batch-${String(next).padStart(3, '0')}.csv`;
  const temp = path.join(work, 'watch', `.${name}.tmp`);
  copyFileSync(path.join(work, 'batches', name), temp);
  renameSync(temp, path.join(work, 'watch', name));
  if (++next > 8) {
    clearInterval(timer);
    console.log('\nAll 8 batches delivered. Ctrl-C to stop.');
  }
}, 5000);

const stopAll = () => {
  clearInterval(timer);
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(0), 1000);
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
