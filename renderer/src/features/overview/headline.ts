/**
 * The overview's headline: what matters most, never an all-clear while something is wrong. In order:
 * dataset drift; drift in the latest chunk of the timeline; a degraded model (whole period, then the
 * latest chunk); multivariate drift (a detector of docs/multivariate.md fired, whatever the columns say);
 * columns that drifted without reaching the dataset share (a caution); else no drift.
 * The other findings are listed under the title.
 */
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import type { TimelineChunk } from '../../../../shared/timeline/types';

export interface Headline {
  /** 'drift': red, '!'; 'caution': amber, '!'; 'ok': green, '✓'. */
  tone: 'drift' | 'caution' | 'ok';
  title: string;
  /** The other findings that fired, most important first. */
  also: string[];
}

/**
 * @param latest the timeline's last analysis chunk with rows (null without a timeline).
 * @example headlineOf(resultWithDegradedModelOnly, null).title // 'Model quality degraded'
 */
export function headlineOf(result: AnalysisResult, latest: TimelineChunk | null): Headline {
  const { dataset, performance } = result;
  const findings: { tone: Headline['tone']; text: string }[] = [];
  if (dataset.driftDetected) findings.push({ tone: 'drift', text: 'Dataset drift detected' });
  if (latest?.dataset?.driftDetected)
    findings.push({ tone: 'drift', text: `Drift in the latest chunk (${latest.label})` });
  if (performance?.modelDegraded) findings.push({ tone: 'drift', text: 'Model quality degraded' });
  if (latest?.performance?.modelDegraded && !performance?.modelDegraded)
    findings.push({ tone: 'drift', text: `Model quality degraded in the latest chunk (${latest.label})` });
  const mv = result.multivariate;
  if (mv?.domainClassifier?.driftDetected || mv?.reconstruction?.driftDetected)
    findings.push({ tone: 'drift', text: 'Multivariate drift detected' });
  if (!dataset.driftDetected && dataset.driftedColumns > 0) {
    const n = dataset.driftedColumns;
    findings.push({
      tone: 'caution',
      text: `${n} column${n === 1 ? '' : 's'} drifted, below the dataset drift share`,
    });
  }
  if (findings.length === 0) return { tone: 'ok', title: 'No dataset drift', also: [] };
  const [first, ...rest] = findings;
  return { tone: first.tone, title: first.text, also: rest.map((f) => f.text) };
}
