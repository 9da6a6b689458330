import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import { driftSummary, strongestText, summarySentence } from '../../../../shared/report/drift-summary';
import type { TimelineChunk } from '../../../../shared/timeline/types';

const ROLES = ['reference', 'current'] as const;

import { RoleName } from '../../components/table-cells';
import { formatInteger, formatPercent } from '../../lib/format';
import { CORRECTION_LABELS } from './analysis-settings';
import { headlineOf } from './headline';

/**
 * The dataset verdict under the headline (headline.ts: a degraded model or drift in the latest chunk is
 * never an all-clear): drifted/tested columns, share vs threshold, rows and files.
 */
export function VerdictCard({
  result,
  latest = null,
}: {
  result: AnalysisResult;
  latest?: TimelineChunk | null;
}) {
  const { dataset } = result;
  const drift = dataset.driftDetected;
  const headline = headlineOf(result, latest);
  const summary = driftSummary(result);
  const strongest = strongestText(summary);
  return (
    <section
      className={`verdict verdict-${headline.tone}`}
      data-testid="verdict"
      data-drift={drift ? 'true' : 'false'}
      data-tone={headline.tone}
      aria-label="Dataset verdict"
    >
      <div className="verdict-main">
        <div className="verdict-icon" aria-hidden="true">
          {headline.tone === 'ok' ? '✓' : '!'}
        </div>
        <div>
          <h2 className="verdict-title" data-testid="verdict-title">
            {headline.title}
          </h2>
          {headline.also.length > 0 && (
            <div className="verdict-also" data-testid="verdict-also">
              {headline.also.join(' · ')}
            </div>
          )}
          <div className="verdict-sub" data-testid="verdict-counts">
            {formatInteger(dataset.driftedColumns)} of {formatInteger(dataset.testedColumns)} tested columns
            drifted
            {strongest && <span data-testid="verdict-strongest">; strongest: {strongest}</span>}
          </div>
          {dataset.correction !== 'none' && (
            <div className="verdict-correction" data-testid="verdict-correction">
              {CORRECTION_LABELS[dataset.correction]} correction on: adjusted p-values decide
            </div>
          )}
          <div className="sr-only" data-testid="verdict-summary">
            {summarySentence(summary)}
          </div>
        </div>
      </div>
      <dl className="verdict-facts">
        <div>
          <dt>Tested</dt>
          <dd data-testid="verdict-tested">{formatInteger(dataset.testedColumns)}</dd>
        </div>
        <div>
          <dt>Drifted</dt>
          <dd data-testid="verdict-drifted">{formatInteger(dataset.driftedColumns)}</dd>
        </div>
        <div>
          <dt>Missing drift</dt>
          <dd data-testid="verdict-missing-drift" title="Columns whose share of missing cells changed">
            {formatInteger(dataset.missingDriftColumns)}
          </dd>
        </div>
        <div>
          <dt>One file only</dt>
          <dd
            data-testid="verdict-one-file"
            title={`${result.onlyInReference.length} only in reference, ${result.onlyInCurrent.length} only in current`}
          >
            {formatInteger(result.onlyInReference.length + result.onlyInCurrent.length)}
          </dd>
        </div>
        <div>
          <dt>Drift share</dt>
          <dd data-testid="verdict-share">
            {formatPercent(dataset.driftShare)}
            <span className="muted fact-sub">
              {drift ? '≥' : '<'} {formatPercent(dataset.shareThreshold, 0)} threshold
            </span>
          </dd>
        </div>
        {ROLES.map((side) => (
          <div key={side}>
            <dt>
              <RoleName side={side} />
            </dt>
            <dd data-testid={`verdict-${side}`} title={result[side].file}>
              <span className="file-name">{result[side].file}</span>
              <span className="muted fact-sub"> {formatInteger(result[side].rows)} rows</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
