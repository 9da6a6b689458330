// @vitest-environment node
// The files under monitoring/ checked by the real tools (Debian's prometheus 2.42 promtool and
// prometheus-alertmanager 0.25 amtool, installed by .ci/run): configs valid, alert rules unit-tested by
// promtool against synthetic series, Alertmanager's routing tree resolved by amtool, and every metric the
// rules and the Grafana dashboard use is one the monitor exports (shared/monitoring/metric-families.ts).
// Grafana is not packaged here: the dashboard is checked against the fields of its JSON model, and every
// PromQL expression in it is parsed by promtool.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_FAMILIES, seriesNames } from '../../../shared/monitoring/metric-families';

const root = path.resolve(__dirname, '../../..');
const monitoring = path.join(root, 'monitoring');

function tool(command: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', cwd: monitoring });
  if (r.error) {
    throw new Error(
      `${command} is not installed (apt-get install prometheus prometheus-alertmanager): ${r.error.message}`,
    );
  }
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const exported = new Set(Object.values(METRIC_FAMILIES).flatMap(seriesNames));
/** Series built into Prometheus itself. */
const BUILT_IN = new Set(['up', 'ALERTS', 'ALERTS_FOR_STATE']);

function metricNamesIn(expr: string): string[] {
  return [...expr.matchAll(/\b(driftscope_[a-z_]+)\b/g)].map((m) => m[1]);
}

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { type: string; uid: string };
  targets?: { expr: string; refId: string; datasource?: { uid: string } }[];
}

const dashboard = JSON.parse(
  readFileSync(path.join(monitoring, 'grafana/dashboards/driftscope.json'), 'utf8'),
) as {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating: { list: { name: string; query: { query: string } }[] };
};
const exprs = dashboard.panels.flatMap((p) =>
  (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })),
);

describe('Prometheus files (promtool)', () => {
  it('prometheus.yml and its rule file are valid', () => {
    const r = tool('promtool', ['check', 'config', 'prometheus/prometheus.yml']);
    // alert-rules.yml: dataset drift, persistent feature drift, model decay, multivariate drift, no recent
    // batch, batch errors, monitor down.
    expect(r.out).toContain('SUCCESS: 7 rules found');
    expect(r.status).toBe(0);
  });

  it('the alert rules pass their unit tests (alert-rules.test.yml)', () => {
    const r = tool('promtool', ['test', 'rules', 'prometheus/alert-rules.test.yml']);
    expect(r.out).toContain('SUCCESS');
    expect(r.status).toBe(0);
  });

  it('a broken rule is refused (the check can fail)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ds-rules-'));
    const file = path.join(dir, 'bad.yml');
    writeFileSync(
      file,
      'groups:\n  - name: x\n    rules:\n      - alert: X\n        expr: max by (model (up)\n',
    );
    expect(tool('promtool', ['check', 'rules', file]).status).not.toBe(0);
  });

  it('every metric the rules use is exported by the monitor', () => {
    const rules = readFileSync(path.join(monitoring, 'prometheus/alert-rules.yml'), 'utf8');
    const used = metricNamesIn(rules);
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((n) => !exported.has(n))).toEqual([]);
  });
});

describe('Alertmanager (amtool)', () => {
  it('alertmanager.yml is valid', () => {
    const r = tool('amtool', ['check-config', 'alertmanager/alertmanager.yml']);
    expect(r.out).toContain('SUCCESS');
    expect(r.status).toBe(0);
  });

  it.each([
    ['severity=critical', 'webhook,pagerduty'],
    ['severity=warning', 'webhook,slack'],
    ['severity=info', 'webhook'],
  ])('an alert with %s goes to %s', (label, receivers) => {
    const r = tool('amtool', [
      'config',
      'routes',
      'test',
      '--config.file=alertmanager/alertmanager.yml',
      label,
    ]);
    expect(r.out.split('\n')[0].trim()).toBe(receivers);
  });

  it('secrets are read from files, never written in the config', () => {
    const text = readFileSync(path.join(monitoring, 'alertmanager/alertmanager.yml'), 'utf8');
    expect(text).toMatch(/api_url_file:/);
    expect(text).toMatch(/routing_key_file:/);
    expect(text).not.toMatch(/hooks\.slack\.com\/services\/[A-Z0-9]/);
  });
});

describe('Grafana dashboard (JSON model fields; Grafana itself is not packaged here)', () => {
  it('has the fields Grafana needs to import it', () => {
    expect(dashboard.uid).toBe('driftscope-monitor');
    expect(typeof dashboard.title).toBe('string');
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of dashboard.panels) {
      expect(['timeseries', 'stat', 'table', 'status-history']).toContain(p.type);
      expect(p.gridPos.w).toBeGreaterThan(0);
      expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
      expect(p.datasource?.uid).toBe('driftscope-prometheus');
      expect(p.targets?.length).toBeGreaterThan(0);
    }
    const provisioning = readFileSync(
      path.join(monitoring, 'grafana/provisioning/datasources/prometheus.yml'),
      'utf8',
    );
    expect(provisioning).toContain('uid: driftscope-prometheus');
  });

  it('shows what the issue asks for', () => {
    const all = exprs.map((e) => e.expr).join('\n');
    for (const name of [
      'driftscope_dataset_drift_share',
      'driftscope_feature_drift_detected',
      'driftscope_feature_drift_score',
      'driftscope_feature_drift_threshold',
      'driftscope_model_metric',
      'driftscope_batch_rows',
      'driftscope_last_batch_timestamp_seconds',
      'ALERTS',
    ]) {
      expect(all).toContain(name);
    }
  });

  it('every expression is valid PromQL on exported metrics (parsed by promtool)', () => {
    const instantiate = (expr: string) =>
      expr.replaceAll('$__rate_interval', '1m').replaceAll('$model', '.*');
    const rules = [
      ...exprs.map((e) => instantiate(e.expr)),
      ...dashboard.templating.list.map((v) => v.query.query.replace(/^label_values\(([^,]+),.*\)$/, '$1')),
    ];
    const dir = mkdtempSync(path.join(tmpdir(), 'ds-dash-'));
    const file = path.join(dir, 'dashboard-exprs.yml');
    const body = rules.map(
      (expr, i) => `      - record: dashboard:expr_${i}\n        expr: ${JSON.stringify(expr)}`,
    );
    writeFileSync(file, `groups:\n  - name: dashboard\n    rules:\n${body.join('\n')}\n`);
    const r = tool('promtool', ['check', 'rules', file]);
    expect(r.out).toContain(`SUCCESS: ${rules.length} rules found`);
    const unknown = rules
      .flatMap((expr) => [...expr.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{/g)].map((m) => m[1]))
      .filter((n) => !exported.has(n) && !BUILT_IN.has(n));
    expect(unknown).toEqual([]);
    expect(rules.flatMap(metricNamesIn).filter((n) => !exported.has(n))).toEqual([]);
  });
});
