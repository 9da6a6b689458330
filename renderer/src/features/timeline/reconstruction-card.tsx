/**
 * The Timeline view's card "Multivariate: reconstruction error per chunk" (docs/multivariate.md), when the
 * chunks carry one (multivariate.enabled): each chunk's mean PCA reconstruction error under the reference's
 * pipeline, its bounds for a set of that size as a band, drifted chunks in red; a badge counts them. The data:
 * timeline.chunks[].multivariate (shared/timeline/chunk-multivariate.ts). Chunk labels go through plotlySafeText.
 */

import type { PlotData } from 'plotly.js-strict-dist-min';
import { useMemo } from 'react';
import { plotlySafeText } from '../../../../shared/report/plotly-safe-text';
import type { Timeline } from '../../../../shared/timeline/types';
import { THEMES } from '../../lib/chart-data';
import { formatNumber } from '../../lib/format';
import { ChunkDriftBadge, TimelineCard } from './timeline-card';
import { chunkPanelLayout, DRIFT, type Figure, LINE, type Scheme } from './timeline-charts';

/** The figure: the bounds as a shaded band, the error per chunk as a line, drifted chunks' markers red. */
export function reconstructionFigure(timeline: Timeline, scheme: Scheme): Figure {
  const theme = THEMES[scheme];
  const labels = timeline.chunks.map((c) => c.label);
  const x = labels.map((_, i) => i);
  const r = timeline.chunks.map((c) => c.multivariate?.reconstruction ?? null);
  const text = timeline.chunks.map((c, i) => {
    const v = r[i];
    if (!v) return `${plotlySafeText(c.label)}<br>no reconstruction error (no rows)`;
    const bounds =
      v.upper === null ? 'no bounds' : `bounds ${formatNumber(v.lower, 4)}–${formatNumber(v.upper, 4)}`;
    return `${plotlySafeText(c.label)}<br>reconstruction error ${formatNumber(v.error, 4)} (${bounds})${v.driftDetected ? '<br>drift' : ''}`;
  });
  const band = (key: 'lower' | 'upper') => r.map((v) => v?.[key] ?? null);
  const data: PlotData[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'lower bound',
      x,
      y: band('lower'),
      line: { color: theme.muted, width: 0.8, dash: 'dot' },
      hoverinfo: 'skip',
      showlegend: false,
      connectgaps: false,
    } as PlotData,
    {
      type: 'scatter',
      mode: 'lines',
      name: 'bounds (reference chunks’ mean ± K sd, for the chunk’s size)',
      x,
      y: band('upper'),
      fill: 'tonexty',
      fillcolor: scheme === 'dark' ? 'rgba(111,147,255,0.14)' : 'rgba(49,95,226,0.10)',
      line: { color: theme.muted, width: 0.8, dash: 'dot' },
      hoverinfo: 'skip',
      connectgaps: false,
    } as PlotData,
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: 'reconstruction error',
      x,
      y: r.map((v) => v?.error ?? null),
      text,
      hovertemplate: '%{text}<extra></extra>',
      line: { color: LINE[scheme], width: 2 },
      marker: { size: 7, color: r.map((v) => (v?.driftDetected ? DRIFT[scheme] : LINE[scheme])) },
      connectgaps: false,
    } as PlotData,
  ];
  return { data, layout: chunkPanelLayout(timeline, scheme, 'error') };
}

export function ReconstructionCard({ timeline, scheme }: { timeline: Timeline; scheme: Scheme }) {
  const figure = useMemo(() => reconstructionFigure(timeline, scheme), [timeline, scheme]);
  const scored = timeline.chunks.filter((c) => c.multivariate?.reconstruction);
  if (scored.length === 0) return null;
  const drifted = scored.filter((c) => c.multivariate!.reconstruction!.driftDetected).length;
  return (
    <TimelineCard
      label="Multivariate: reconstruction error per chunk"
      head={
        <>
          <h2>Multivariate: reconstruction error per chunk</h2>
          <ChunkDriftBadge drifted={drifted} total={scored.length} testId="tl-reconstruction-verdict" />
        </>
      }
      figure={figure}
      testId="timeline-reconstruction"
      chartLabel="PCA reconstruction error per chunk with its bounds"
    >
      <p className="tl-caption muted" data-testid="tl-reconstruction-caption">
        The mean PCA reconstruction error of each chunk's rows under the pipeline fitted on the reference (the
        components that keep its variance share); the band is the reference chunks' mean ± K sd (K = 3 unless
        set), scaled to the chunk's size. A red point is outside it: the joint distribution moved, whatever
        the single columns say.
      </p>
    </TimelineCard>
  );
}
