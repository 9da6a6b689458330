/** The command line's readable summary of an analysis (what `driftscope analyze` prints without --json). */
import type { AnalysisResult } from '../shared/report/analysis-result';

function formatNumber(x: number | null): string {
  if (x === null) return '-';
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6)) return x.toExponential(3);
  return x.toFixed(4);
}

/** Strips control characters so that a column name cannot move the terminal's cursor or colours. */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

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
      `(share ${dataset.driftShare.toFixed(3)}, threshold ${dataset.shareThreshold})`,
  );
  lines.push('');
  const rows = result.columns.map((c) => [
    printable(c.name),
    c.type ?? '-',
    c.test ?? '-',
    formatNumber(c.score),
    c.threshold === null ? '-' : String(c.threshold),
    c.test === null ? 'not tested' : c.driftDetected ? 'DRIFT' : 'ok',
  ]);
  const header = ['column', 'type', 'test', 'score', 'threshold', 'drift'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  lines.push(fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt));
  const notes = result.columns.filter((c) => c.note !== null);
  if (notes.length > 0) {
    lines.push('', 'Notes:');
    for (const c of notes) lines.push(`  ${printable(c.name)}: ${printable(c.note!)}`);
  }
  return `${lines.join('\n')}\n`;
}
