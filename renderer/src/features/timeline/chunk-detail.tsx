/**
 * One feature in one chunk against the reference: the engine's column detail and rows requests are
 * pointed at that chunk ('timeline:focus-chunk', which answers with the chunk's own two-file analysis),
 * and today's feature detail shows it (histogram, ECDF, categories, rows behind a bar). Unmounting
 * points them back at the whole current file.
 */
import { useEffect, useState } from 'react';
import type { TimelineRunOptions } from '../../../../shared/api';
import type { BinChoice } from '../../../../shared/explore/types';
import type { AnalysisResult, AnalysisSettings } from '../../../../shared/report/analysis-result';
import { getApi } from '../../api';
import { FeatureDetail } from '../detail/feature-detail';
import { useColumnDetail } from '../detail/use-column-detail';
import { runSettings } from './use-timeline';

interface Props {
  settings: AnalysisSettings;
  spec: TimelineRunOptions;
  /** Position among the analysis chunks. */
  position: number;
  label: string;
  column: string;
  bins: BinChoice;
  logY: boolean;
  onView(view: { bins?: BinChoice; logY?: boolean }): void;
  onClose(): void;
}

function Loaded({ result, props }: { result: AnalysisResult; props: Props }) {
  const column = result.columns.find((c) => c.name === props.column) ?? null;
  const detailState = useColumnDetail(props.column, props.bins, result);
  if (!column) return <div className="muted">{props.column} is not in this chunk.</div>;
  return (
    <FeatureDetail
      column={column}
      detailState={detailState}
      override={undefined}
      recomputing={false}
      bins={props.bins}
      logY={props.logY}
      onView={props.onView}
    />
  );
}

export function ChunkDetail(props: Props) {
  const { settings, spec, position } = props;
  const [state, setState] = useState<{ result: AnalysisResult | null; error: string | null; key: string }>({
    result: null,
    error: null,
    key: '',
  });
  const key = `${JSON.stringify(spec)}\u0000${position}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for spec and position.
  useEffect(() => {
    let live = true;
    getApi()
      .focusChunk(runSettings(settings), spec, position)
      .then(
        (result) => live && setState({ result, error: null, key }),
        (error: unknown) =>
          live &&
          setState({ result: null, error: error instanceof Error ? error.message : String(error), key }),
      );
    return () => {
      live = false;
    };
  }, [key, settings]);
  useEffect(
    () => () => {
      void getApi()
        .focusChunk(runSettings(settings), spec, null)
        .catch(() => undefined);
    },
    [settings, spec],
  );
  const fresh = state.key === key;
  return (
    <section
      className="tl-chunk-detail"
      data-testid="chunk-detail"
      aria-label={`${props.column} in ${props.label}`}
    >
      <header className="tl-chunk-head">
        <h3>
          {props.label} <span className="muted">against the whole reference</span>
        </h3>
        <button
          type="button"
          className="btn btn-quiet"
          data-testid="chunk-detail-close"
          onClick={props.onClose}
        >
          Close
        </button>
      </header>
      {fresh && state.error && (
        <div className="load-error" role="alert" data-testid="chunk-detail-error">
          {state.error}
        </div>
      )}
      {fresh && state.result && <Loaded result={state.result} props={props} />}
      {!fresh && (
        <div className="muted" data-testid="chunk-detail-loading">
          <span className="spinner" aria-hidden="true" /> Loading the chunk…
        </div>
      )}
    </section>
  );
}
