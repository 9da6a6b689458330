/**
 * The timeline section's "Multivariate drift per chunk" block (HTML and PDF, docs/multivariate.md), when the
 * chunks carry the multivariate detectors (shared/timeline/chunk-multivariate.ts): an SVG chart with the PCA
 * reconstruction error per chunk between its bounds (dashed: the bounds for a set of that chunk's size) in the
 * top panel and the domain classifier's cross-validated ROC AUC per chunk with its threshold (dashed) in the
 * bottom panel, drifted chunks marked in red; then a table per chunk with the AUC's interval and the columns
 * that separate the chunk from the reference most. Every data string is escaped.
 */
import type { Timeline, TimelineChunk } from '../timeline/types';
import { formatInteger, formatNumber, escapeHtml as h } from './report-format';
import { GAP, LEFT, type LegendItem, legendSvg, PANEL_H, panel, RIGHT, TOP, W } from './svg-panel';
import { gappedPath, r1 } from './svg-path';
import { labelStep } from './timeline-chart-data';
import { truncateLabel } from './truncate-label';

const BLUE = '#315fe2';
const VIOLET = '#7a4fc2';
const RED = '#b42318';
const GREY = '#5b6475';
/** Separating columns named per chunk in the table. */
const NAMED = 3;

type Reconstruction = NonNullable<NonNullable<TimelineChunk['multivariate']>['reconstruction']>;
type Classifier = NonNullable<NonNullable<TimelineChunk['multivariate']>['domainClassifier']>;

/** A chunk's hover text: label, rows and each detector's figure with its verdict. */
function pointTitle(c: TimelineChunk): string {
  const lines = [`${c.label} (${formatInteger(c.rows)} rows)`];
  const r = c.multivariate?.reconstruction;
  if (r) lines.push(`Reconstruction error ${formatNumber(r.error)}${r.driftDetected ? ': drift' : ''}`);
  const d = c.multivariate?.domainClassifier;
  if (d)
    lines.push(
      `AUC ${formatNumber(d.auc, 3)} [${formatNumber(d.aucLow, 3)}, ${formatNumber(d.aucHigh, 3)}]${d.driftDetected ? ': drift' : ''}`,
    );
  return `<title>${h(lines.join('\n'))}</title>`;
}

function chartSvg(chunks: TimelineChunk[]): string {
  const n = chunks.length;
  const step = (W - LEFT - RIGHT) / Math.max(n, 1);
  const x = (i: number) => r1(LEFT + (i + 0.5) * step);
  const parts: string[] = [];
  const legend: LegendItem[] = [];
  const panels: number[] = [];
  const titles = chunks.map(pointTitle);
  let top = TOP;
  const dashed = (vals: (number | null)[], y: (v: number) => number, colour: string, cls: string) =>
    `<path class="${cls}" d="${gappedPath(vals, x, y)}" fill="none" stroke="${colour}" stroke-width="1.2" stroke-dasharray="5 3"/>`;
  /** A detector's figure per chunk: a solid line, then a dot per chunk (red and larger where it drifted). */
  const series = (
    vals: (number | null)[],
    drift: boolean[],
    y: (v: number) => number,
    colour: string,
    cls: string,
  ) => {
    parts.push(
      `<path class="${cls}" d="${gappedPath(vals, x, y)}" fill="none" stroke="${colour}" stroke-width="1.8"/>`,
    );
    vals.forEach((v, i) => {
      if (v !== null)
        parts.push(
          `<circle cx="${x(i)}" cy="${y(v)}" r="${drift[i] ? 3.4 : 2.4}" fill="${drift[i] ? RED : colour}">${titles[i]}</circle>`,
        );
    });
  };

  const recon = chunks.map((c) => c.multivariate?.reconstruction ?? null);
  if (recon.some((r) => r !== null)) {
    const errors = recon.map((r) => r?.error ?? null);
    const lower = recon.map((r) => r?.lower ?? null);
    const upper = recon.map((r) => r?.upper ?? null);
    const all = [...errors, ...lower, ...upper].filter((v): v is number => v !== null);
    const p = panel(top, all, (v) => formatNumber(v, 3), 'reconstruction error', Math.min(...all));
    parts.push(
      ...p.parts,
      dashed(upper, p.y, GREY, 'reconstruction-upper'),
      dashed(lower, p.y, GREY, 'reconstruction-lower'),
    );
    series(
      errors,
      recon.map((r) => r?.driftDetected === true),
      p.y,
      BLUE,
      'reconstruction-error',
    );
    legend.push([BLUE, 1.8, '', 'reconstruction error'], [GREY, 1.2, '5 3', 'its bounds (reference chunks)']);
    panels.push(top);
    top += PANEL_H + GAP;
  }
  const dc = chunks.map((c) => c.multivariate?.domainClassifier ?? null);
  if (dc.some((d) => d !== null)) {
    const auc = dc.map((d) => d?.auc ?? null);
    const threshold = dc.map((d) => d?.threshold ?? null);
    const all = [...auc, ...threshold].filter((v): v is number => v !== null);
    const p = panel(top, [...all, 1], (v) => formatNumber(v, 2), 'ROC AUC', Math.min(0.5, ...all));
    parts.push(...p.parts, dashed(threshold, p.y, RED, 'auc-threshold'));
    series(
      auc,
      dc.map((d) => d?.driftDetected === true),
      p.y,
      VIOLET,
      'domain-auc',
    );
    legend.push([VIOLET, 1.8, '', 'domain classifier AUC'], [RED, 1.2, '5 3', 'AUC threshold']);
    panels.push(top);
    top += PANEL_H + GAP;
  }
  const reference = chunks.filter((c) => c.period === 'reference').length;
  if (reference > 0)
    for (const pt of panels)
      parts.unshift(
        `<rect x="${LEFT}" y="${pt}" width="${r1(reference * step)}" height="${PANEL_H}" fill="#4c78a8" fill-opacity="0.1"><title>Reference period</title></rect>`,
      );
  const base = top - GAP;
  parts.push(`<line class="axis" x1="${LEFT}" x2="${W - RIGHT}" y1="${base}" y2="${base}"/>`);
  const every = labelStep(n);
  chunks.forEach((c, i) => {
    if (i % every !== 0) return;
    parts.push(
      `<text class="tick" transform="translate(${x(i)},${base + 9}) rotate(-35)" text-anchor="end">${h(truncateLabel(c.label, 16))}<title>${h(c.label)}</title></text>`,
    );
  });
  const shift = Math.max(0, Math.ceil(legend.length / 3) * 14 - 12);
  const height = base + 74 + shift;
  const label = h(
    'Multivariate drift per chunk: reconstruction error between its bounds, and the domain classifier ROC AUC with its threshold; red points: drift',
  );
  return (
    `<svg class="chart timeline-multivariate" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" role="img" aria-label="${label}">` +
    `<g class="legend">${legendSvg(legend)}</g><g transform="translate(0,${shift})">${parts.join('')}</g></svg>`
  );
}

const verdict = (drift: boolean) => (drift ? '<span class="badge drift">drift</span>' : 'no drift');

function reconstructionCells(r: Reconstruction | null): string {
  if (!r) return '<td class="num">—</td><td class="num">—</td><td>—</td>';
  const bounds =
    r.lower === null || r.upper === null ? '—' : `${formatNumber(r.lower)}–${formatNumber(r.upper)}`;
  return `<td class="num">${formatNumber(r.error)}</td><td class="num">${bounds}</td><td>${verdict(r.driftDetected)}</td>`;
}

function classifierCells(d: Classifier | null): string {
  if (!d) return '<td class="num">—</td><td>—</td><td>—</td>';
  const names = d.importance
    .slice(0, NAMED)
    .map((f) => h(f.feature))
    .join(', ');
  return (
    `<td class="num">${formatNumber(d.auc, 3)} [${formatNumber(d.aucLow, 3)}, ${formatNumber(d.aucHigh, 3)}]</td>` +
    `<td>${verdict(d.driftDetected)}</td><td class="name">${names || '—'}</td>`
  );
}

function chunkTable(chunks: TimelineChunk[]): string {
  const rows = chunks
    .map((c) => {
      const m = c.multivariate;
      return (
        `<tr><td class="num">${c.index}</td><td class="name" title="${h(c.label)}">${h(truncateLabel(c.label, 28))}</td>` +
        `<td class="num">${formatInteger(c.rows)}</td>${reconstructionCells(m?.reconstruction ?? null)}${classifierCells(m?.domainClassifier ?? null)}</tr>`
      );
    })
    .join('');
  return (
    '<table class="timeline-chunks timeline-multivariate-table"><thead><tr><th class="num">Chunk</th><th>Label</th>' +
    '<th class="num">Rows</th><th class="num">Reconstruction error</th><th class="num">Bounds</th><th>Verdict</th>' +
    `<th class="num">AUC [interval]</th><th>Verdict</th><th>Separated most by</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

/** The block, or '' when no chunk carries a multivariate detector. */
export function timelineMultivariateBlock(timeline: Timeline): string {
  const chunks = timeline.chunks;
  if (!chunks.some((c) => c.multivariate?.reconstruction || c.multivariate?.domainClassifier)) return '';
  const used = chunks.map((c) => c.multivariate?.domainClassifier?.rows ?? 0);
  const most = Math.max(0, ...used);
  const caption =
    '<p class="muted">Each analysis chunk against the whole reference. Reconstruction error: the mean error of the ' +
    "chunk's rows under the PCA fitted on the reference; dashed, the bounds for a set of the chunk's size from the " +
    'reference chunks (mean ± k·sd). ROC AUC: a classifier trained to tell the reference from the chunk, ' +
    (most > 0 ? `on at most ${formatInteger(most)} rows per set, ` : '') +
    'stratified cross-validation; dashed, the drift threshold. Red points: drift.</p>';
  return (
    `<div class="timeline-multivariate-block"><h3>Multivariate drift per chunk</h3>${caption}` +
    `<div class="timeline-box">${chartSvg(chunks)}</div><h4>Per chunk</h4>${chunkTable(chunks)}</div>`
  );
}
