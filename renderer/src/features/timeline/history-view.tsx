/**
 * A monitor's history in the Timeline view ("Open monitor history"): each batch a chunk, in the order the
 * monitor analysed them; the features × batches heatmap and the drifted share per batch (timeline-charts.ts);
 * error batches marked as such; the alerts each batch raised, listed; and, for a clicked batch, the numbers
 * the history stores (the rows are not in it). Every name from the data is a React text node.
 */
import { useMemo, useState } from 'react';
import type { BatchAlert } from '../../../../shared/monitoring/batch-alerts';
import type { HistoryBatch, MonitorHistory } from '../../../../shared/monitoring/history-timeline';
import { formatBytes, formatInteger, formatNumber, formatPercent } from '../../lib/format';
import { useColorScheme } from '../../lib/use-color-scheme';
import { onChunkClick } from './chunk-click';
import { heatmapRows, sortHeatRows } from './heatmap-data';
import { TimelineCard } from './timeline-card';
import { heatmapFigure, shareFigure } from './timeline-charts';
import { TimelineNotes } from './timeline-notes';

const num = (v: number | null) => (v === null ? '—' : formatNumber(v));

/**
 * A column name with line-break opportunities after its separators (`_ . - /`), so `num_open_accounts`
 * wraps as `num_open_` / `accounts` in a narrow pane rather than mid-word. Text nodes and <wbr>, never HTML.
 */
function breakable(name: string) {
  const parts = name.split(/(?<=[_.\-/])/);
  return parts.map((part, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order.
    <span key={i}>
      {part}
      {i < parts.length - 1 && <wbr />}
    </span>
  ));
}

/** An alert's identity within its batch: its kind and the feature or metric it is about. */
const alertKey = (a: BatchAlert) =>
  `${a.alert}:${a.alert === 'feature_drift' ? a.feature : a.alert === 'model_decay' ? a.metric : ''}`;

/** One alert in words (the monitor's JSON log line, read). */
export function describeAlert(a: BatchAlert): string {
  if (a.alert === 'dataset_drift')
    return `Dataset drift: ${formatPercent(a.driftShare)} of the tested features`;
  if (a.alert === 'feature_drift')
    return `${a.feature} drifted (${a.test ?? 'no test'} ${num(a.score)}, threshold ${num(a.threshold)}), ${a.consecutiveBatches} batch${a.consecutiveBatches > 1 ? 'es' : ''} in a row`;
  return `Model decay: ${a.metric} ${num(a.realized)} against the baseline's ${num(a.baseline)}`;
}

function BatchDetail({
  batch,
  history,
  onClose,
}: {
  batch: HistoryBatch;
  history: MonitorHistory;
  onClose(): void;
}) {
  const chunk = history.timeline.chunks[batch.index];
  return (
    <section
      className="tl-chunk-detail hv-batch"
      data-testid="batch-detail"
      aria-label={`Batch ${batch.file}`}
    >
      <header className="tl-chunk-head">
        <h3>
          {batch.file}{' '}
          <span className="muted">
            {batch.status === 'error' ? 'not analysed' : `${formatInteger(chunk.rows)} rows`}
          </span>
        </h3>
        <button type="button" className="btn btn-quiet" data-testid="batch-detail-close" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="hv-batch-body">
        <p className="muted" data-testid="batch-rows-note">
          {batch.status === 'error'
            ? 'The monitor could not analyse this batch; the history keeps its message, not its rows.'
            : `The history keeps these numbers of the batch, not its rows: open ${batch.file} as the current file to see its distributions.`}
        </p>
        <dl className="hv-facts">
          <dt>Analysed</dt>
          <dd>{batch.analysedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</dd>
          <dt>File</dt>
          <dd>
            {formatBytes(batch.bytes)} · SHA-256 {batch.sha256.slice(0, 12)}…
          </dd>
          <dt>Took</dt>
          <dd>{batch.durationSeconds.toFixed(2)} s</dd>
        </dl>
        {batch.error !== null && (
          <div className="load-error" role="alert" data-testid="batch-error">
            {batch.error}
          </div>
        )}
        {batch.alerts.length > 0 && (
          <ul className="hv-alerts" data-testid="batch-alerts">
            {batch.alerts.map((a) => (
              <li key={alertKey(a)}>{describeAlert(a)}</li>
            ))}
          </ul>
        )}
        {chunk.columns.length > 0 && (
          <div className="hv-table-box" data-testid="batch-columns-box">
            <table className="hv-table" data-testid="batch-columns">
              <thead>
                <tr>
                  <th>Column</th>
                  <th>Test</th>
                  <th className="num">Score</th>
                  <th className="num">Threshold</th>
                  <th>Verdict</th>
                  <th className="num">Missing</th>
                </tr>
              </thead>
              <tbody>
                {chunk.columns.map((c) => (
                  <tr key={c.name} data-testid="batch-column" data-name={c.name} data-drift={c.driftDetected}>
                    <td className="hv-name">{breakable(c.name)}</td>
                    <td>{c.test ?? '—'}</td>
                    <td className="num">{num(c.score)}</td>
                    <td className="num">{num(c.threshold)}</td>
                    <td className={c.driftDetected ? 'hv-drift' : 'muted'}>
                      {c.test === null ? (c.note ?? 'not tested') : c.driftDetected ? 'drift' : 'no drift'}
                    </td>
                    <td className="num">{c.missingShare === null ? '—' : formatPercent(c.missingShare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {batch.metrics.length > 0 && (
          <div className="hv-table-box" data-testid="batch-metrics-box">
            <table className="hv-table" data-testid="batch-metrics">
              <thead>
                <tr>
                  <th>Metric</th>
                  <th className="num">Realised</th>
                  <th className="num">Baseline</th>
                  <th>Verdict</th>
                </tr>
              </thead>
              <tbody>
                {batch.metrics.map((m) => (
                  <tr key={m.metric}>
                    <td>{m.metric}</td>
                    <td className="num">{num(m.realized)}</td>
                    <td className="num">{num(m.baseline)}</td>
                    <td className={m.decayed ? 'hv-drift' : 'muted'}>{m.decayed ? 'decayed' : 'ok'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}

export function HistoryView({ history, onClose }: { history: MonitorHistory; onClose(): void }) {
  const scheme = useColorScheme();
  const { timeline, batches, alerts } = history;
  const [selected, setSelected] = useState<number | null>(null);
  const rows = useMemo(() => sortHeatRows(heatmapRows(timeline), 'first-alert'), [timeline]);
  const heat = useMemo(() => heatmapFigure(timeline, rows, scheme), [timeline, rows, scheme]);
  const share = useMemo(() => shareFigure(timeline, null, scheme), [timeline, scheme]);
  const errors = batches.filter((b) => b.status === 'error').length;
  const batch = selected === null ? null : (batches[selected] ?? null);
  return (
    <main className="workspace tl-workspace" data-testid="history-view">
      <header className="hv-head">
        <h1>
          Monitor history <span className="muted">{history.fileName}</span>
        </h1>
        <span className="muted" data-testid="history-summary">
          {formatInteger(batches.length)} batches · {formatInteger(errors)} not analysed ·{' '}
          {formatInteger(alerts.length)} alerts · {formatInteger(rows.length)} tested features
        </span>
        <button type="button" className="btn" data-testid="history-close" onClick={onClose}>
          Close history
        </button>
      </header>
      <TimelineNotes notes={timeline.notes} />
      <div className="tl-body">
        <TimelineCard
          label="Drift by feature and batch"
          head={<h2>Drift by batch</h2>}
          figure={heat}
          testId="timeline-heatmap"
          chartLabel={`Heatmap of ${rows.length} features over ${batches.length} batches: colour is the score relative to its threshold, dots mark alerts`}
          onPointClick={onChunkClick(setSelected)}
        />
        <div className="tl-lower">
          <div className="tl-lines">
            <TimelineCard
              label="Drifted share per batch"
              figure={share}
              testId="timeline-share"
              chartLabel="Share of drifted tested columns per batch"
              onPointClick={onChunkClick(setSelected)}
            />
            <section className="tl-card" aria-label="Batches">
              <header className="tl-card-head">
                <h2>Batches and alerts</h2>
              </header>
              <table className="hv-table hv-batches" data-testid="history-batches">
                <thead>
                  <tr>
                    <th>Batch</th>
                    <th className="num">Rows</th>
                    <th className="num">Drifted</th>
                    <th>Alerts</th>
                  </tr>
                </thead>
                <tbody>
                  {batches.map((b) => {
                    const chunk = timeline.chunks[b.index];
                    return (
                      <tr
                        key={b.index}
                        data-testid="history-batch"
                        data-status={b.status}
                        data-alerts={b.alerts.length}
                        className={selected === b.index ? 'hv-selected' : undefined}
                      >
                        <td>
                          <button type="button" className="link-button" onClick={() => setSelected(b.index)}>
                            {b.file}
                          </button>
                        </td>
                        <td className="num">{b.status === 'error' ? '—' : formatInteger(chunk.rows)}</td>
                        <td className="num">
                          {chunk.dataset === null
                            ? '—'
                            : `${chunk.dataset.driftedColumns} of ${chunk.dataset.testedColumns}`}
                        </td>
                        <td>
                          {b.status === 'error' ? (
                            <span className="hv-error">error: not analysed</span>
                          ) : b.alerts.length === 0 ? (
                            <span className="muted">none</span>
                          ) : (
                            <ul className="hv-alerts">
                              {b.alerts.map((a) => (
                                <li key={alertKey(a)} data-testid="history-alert" data-alert={a.alert}>
                                  {describeAlert(a)}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          </div>
          <aside className="detail-pane tl-detail">
            {batch ? (
              <BatchDetail batch={batch} history={history} onClose={() => setSelected(null)} />
            ) : (
              <div className="detail-placeholder muted" data-testid="batch-detail-placeholder">
                Click a batch (in the heatmap, the share chart or the list) to see the numbers the monitor
                stored for it.
              </div>
            )}
          </aside>
        </div>
      </div>
    </main>
  );
}
