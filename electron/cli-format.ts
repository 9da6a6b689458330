/** The command line's readable summary of an analysis (what `driftscope analyze` prints without --json). */
import { isTested } from '../shared/drift/is-tested';
import { READING_TEXT } from '../shared/performance/concept-reading';
import { METRICS } from '../shared/performance/metric-names';
import type { AnalysisResult } from '../shared/report/analysis-result';
import { driftSummary, strongestText, summarySentence } from '../shared/report/drift-summary';
import { multivariateSentence, multivariateSummary } from '../shared/report/multivariate-summary';
import type { Timeline, TimelineChunk } from '../shared/timeline/types';
import { formatProduction } from './cli-format-production';
import { formatNumber, printable, textTable } from './cli-text';

export { printable } from './cli-text';

/** "3.6% → 16.2% DRIFT": the missing share in each file, and whether its change is drift. */
function missingCell(m: AnalysisResult['columns'][number]['missingDrift']): string {
  if (m === null) return '-';
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return `${pct(m.reference)} → ${pct(m.current)}${m.driftDetected ? ' DRIFT' : ''}`;
}

/**
 * The one line on stderr when the JSON goes to a file: the verdict and the shared summary sentence.
 * @example verdictLine(result) // 'Dataset drift detected: 3 of 5 columns drifted; strongest: income (K–S p = 1e-9).\n'
 */
export function verdictLine(result: AnalysisResult): string {
  const verdict = result.dataset.driftDetected ? 'Dataset drift detected' : 'No dataset drift';
  return `${verdict}: ${printable(summarySentence(driftSummary(result)))}.\n`;
}

/** The readable summary: both files, the dataset verdict and the strongest drift, the table, notes, model quality. */
export function formatSummary(result: AnalysisResult): string {
  const { dataset, reference, current } = result;
  const lines: string[] = [];
  lines.push(
    `Reference: ${printable(reference.file)} (${reference.rows} rows, ${reference.columns} columns)`,
  );
  lines.push(`Current:   ${printable(current.file)} (${current.rows} rows, ${current.columns} columns)`);
  for (const w of [...reference.warnings, ...current.warnings]) lines.push(`Warning: ${printable(w)}`);
  const verdict = dataset.driftDetected ? 'DRIFT DETECTED' : 'no dataset drift';
  lines.push(
    `Dataset: ${verdict}: ${dataset.driftedColumns} of ${dataset.testedColumns} tested columns drifted ` +
      `(share ${dataset.driftShare.toFixed(3)}, threshold ${dataset.shareThreshold})` +
      (dataset.missingDriftColumns > 0
        ? `; missing share drifted in ${dataset.missingDriftColumns} column${dataset.missingDriftColumns === 1 ? '' : 's'}`
        : ''),
  );
  const strongest = strongestText(driftSummary(result));
  if (strongest !== null) lines.push(`Strongest drift: ${printable(strongest)}`);
  if (result.multivariate !== undefined) {
    lines.push(`Multivariate: ${printable(multivariateSentence(multivariateSummary(result.multivariate)))}`);
    for (const note of result.multivariate.notes) lines.push(`  Note: ${printable(note)}`);
  }
  lines.push('');
  const rows = result.columns.map((c) => [
    printable(c.name),
    c.type ?? '-',
    c.test ?? '-',
    formatNumber(c.score),
    c.threshold === null ? '-' : String(c.threshold),
    !isTested(c) ? 'not tested' : c.driftDetected ? 'DRIFT' : 'ok',
    missingCell(c.missingDrift),
  ]);
  lines.push(...textTable(['column', 'type', 'test', 'score', 'threshold', 'drift', 'missing share'], rows));
  const notes = result.columns.filter((c) => c.note !== null);
  if (notes.length > 0) {
    lines.push('', 'Notes:');
    for (const c of notes) lines.push(`  ${printable(c.name)}: ${printable(c.note!)}`);
  }
  lines.push(...formatPerformance(result), ...formatProduction(result));
  return `${lines.join('\n')}\n`;
}

/** The model-quality part of the summary: metrics side by side, decay, target/prediction and concept drift. */
export function formatPerformance(result: AnalysisResult): string[] {
  const p = result.performance;
  if (p === null)
    return result.performanceNote ? ['', `Model quality: ${printable(result.performanceNote)}`] : [];
  const lines = [
    '',
    `Model quality (${p.task}; target ${printable(p.target)}${p.prediction ? `, prediction ${printable(p.prediction)}` : ''}):`,
  ];
  lines.push(p.modelDegraded ? '  MODEL DEGRADED' : '  no performance decay beyond the thresholds');
  const names = METRICS[p.reference.kind].map(([key]) => key);
  const ref = p.reference as unknown as Record<string, number | null>;
  const cur = p.current as unknown as Record<string, number | null>;
  const decay = new Map(p.decay.map((d) => [d.metric, d]));
  lines.push(
    `  ${'metric'.padEnd(10)}  ${'reference'.padStart(10)}  ${'current'.padStart(10)}  ${'change'.padStart(8)}`,
  );
  for (const name of names) {
    const d = decay.get(name);
    const change = d?.relativeChange == null ? '-' : `${(d.relativeChange * 100).toFixed(1)}%`;
    const flag = d?.degraded ? '  DEGRADED' : '';
    lines.push(
      `  ${name.padEnd(10)}  ${formatNumber(ref[name] ?? null).padStart(10)}  ${formatNumber(cur[name] ?? null).padStart(10)}  ${change.padStart(8)}${flag}`,
    );
  }
  lines.push(`  n: ${p.reference.n} reference, ${p.current.n} current rows with a target and a prediction`);
  const drift = (label: string, c: typeof p.targetDrift | null) =>
    c === null
      ? []
      : [
          `  ${label}: ${c.test ?? 'not tested'} ${formatNumber(c.score)} → ${c.driftDetected ? 'DRIFT' : 'no drift'}`,
        ];
  lines.push(...drift('target drift', p.targetDrift), ...drift('prediction drift', p.predictionDrift));
  if (p.conceptDrift) {
    const c = p.conceptDrift;
    lines.push(`  concept drift: ${READING_TEXT[c.reading]}`);
    if (c.changed.length > 0)
      lines.push(`    relation to the target changed for: ${c.changed.map(printable).join(', ')}`);
  }
  for (const note of p.notes) lines.push(`  note: ${printable(note)}`);
  return lines;
}

/**
 * A chunk's model verdict: degraded or ok on its labelled rows; "no labels" when none has arrived (every
 * realised metric null), with the CBPE estimate's verdict when the chunk has one.
 */
function chunkModel(c: TimelineChunk): string {
  const p = c.performance;
  if (p === null) return '';
  if (p.modelDegraded) return 'MODEL DEGRADED';
  if (Object.values(p.metrics).some((v) => v !== null)) return 'model ok';
  const e = p.estimated;
  if (!e) return 'no labels';
  return e.degraded.length > 0
    ? `no labels; estimate DEGRADED (${e.degraded.join(', ')})`
    : 'no labels; estimate ok';
}

/**
 * A chunk's multivariate detectors in a few words: the domain classifier's AUC and the reconstruction error,
 * each with its verdict; '-' where neither ran (a reference chunk, too few rows).
 * @example chunkMultivariateText({ domainClassifier: { auc: 0.742, driftDetected: true, ... }, reconstruction: null }) // 'AUC 0.742 DRIFT'
 */
export function chunkMultivariateText(m: TimelineChunk['multivariate']): string {
  const parts: string[] = [];
  const dc = m?.domainClassifier;
  if (dc) parts.push(`AUC ${formatNumber(dc.auc)} ${dc.driftDetected ? 'DRIFT' : 'ok'}`);
  const r = m?.reconstruction;
  if (r) parts.push(`error ${formatNumber(r.error)} ${r.driftDetected ? 'DRIFT' : 'ok'}`);
  return parts.length === 0 ? '-' : parts.join(', ');
}

/**
 * The timeline part of the summary: one line per chunk (rows, drifted of tested columns, verdict, and the
 * multivariate detectors when they ran).
 */
export function formatTimeline(timeline: Timeline, heading: string): string {
  const n = timeline.chunks.length;
  const lines = ['', `Timeline (${printable(heading)}): ${n} ${n === 1 ? 'chunk' : 'chunks'}`];
  const multivariate = timeline.chunks.some((c) => c.multivariate !== undefined);
  const rows = timeline.chunks.map((c) => [
    String(c.index),
    printable(c.label),
    c.period,
    String(c.rows),
    c.dataset === null ? '-' : `${c.dataset.driftedColumns}/${c.dataset.testedColumns}`,
    c.dataset === null ? 'gap' : c.dataset.driftDetected ? 'DRIFT' : 'ok',
    ...(multivariate ? [chunkMultivariateText(c.multivariate)] : []),
    chunkModel(c),
  ]);
  const header = ['chunk', 'label', 'period', 'rows', 'drifted', 'dataset'];
  if (multivariate) header.push('multivariate');
  header.push('model');
  if (rows.length > 0) lines.push(...textTable(header, rows, '', [3]));
  return `${lines.join('\n')}\n`;
}
