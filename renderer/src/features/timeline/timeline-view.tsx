/**
 * The Timeline view (beside the drift table): the chunking controls, the features × chunks heatmap
 * (sortable by first alert or alert count), the selected feature's score per chunk, the drifted share and
 * the model metrics over the chunks (with the CBPE estimate against the realised metric when the chunks carry
 * one, estimated-card.tsx), and, for a clicked chunk, that feature's detail against the
 * reference. The timeline itself is computed by useTimeline (app.tsx) in the engine worker.
 */
import { useEffect, useMemo, useState } from 'react';
import type { TimelineRunOptions } from '../../../../shared/api';
import type { BinChoice } from '../../../../shared/explore/types';
import type { AnalysisResult, AnalysisSettings } from '../../../../shared/report/analysis-result';
import { hasEstimates } from '../../../../shared/timeline/estimated-series';
import { ProgressTrack } from '../../components/progress-track';
import { formatInteger } from '../../lib/format';
import { useColorScheme } from '../../lib/use-color-scheme';
import { WorkspaceTabs } from '../performance/workspace-tabs';
import { clickedCell, onChunkClick } from './chunk-click';
import { ChunkDetail } from './chunk-detail';
import { defaultSpec, timeColumnsOf } from './default-spec';
import { DomainAucCard } from './domain-auc-card';
import { EstimatedCard } from './estimated-card';
import { analysisPosition, type HeatSort, heatmapRows, sortHeatRows } from './heatmap-data';
import { ReconstructionCard } from './reconstruction-card';
import { ServingCard } from './serving-card';
import { TimelineCard } from './timeline-card';
import { featureLineFigure, heatmapFigure, metricsFigure, shareFigure } from './timeline-charts';
import { TimelineControls } from './timeline-controls';
import { TimelineNotes } from './timeline-notes';
import type { TimelineState } from './use-timeline';

interface Props {
  result: AnalysisResult;
  settings: AnalysisSettings;
  /** Column names of the loaded current file. */
  columns: string[];
  timeline: TimelineState;
  bins: BinChoice;
  logY: boolean;
  onView(view: { bins?: BinChoice; logY?: boolean }): void;
  onSpec(spec: TimelineRunOptions): void;
  onCancel(): void;
  onRetry(): void;
}

const SORTS: [HeatSort, string][] = [
  ['first-alert', 'First alert'],
  ['alert-count', 'Alert count'],
  ['name', 'Name'],
];

function TimelineProgressBar({ state, onCancel }: { state: TimelineState; onCancel(): void }) {
  const p = state.progress;
  const fraction = p && p.total > 0 ? p.done / p.total : null;
  return (
    <div className="tl-status" data-testid="timeline-running">
      <div className="progress">
        <ProgressTrack fraction={fraction} label="Timeline progress" />
        <div className="progress-text" data-testid="timeline-progress-text">
          {p
            ? `${formatInteger(p.done)} of ${formatInteger(p.total)} chunks`
            : 'Cutting the data into chunks…'}
        </div>
      </div>
      <button type="button" className="btn" data-testid="timeline-cancel" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

export function TimelineView(props: Props) {
  const { result, settings, timeline: state, onSpec } = props;
  const scheme = useColorScheme();
  const spec = settings.timeline ?? null;
  // A session without a chunking starts with the default one (weekly on a date column, else ten chunks).
  useEffect(() => {
    if (spec === null) onSpec(defaultSpec(result));
  }, [spec, result, onSpec]);
  const [sort, setSort] = useState<HeatSort>('first-alert');
  const [feature, setFeature] = useState<string | null>(null);
  const [chunk, setChunk] = useState<number | null>(null);
  const timeline = state.timeline;
  const rows = useMemo(() => (timeline ? sortHeatRows(heatmapRows(timeline), sort) : []), [timeline, sort]);
  const selected = rows.find((r) => r.name === feature)?.name ?? rows[0]?.name ?? null;
  // A new timeline (another chunking) forgets the clicked chunk: its index means another chunk now.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a new timeline only.
  useEffect(() => setChunk(null), [timeline]);
  const heat = useMemo(
    () => (timeline ? heatmapFigure(timeline, rows, scheme) : null),
    [timeline, rows, scheme],
  );
  const line = useMemo(
    () => (timeline && selected ? featureLineFigure(timeline, selected, scheme) : null),
    [timeline, selected, scheme],
  );
  const share = useMemo(
    () => (timeline ? shareFigure(timeline, result.dataset.shareThreshold, scheme) : null),
    [timeline, result.dataset.shareThreshold, scheme],
  );
  const metrics = useMemo(() => (timeline ? metricsFigure(timeline, scheme) : null), [timeline, scheme]);
  const columns = useMemo(() => {
    const time = timeColumnsOf(result);
    return [...time, ...props.columns.filter((c) => !time.includes(c))];
  }, [result, props.columns]);

  const openChunk = (index: number, name: string | null) => {
    if (name) setFeature(name);
    setChunk(index);
  };
  const chunkInfo = timeline && chunk !== null ? timeline.chunks[chunk] : null;
  const position = timeline && chunk !== null ? analysisPosition(timeline, chunk) : null;
  const shownSpec = state.spec;

  return (
    <main className="workspace tl-workspace" data-testid="timeline-view">
      <WorkspaceTabs result={result} />
      {spec && (
        <TimelineControls
          spec={spec}
          columns={columns}
          running={state.status === 'running'}
          onApply={onSpec}
        />
      )}
      {state.status === 'running' && <TimelineProgressBar state={state} onCancel={props.onCancel} />}
      {state.status === 'cancelled' && (
        <div className="tl-status muted" data-testid="timeline-cancelled">
          The timeline was cancelled.{' '}
          <button type="button" className="link-button" onClick={props.onRetry}>
            Compute it again
          </button>
        </div>
      )}
      {state.status === 'error' && (
        <div className="load-error" role="alert" data-testid="timeline-error">
          <div className="load-error-title">The timeline could not be computed</div>
          <div className="load-error-message">{state.error}</div>
        </div>
      )}
      {timeline && timeline.notes.length > 0 && <TimelineNotes notes={timeline.notes} />}
      {timeline && heat && (
        <div className={state.status === 'running' ? 'tl-body tl-stale' : 'tl-body'}>
          <TimelineCard
            label="Drift by feature and chunk"
            head={
              <>
                <h2>
                  Drift by chunk{' '}
                  <span className="muted" data-testid="timeline-summary">
                    {formatInteger(timeline.chunks.length)} chunks · {formatInteger(rows.length)} tested
                    features
                    {state.elapsedMs !== null && ` · ${(state.elapsedMs / 1000).toFixed(1)} s`}
                  </span>
                </h2>
                <label className="field">
                  <span className="muted">Sort</span>
                  <select
                    className="input input-compact"
                    data-testid="tl-sort"
                    value={sort}
                    onChange={(e) => setSort(e.target.value as HeatSort)}
                  >
                    {SORTS.map(([key, label]) => (
                      <option key={key} value={key}>
                        {label}
                      </option>
                    ))}
                  </select>
                </label>
              </>
            }
            figure={heat}
            testId="timeline-heatmap"
            chartLabel={`Heatmap of ${rows.length} features over ${timeline.chunks.length} chunks: colour is the score relative to its threshold, dots mark alerts`}
            onPointClick={(_curve, _point, at) => {
              const cell = clickedCell(at);
              if (cell) openChunk(cell.chunk, rows[cell.row]?.name ?? null);
            }}
          >
            <div className="tl-heat-rows sr-only" data-testid="timeline-rows">
              {rows.map((r) => (
                <span key={r.name} data-testid="timeline-row" data-name={r.name} data-alerts={r.alerts}>
                  {r.name}: {r.alerts} alerts
                </span>
              ))}
            </div>
          </TimelineCard>
          <div className="tl-lower">
            <div className="tl-lines">
              {line && selected && (
                <TimelineCard
                  label={`${selected} over the chunks`}
                  head={
                    <h2>
                      <label className="field">
                        <span className="muted">Feature</span>
                        <select
                          className="input input-compact"
                          data-testid="tl-feature"
                          value={selected}
                          onChange={(e) => setFeature(e.target.value)}
                        >
                          {rows.map((r) => (
                            <option key={r.name} value={r.name}>
                              {r.name}
                            </option>
                          ))}
                        </select>
                      </label>
                    </h2>
                  }
                  figure={line}
                  testId="timeline-feature-line"
                  chartLabel={`Score of ${selected} per chunk with its threshold, and rows per chunk`}
                  onPointClick={onChunkClick((index) => openChunk(index, null))}
                />
              )}
              {share && (
                <TimelineCard
                  label="Drifted share per chunk"
                  figure={share}
                  testId="timeline-share"
                  chartLabel="Share of drifted tested columns per chunk, with the dataset threshold"
                />
              )}
              {hasEstimates(timeline) && <EstimatedCard timeline={timeline} scheme={scheme} />}
              <ServingCard timeline={timeline} serving={props.result.serving} scheme={scheme} />
              <ReconstructionCard timeline={timeline} scheme={scheme} />
              <DomainAucCard timeline={timeline} scheme={scheme} />
              {metrics && (
                <TimelineCard
                  label="Model metrics per chunk"
                  figure={metrics}
                  testId="timeline-metrics"
                  chartLabel="Model metrics per chunk with their reference baselines"
                />
              )}
            </div>
            <aside className="detail-pane tl-detail">
              {chunkInfo && selected && shownSpec && position !== null && chunkInfo.dataset !== null ? (
                <ChunkDetail
                  settings={settings}
                  spec={shownSpec}
                  position={position}
                  label={chunkInfo.label}
                  column={selected}
                  bins={props.bins}
                  logY={props.logY}
                  onView={props.onView}
                  onClose={() => setChunk(null)}
                />
              ) : (
                <div className="detail-placeholder muted" data-testid="chunk-detail-placeholder">
                  {chunkInfo?.dataset === null
                    ? `${chunkInfo.label} holds no rows: a gap, not drift.`
                    : chunkInfo?.period === 'reference'
                      ? `${chunkInfo.label} is a reference chunk, scored against the rest of the reference; click an analysis chunk to see its distributions.`
                      : 'Click a cell of the heatmap (or a point of the line) to see that feature in that chunk against the reference.'}
                </div>
              )}
            </aside>
          </div>
        </div>
      )}
    </main>
  );
}
