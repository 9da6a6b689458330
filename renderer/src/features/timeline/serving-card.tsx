/**
 * The Timeline view's card "Serving health per chunk" (shown when a latency or status column is mapped):
 * the figure of serving-chart.ts, a badge with the worst chunk's p95 and error rate against the reference,
 * and a caption that says what the lines, the dashed baselines and the bars are.
 */
import { useMemo } from 'react';
import type { ServingResult } from '../../../../shared/performance/serving-types';
import { latencyText, servingSeries } from '../../../../shared/timeline/serving-series';
import type { Timeline } from '../../../../shared/timeline/types';
import { formatPercent } from '../../lib/format';
import { servingFigure } from './serving-chart';
import { TimelineCard } from './timeline-card';
import type { Scheme } from './timeline-charts';

export function ServingCard({
  timeline,
  serving,
  scheme,
}: {
  timeline: Timeline;
  serving: ServingResult | null | undefined;
  scheme: Scheme;
}) {
  const series = useMemo(() => servingSeries(timeline, serving), [timeline, serving]);
  const figure = useMemo(
    () => (series ? servingFigure(timeline, series, scheme) : null),
    [timeline, series, scheme],
  );
  if (!series || !figure) return null;
  const analysis = series.points.filter((p) => p.period === 'analysis');
  const worstP95 = Math.max(...analysis.map((p) => p.p95 ?? Number.NEGATIVE_INFINITY));
  const worstRate = Math.max(...analysis.map((p) => p.errorRate ?? Number.NEGATIVE_INFINITY));
  const facts: string[] = [];
  if (Number.isFinite(worstP95))
    facts.push(
      `highest p95 ${latencyText(worstP95, series.unit)}${series.referenceP95 === null ? '' : ` (reference ${latencyText(series.referenceP95, series.unit)})`}`,
    );
  if (Number.isFinite(worstRate))
    facts.push(
      `highest error rate ${formatPercent(worstRate)}${series.referenceErrorRate === null ? '' : ` (reference ${formatPercent(series.referenceErrorRate)})`}`,
    );
  return (
    <TimelineCard
      label="Serving health per chunk"
      head={
        <>
          <h2>Serving health per chunk</h2>
          {facts.length > 0 && (
            <span className="muted" data-testid="tl-serving-summary">
              {facts.join(' · ')}
            </span>
          )}
        </>
      }
      figure={figure}
      testId="timeline-serving"
      chartLabel="Latency p50, p95 and p99 and error rate per chunk, with the reference's p95 and error rate, and requests per chunk"
    >
      <p className="tl-caption muted" data-testid="tl-serving-caption">
        Each chunk's latency percentiles and error rate are those of the chunk's own comparison with the
        reference (Serving section). Dashed: the whole reference's p95
        {series.hasErrorRate ? ' and error rate' : ''}.
        {series.hasErrorRate &&
          ' An HTTP status of 5xx counts as an error; 1 or true in a 0/1 or boolean column.'}{' '}
        Bars: requests (rows) per chunk.
      </p>
    </TimelineCard>
  );
}
