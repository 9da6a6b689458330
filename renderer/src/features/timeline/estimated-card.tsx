/**
 * The Timeline view's card "Estimated and realised <metric>" (shown when the chunks carry a CBPE estimate):
 * a metric selector over the metrics the chunks hold, the figure of estimated-chart.ts, a caption that says
 * what the band, the lines, the rings and the bars are, and how many chunks the verdict calls degraded.
 */
import { useMemo, useState } from 'react';
import type { CbpeMetricName } from '../../../../shared/performance/cbpe-types';
import { metricLabel } from '../../../../shared/performance/metric-names';
import {
  BAND_SAMPLING_ERRORS,
  estimatedMetrics,
  estimatedSeries,
} from '../../../../shared/timeline/estimated-series';

import type { Timeline } from '../../../../shared/timeline/types';
import { formatInteger, formatPercent } from '../../lib/format';
import { estimatedFigure } from './estimated-chart';
import { TimelineCard } from './timeline-card';
import type { Scheme } from './timeline-charts';

export function EstimatedCard({ timeline, scheme }: { timeline: Timeline; scheme: Scheme }) {
  const metrics = useMemo(() => estimatedMetrics(timeline), [timeline]);
  const [chosen, setChosen] = useState<CbpeMetricName>('accuracy');
  const metric = metrics.includes(chosen) ? chosen : (metrics[0] ?? null);
  const series = useMemo(() => (metric ? estimatedSeries(timeline, metric) : null), [timeline, metric]);
  const figure = useMemo(
    () => (series ? estimatedFigure(timeline, series, scheme) : null),
    [timeline, series, scheme],
  );
  if (!metric || !series || !figure) return null;
  const k = BAND_SAMPLING_ERRORS;
  const analysis = series.points.filter((p) => p.period === 'analysis' && p.estimated);
  const degraded = analysis.filter((p) => p.degraded).length;
  const unlabelled = analysis.filter((p) => p.realised === null).length;
  return (
    <TimelineCard
      label={`Estimated and realised ${series.name} per chunk`}
      head={
        <>
          <h2 className="tl-estimated-title">
            Estimated and realised
            <label className="field">
              <span className="sr-only">Metric</span>
              <select
                className="input input-compact"
                data-testid="tl-estimated-metric"
                value={metric}
                onChange={(e) => setChosen(e.target.value as CbpeMetricName)}
              >
                {metrics.map((m) => (
                  <option key={m} value={m}>
                    {metricLabel(m)}
                  </option>
                ))}
              </select>
            </label>
          </h2>
          <span
            className={degraded > 0 ? 'badge badge-drift' : 'badge badge-ok'}
            data-testid="tl-estimated-verdict"
          >
            {degraded > 0
              ? `Estimate below the reference in ${formatInteger(degraded)} of ${formatInteger(analysis.length)} chunks`
              : `Estimate within ${k} sampling errors of the reference in every chunk`}
          </span>
        </>
      }
      figure={figure}
      testId="timeline-estimated"
      chartLabel={`Estimated ${series.name} per chunk with a band of ± ${k} sampling errors, the realised ${series.name} on the labelled rows, the reference and the decay limit, and the labelled share per chunk`}
    >
      <p className="tl-caption muted" data-testid="tl-estimated-caption">
        Estimated by confidence-based performance estimation (CBPE) from the probabilities of every row;
        realised on the rows that already have a label. Band and error bars: ± {k} sampling errors for the
        chunk's rows. A red ring marks a chunk whose estimate is more than {k} sampling errors below the
        reference, that is, whose whole band lies below the dashed reference line.
        {series.decayLimit !== null &&
          series.decayThreshold !== null &&
          ` Dotted red: the realised metric's decay limit (${formatPercent(series.decayThreshold, 0)} below the reference).`}{' '}
        Bars: the share of each chunk's rows with a label
        {unlabelled > 0 &&
          ` (${formatInteger(unlabelled)} chunk(s) without any label yet: no realised value)`}
        .
      </p>
    </TimelineCard>
  );
}
