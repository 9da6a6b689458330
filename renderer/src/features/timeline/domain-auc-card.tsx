/**
 * The Timeline view's card "Multivariate: domain classifier per chunk" (docs/multivariate.md), when the chunks
 * carry one (multivariate.enabled): each chunk's cross-validated ROC AUC of a classifier trained to tell the
 * reference from that chunk, its interval as error bars, the drift threshold dashed, drifted chunks in red; the
 * hover names the columns that separate the chunk most. A badge counts the drifted chunks. The data:
 * timeline.chunks[].multivariate.domainClassifier (shared/timeline/chunk-multivariate.ts). Chunk labels and
 * column names go through plotlySafeText.
 */

import type { PlotData } from 'plotly.js-strict-dist-min';
import { useMemo } from 'react';
import { plotlySafeText } from '../../../../shared/report/plotly-safe-text';
import type { Timeline } from '../../../../shared/timeline/types';
import { THEMES } from '../../lib/chart-data';
import { formatNumber } from '../../lib/format';
import { ChunkDriftBadge, TimelineCard } from './timeline-card';
import { chunkPanelLayout, DRIFT, type Figure, LINE, type Scheme } from './timeline-charts';

/** Separating columns named in a chunk's hover. */
const NAMED = 3;

/** The figure: the threshold dashed, the AUC per chunk with its interval, drifted chunks' markers red. */
export function domainAucFigure(timeline: Timeline, scheme: Scheme): Figure {
  const theme = THEMES[scheme];
  const labels = timeline.chunks.map((c) => c.label);
  const x = labels.map((_, i) => i);
  const d = timeline.chunks.map((c) => c.multivariate?.domainClassifier ?? null);
  const text = timeline.chunks.map((c, i) => {
    const v = d[i];
    if (!v) return `${plotlySafeText(c.label)}<br>no domain classifier (too few rows)`;
    const names = v.importance.slice(0, NAMED).map((f) => plotlySafeText(f.feature));
    return (
      `${plotlySafeText(c.label)}<br>AUC ${formatNumber(v.auc, 3)} [${formatNumber(v.aucLow, 3)}, ${formatNumber(v.aucHigh, 3)}]` +
      ` on ${v.rows} rows per set${v.driftDetected ? '<br>drift' : ''}` +
      (names.length > 0 ? `<br>separated most by ${names.join(', ')}` : '')
    );
  });
  const auc = d.map((v) => v?.auc ?? null);
  const data: PlotData[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'drift threshold',
      x,
      y: d.map((v) => v?.threshold ?? null),
      line: { color: DRIFT[scheme], width: 1.2, dash: 'dash' },
      hoverinfo: 'skip',
      connectgaps: true,
    } as PlotData,
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: 'cross-validated ROC AUC (interval as bars)',
      x,
      y: auc,
      text,
      hovertemplate: '%{text}<extra></extra>',
      error_y: {
        type: 'data',
        symmetric: false,
        array: d.map((v) => (v ? v.aucHigh - v.auc : null)),
        arrayminus: d.map((v) => (v ? v.auc - v.aucLow : null)),
        color: theme.muted,
        thickness: 1,
        width: 3,
      },
      line: { color: LINE[scheme], width: 2 },
      marker: { size: 7, color: d.map((v) => (v?.driftDetected ? DRIFT[scheme] : LINE[scheme])) },
      connectgaps: false,
    } as PlotData,
  ];
  return { data, layout: chunkPanelLayout(timeline, scheme, 'ROC AUC') };
}

export function DomainAucCard({ timeline, scheme }: { timeline: Timeline; scheme: Scheme }) {
  const figure = useMemo(() => domainAucFigure(timeline, scheme), [timeline, scheme]);
  const scored = timeline.chunks.filter((c) => c.multivariate?.domainClassifier);
  if (scored.length === 0) return null;
  const drifted = scored.filter((c) => c.multivariate!.domainClassifier!.driftDetected).length;
  const rows = Math.max(...scored.map((c) => c.multivariate!.domainClassifier!.rows));
  return (
    <TimelineCard
      label="Multivariate: domain classifier per chunk"
      head={
        <>
          <h2>Multivariate: domain classifier per chunk</h2>
          <ChunkDriftBadge drifted={drifted} total={scored.length} testId="tl-domain-auc-verdict" />
        </>
      }
      figure={figure}
      testId="timeline-domain-auc"
      chartLabel="Domain classifier ROC AUC per chunk with its interval and threshold"
    >
      <p className="tl-caption muted" data-testid="tl-domain-auc-caption">
        How well a classifier tells each chunk's rows from the reference's (at most {rows} rows per set,
        cross-validated): 0.5 is a coin toss, 1 is fully separated. A red point is above the dashed threshold.
        Hover a point for the columns that separate that chunk most.
      </p>
    </TimelineCard>
  );
}
