/**
 * The overview's multivariate line (docs/multivariate.md), under the verdict: off by default, so it first
 * offers to run the two detectors (a domain classifier and the PCA reconstruction error); once run, one line
 * with the verdict (shared/report/multivariate-summary.ts, the sentence the command line prints) and a
 * disclosure with what separates the sets (each column's permutation importance as a bar, the name a button
 * that opens the column's detail), the AUC with its interval and threshold, the reconstruction error against
 * its bounds, and the detectors' notes. Column names are text.
 */
import { useState } from 'react';
import type { AnalysisSettings } from '../../../../shared/drift/settings';
import { DEFAULT_MULTIVARIATE } from '../../../../shared/multivariate/analyze-multivariate';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import { multivariateSentence, multivariateSummary } from '../../../../shared/report/multivariate-summary';
import { formatInteger, formatNumber, formatPercent } from '../../lib/format';

/** How many columns the importance list shows. */
const SHOWN = 10;

export function MultivariateCard({
  result,
  settings,
  running,
  onApply,
  onSelect,
}: {
  result: AnalysisResult;
  settings: AnalysisSettings;
  running: boolean;
  onApply: (settings: AnalysisSettings) => void;
  onSelect: (column: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const mv = result.multivariate;
  const turn = (enabled: boolean) =>
    onApply({ ...settings, multivariate: { ...DEFAULT_MULTIVARIATE, ...settings.multivariate, enabled } });
  if (!mv) {
    return (
      <section
        className="multivariate multivariate-off"
        data-testid="multivariate"
        aria-label="Multivariate drift"
      >
        <span className="muted">
          Multivariate drift (what no single column shows: a classifier that tells the files apart, PCA
          reconstruction error) is off; it adds about a quarter to the analysis.
        </span>
        <button
          type="button"
          className="btn btn-quiet"
          data-testid="multivariate-run"
          disabled={running}
          onClick={() => turn(true)}
        >
          Run multivariate detectors
        </button>
      </section>
    );
  }
  const summary = multivariateSummary(mv);
  const classifier = mv.domainClassifier;
  const reconstruction = mv.reconstruction;
  const top = classifier?.importance.slice(0, SHOWN) ?? [];
  const largest = Math.max(...top.map((x) => x.value), 0);
  const k = settings.multivariate?.reconstruction.k ?? DEFAULT_MULTIVARIATE.reconstruction.k;
  return (
    <section
      className={`multivariate multivariate-${summary.verdict}`}
      data-testid="multivariate"
      data-verdict={summary.verdict}
      aria-label="Multivariate drift"
    >
      <div className="multivariate-line">
        <strong>Multivariate:</strong>{' '}
        <span data-testid="multivariate-sentence">{multivariateSentence(summary)}</span>
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          data-testid="multivariate-toggle"
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide details' : 'What separates the files'}
        </button>
        <button
          type="button"
          className="link-button"
          data-testid="multivariate-off"
          disabled={running}
          onClick={() => turn(false)}
        >
          Turn off
        </button>
      </div>
      {open && (
        <div className="multivariate-details" data-testid="multivariate-details">
          {classifier && (
            <div>
              <h3>Domain classifier</h3>
              <p className="muted">
                Cross-validated ROC AUC {formatNumber(classifier.auc, 3)} (95 % interval{' '}
                {formatNumber(classifier.aucLow, 3)}–{formatNumber(classifier.aucHigh, 3)}; drift above{' '}
                {formatNumber(classifier.threshold)}), {classifier.folds} folds on{' '}
                {formatInteger(classifier.rows)} rows per file. An AUC of 0.5: the files cannot be told apart.
              </p>
              <h4>What separates the files (permutation importance: AUC lost when the column is shuffled)</h4>
              <ol className="importance" data-testid="multivariate-importance">
                {top.map((x) => (
                  <li key={x.feature}>
                    <button
                      type="button"
                      className="link-button importance-name"
                      title={`Open ${x.feature}`}
                      onClick={() => onSelect(x.feature)}
                    >
                      {x.feature}
                    </button>
                    <span className="importance-bar" aria-hidden="true">
                      <span
                        style={{ width: `${largest > 0 ? (Math.max(x.value, 0) / largest) * 100 : 0}%` }}
                      />
                    </span>
                    <span className="num">{formatNumber(x.value, 3)}</span>
                  </li>
                ))}
              </ol>
            </div>
          )}
          {reconstruction && (
            <div>
              <h3>PCA reconstruction error</h3>
              <p className="muted" data-testid="multivariate-reconstruction">
                {reconstruction.components} components keep {formatPercent(reconstruction.varianceKept)} of
                the reference's variance. Mean reconstruction error: reference{' '}
                {formatNumber(reconstruction.reference, 4)}, current {formatNumber(reconstruction.current, 4)}
                {reconstruction.threshold === null
                  ? ' (no bound: too few reference chunks).'
                  : `; drift outside ${formatNumber(reconstruction.lowerThreshold, 4)}–${formatNumber(reconstruction.threshold, 4)} (the ${reconstruction.referenceChunks} reference chunks' mean ± ${k} sd, scaled to the files' sizes).`}
              </p>
            </div>
          )}
          {mv.notes.length > 0 && (
            <ul className="notes">
              {mv.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
