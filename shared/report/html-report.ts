/**
 * The exported HTML report: ONE self-contained file that works offline and prints well. Each chart is an
 * inline SVG (shared/report/svg-chart.ts; printed, and shown without JavaScript) and, when a Plotly bundle
 * is given, an interactive Plotly chart drawn from the same aggregated data (plotly-charts.ts) that
 * replaces the SVG on screen. Data is aggregated only (the analysis result, never rows), every string
 * from a data file is escaped, and a strict Content-Security-Policy allows no network request and no
 * script but ours, each by its SHA-256 (the Plotly bundle, the chart drawing, the table sorter; no eval).
 * The PDF is this document without the bundle, printed by Chromium with JavaScript off.
 */
import { isTested } from '../drift/is-tested';
import type { AnalysisResult, ColumnResult, ColumnSummary, FileInfo } from './analysis-result';
import { orderColumns } from './column-order';
import { summaryLine } from './drift-summary';
import { estimatedSection } from './html-estimated';
import { multivariateSection } from './html-multivariate';
import { performanceSection } from './html-performance';
import { servingSection } from './html-serving';
import { shadowSection } from './html-shadow';
import { timelineSection } from './html-timeline';
import { CHARTS_SCRIPT, CHARTS_SCRIPT_SHA256, chartBox, chartData, type PlotlyBundle } from './plotly-charts';
import {
  escapeHtml,
  formatBytes,
  formatInteger,
  formatNumber,
  formatPercent,
  testLabel,
} from './report-format';
import { REPORT_CSS } from './report-styles';
import { SORT_SCRIPT, SORT_SCRIPT_SHA256 } from './sort-script';
import { distributionSvg } from './svg-chart';
import { TIMELINE_SCRIPT, TIMELINE_SCRIPT_SHA256 } from './timeline-script';

export interface HtmlReportOptions {
  /** Column names in the order to show them (the app's table order); default drifted first. */
  columnOrder?: readonly string[] | null;
  /** When the report was generated (ISO 8601); default the analysis time. */
  generatedAt?: string;
  /**
   * The Plotly bundle to embed for interactive charts; without it (the PDF) the report has the SVG charts
   * only and no chart script.
   */
  plotly?: PlotlyBundle | null;
  /**
   * At most this many per-column sections, the first in `columnOrder` (drifted first by default); the
   * drift table still lists every column, and a note says how many sections were left out. Default all.
   */
  maxColumnSections?: number;
}

/**
 * The report's Content-Security-Policy: nothing from the network, and only the inline scripts whose
 * base64 SHA-256 hashes are listed (no 'unsafe-inline', no 'unsafe-eval').
 */
export function reportCsp(scriptHashes: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.map((hash) => `'sha256-${hash}'`).join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The CSP of a report without Plotly: the table sorter only. */
export const REPORT_CSP = reportCsp([SORT_SCRIPT_SHA256]);

/** True when `source` could end its <script> element early or change how the HTML parser reads it. */
function breaksScriptElement(source: string): boolean {
  return /<\/script|<!--|<script/i.test(source);
}

/** "reference.csv vs current.csv": the report's title and default file name stem. */
export function reportTitle(result: AnalysisResult): string {
  return `Drift report: ${result.reference.file} vs ${result.current.file}`;
}

const h = escapeHtml;

function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function badge(column: ColumnResult): string {
  if (!isTested(column)) return '<span class="badge none">Not tested</span>';
  return column.driftDetected
    ? '<span class="badge drift">Drift</span>'
    : '<span class="badge ok">No drift</span>';
}

function missingShares(
  column: ColumnResult,
  result: AnalysisResult,
): { ref: number | null; cur: number | null } {
  const share = (missing: number, rows: number) => (rows > 0 ? missing / rows : null);
  return {
    ref: column.missingDrift?.reference ?? share(column.reference.missing, result.reference.rows),
    cur: column.missingDrift?.current ?? share(column.current.missing, result.current.rows),
  };
}

function filesSection(result: AnalysisResult): string {
  const row = (role: string, f: FileInfo) =>
    `<tr><td>${role}</td><td class="name">${h(f.file)}</td><td class="num">${formatBytes(f.bytes)}</td>` +
    `<td class="num">${formatInteger(f.rows)}</td><td class="num">${formatInteger(f.columns)}</td>` +
    `<td class="hash">${f.sha256 ? h(f.sha256) : '—'}</td></tr>`;
  const warnings = [...result.reference.warnings, ...result.current.warnings]
    .map((w) => `<p class="note">${h(w)}</p>`)
    .join('');
  return (
    '<section class="files" id="files"><h2>Files</h2><table><thead><tr><th></th><th>File</th>' +
    '<th class="num">Size</th><th class="num">Rows</th><th class="num">Columns</th><th>SHA-256</th></tr></thead>' +
    `<tbody>${row('Reference', result.reference)}${row('Current', result.current)}</tbody></table>${warnings}</section>`
  );
}

function settingsSection(result: AnalysisResult): string {
  const s = result.settings;
  const items: [string, string][] = [
    ['Test', s.test ? testLabel(s.test) : 'automatic per column (Evidently’s rule)'],
    ['Threshold', s.threshold === null ? 'the test’s default' : formatNumber(s.threshold)],
    ['Dataset drift at', `${formatPercent(s.shareThreshold, 0)} of tested columns drifted`],
    ['Correction', result.dataset.correction ?? s.correction ?? 'none'],
  ];
  if (s.missingDrift) {
    items.push([
      'Missing-share drift',
      `p < ${formatNumber(s.missingDrift.pValue)} and change ≥ ${formatPercent(s.missingDrift.minChange)}`,
    ]);
  }
  const { test: _t, threshold: _th, shareThreshold: _s, correction: _c, missingDrift: _m, ...rest } = s;
  const isEmpty = (v: unknown) =>
    v === undefined || v === null || (typeof v === 'object' && Object.keys(v as object).length === 0);
  const others = Object.fromEntries(Object.entries(rest).filter(([, v]) => !isEmpty(v)));
  const extra =
    Object.keys(others).length > 0
      ? `<p class="muted">Other settings (overrides, ignored columns, model quality):</p><pre>${h(JSON.stringify(others, null, 2))}</pre>`
      : '';
  const dl = items.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('');
  return `<section id="settings"><h2>Settings</h2><dl class="settings">${dl}</dl>${extra}</section>`;
}

function numCell(value: number | null, text: string): string {
  return `<td class="num" data-v="${value === null || !Number.isFinite(value) ? '' : value}">${text}</td>`;
}

/** The drift table; a column's name links to its section when it has one (the first `linked`). */
function driftTable(result: AnalysisResult, columns: ColumnResult[], linked: number): string {
  const head = [
    ['Column', 'text'],
    ['Type', 'text'],
    ['Test', 'text'],
    ['Score', 'num'],
    ['Threshold', 'num'],
    ['Drift', 'num'],
    ['Effect size', 'num'],
    ['Missing ref.', 'num'],
    ['Missing cur.', 'num'],
  ]
    .map(
      ([label, type]) =>
        `<th aria-sort="none" data-type="${type}"${type === 'num' ? ' class="num"' : ''}><span role="button" tabindex="0">${label}</span></th>`,
    )
    .join('');
  const rows = columns
    .map((c, i) => {
      const missing = missingShares(c, result);
      const drift = !isTested(c) ? -1 : c.driftDetected ? 1 : 0;
      return (
        `<tr><td class="name" data-v="${h(c.name)}">${i < linked ? `<a href="#col-${i}">${h(c.name)}</a>` : h(c.name)}</td>` +
        `<td>${h(c.type ?? '—')}</td><td>${h(testLabel(c.test))}</td>` +
        numCell(c.score, formatNumber(c.score)) +
        numCell(c.threshold, formatNumber(c.threshold)) +
        `<td data-v="${drift}">${badge(c)}</td>` +
        numCell(c.effectSize?.value ?? null, formatNumber(c.effectSize?.value ?? null)) +
        numCell(missing.ref, formatPercent(missing.ref)) +
        numCell(missing.cur, `${c.missingDrift?.driftDetected ? '▲ ' : ''}${formatPercent(missing.cur)}`) +
        '</tr>'
      );
    })
    .join('');
  return (
    '<section id="drift"><h2>Drift by column</h2>' +
    `<table id="drift-table"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>` +
    '<p class="muted">Score: the p-value of p-value tests (drift below the threshold) or the distance of distance tests ' +
    '(drift at or above it). Effect size: Jensen–Shannon distance on the shared bins. ▲: the missing share changed.</p></section>'
  );
}

function listSection(id: string, title: string, names: string[]): string {
  if (names.length === 0) return '';
  return `<section id="${id}"><h3>${h(title)}</h3><p class="name">${names.map(h).join(', ')}</p></section>`;
}

const STAT_ROWS: [keyof ColumnSummary, string, 'int' | 'num'][] = [
  ['count', 'Count', 'int'],
  ['missing', 'Missing', 'int'],
  ['invalid', 'Invalid', 'int'],
  ['unique', 'Unique', 'int'],
  ['mean', 'Mean', 'num'],
  ['std', 'Std', 'num'],
  ['min', 'Min', 'num'],
  ['q25', '25%', 'num'],
  ['median', 'Median', 'num'],
  ['q75', '75%', 'num'],
  ['max', 'Max', 'num'],
];

function statsTable(c: ColumnResult): string {
  const rows = STAT_ROWS.filter(
    ([key, , kind]) => kind === 'int' || c.reference[key] !== null || c.current[key] !== null,
  )
    .map(([key, label, kind]) => {
      const fmt = kind === 'int' ? formatInteger : formatNumber;
      const cell = (s: ColumnSummary) => fmt(s[key] as number | null);
      return `<tr><th>${label}</th><td class="num">${cell(c.reference)}</td><td class="num">${cell(c.current)}</td></tr>`;
    })
    .join('');
  return `<table class="stats"><thead><tr><th></th><th class="num">Reference</th><th class="num">Current</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function topCategories(c: ColumnResult): string {
  const ref = c.reference.top ?? [];
  const cur = c.current.top ?? [];
  if (ref.length === 0 && cur.length === 0) return '';
  const n = Math.min(Math.max(ref.length, cur.length), 5);
  const cell = (t: { value: string; count: number } | undefined) =>
    t
      ? `<td class="name">${h(t.value)}</td><td class="num">${formatInteger(t.count)}</td>`
      : '<td></td><td></td>';
  const rows = Array.from({ length: n }, (_, i) => `<tr>${cell(ref[i])}${cell(cur[i])}</tr>`).join('');
  return `<table class="stats"><thead><tr><th colspan="2">Top reference</th><th colspan="2">Top current</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function categoryChanges(c: ColumnResult): string {
  const list = (label: string, items: { value: string; count: number }[] | null) =>
    items && items.length > 0
      ? `<p class="note">${label}: ${items
          .slice(0, 10)
          .map((x) => `${h(x.value)} (${formatInteger(x.count)})`)
          .join(', ')}${items.length > 10 ? ` and ${items.length - 10} more` : ''}</p>`
      : '';
  return list('New in current', c.newCategories) + list('Vanished from current', c.vanishedCategories);
}

function columnSection(c: ColumnResult, index: number, interactive: boolean): string {
  const test = !isTested(c)
    ? ''
    : `<span class="muted">${h(testLabel(c.test))} ${c.testKind === 'p_value' ? 'p' : 'distance'} = ${formatNumber(c.score)}, threshold ${formatNumber(c.threshold)}${c.pValueAdjusted !== null ? `, adjusted p = ${formatNumber(c.pValueAdjusted)}` : ''}</span>`;
  const svg = c.distribution ? distributionSvg(c.distribution, c.name) : null;
  const chart =
    c.distribution && svg
      ? interactive
        ? chartBox(svg, chartData(c.distribution, c.name), index)
        : svg
      : '<div class="nochart">No distribution to plot</div>';
  return (
    `<section class="column" id="col-${index}"><div class="column-head"><h3>${h(c.name)}</h3>${badge(c)}` +
    `<span class="muted">${h(c.type ?? 'unknown type')}${c.typeSource === 'override' ? ' (set by the user)' : ''}</span>${test}</div>` +
    (c.note ? `<p class="note">${h(c.note)}</p>` : '') +
    `<div class="column-grid"><div>${chart}</div><div>${statsTable(c)}${topCategories(c)}</div></div>` +
    categoryChanges(c) +
    '</section>'
  );
}

/** Renders the complete report document. */
/** The per-column sections, the first `max` of `columns`, with a note when some are left out. */
function columnsSection(columns: readonly ColumnResult[], max: number, interactive: boolean): string {
  const shown = columns.slice(0, max);
  const left = columns.length - shown.length;
  const note =
    left > 0
      ? `<p class="note" id="columns-capped">Sections for the first ${formatInteger(shown.length)} of ${formatInteger(columns.length)} columns, in the table's order; the drift table above lists all ${formatInteger(columns.length)}, and the HTML and JSON reports have every column's section.</p>`
      : '';
  return `<section id="columns"><h2>Columns</h2>${note}${shown.map((c, i) => columnSection(c, i, interactive)).join('')}</section>`;
}

export function renderHtmlReport(result: AnalysisResult, options: HtmlReportOptions = {}): string {
  const columns = orderColumns(result, options.columnOrder ?? null);
  const maxSections = options.maxColumnSections ?? Number.POSITIVE_INFINITY;
  const plotly = options.plotly ?? null;
  if (plotly !== null && breaksScriptElement(plotly.source)) {
    throw new Error('The Plotly bundle contains "</script", "<script" or "<!--" and cannot be inlined.');
  }
  if (plotly !== null && !/^[A-Za-z0-9+/]{43}=$/.test(plotly.sha256)) {
    throw new Error('The Plotly bundle hash must be a base64 SHA-256.');
  }
  const scripts = plotly
    ? [
        { text: plotly.source, sha256: plotly.sha256 },
        { text: CHARTS_SCRIPT, sha256: CHARTS_SCRIPT_SHA256 },
        ...(result.timeline ? [{ text: TIMELINE_SCRIPT, sha256: TIMELINE_SCRIPT_SHA256 }] : []),
        { text: SORT_SCRIPT, sha256: SORT_SCRIPT_SHA256 },
      ]
    : [{ text: SORT_SCRIPT, sha256: SORT_SCRIPT_SHA256 }];
  const title = reportTitle(result);
  const generated = options.generatedAt ?? result.generatedAt;
  const d = result.dataset;
  const verdict =
    `<section class="verdict${d.driftDetected ? ' drift' : ''}" id="verdict">` +
    `<p class="verdict-title">${d.driftDetected ? 'Dataset drift detected' : 'No dataset drift'}</p>` +
    `<p class="summary">${h(summaryLine(result))}</p>` +
    `<p class="muted">Drift share ${formatPercent(d.driftShare)} (dataset drift at ${formatPercent(d.shareThreshold, 0)})` +
    `${d.missingDriftColumns > 0 ? ` · missing share changed in ${formatInteger(d.missingDriftColumns)} ${d.missingDriftColumns === 1 ? 'column' : 'columns'}` : ''}</p></section>`;
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${reportCsp(scripts.map((x) => x.sha256))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Driftscope ${h(result.driftscopeVersion)}">`,
    `<title>${h(title)}</title><style>${REPORT_CSS}</style></head><body><main>`,
    `<header><h1>${h(title)}</h1><p class="meta">Generated ${h(formatTime(generated))} · analysed ${h(formatTime(result.generatedAt))} · Driftscope ${h(result.driftscopeVersion)} · report schema ${result.schemaVersion}</p></header>`,
    verdict,
    filesSection(result),
    settingsSection(result),
    driftTable(result, columns, maxSections),
    multivariateSection(result, new Map(columns.slice(0, maxSections).map((c, i) => [c.name, i]))),
    listSection('only-reference', 'Only in the reference file (not tested)', result.onlyInReference),
    listSection('only-current', 'Only in the current file (not tested)', result.onlyInCurrent),
    listSection('ignored', 'Ignored on request', result.ignored),
    performanceSection(result, plotly !== null),
    shadowSection(result),
    estimatedSection(result),
    servingSection(result, plotly !== null),
    timelineSection(result, plotly !== null),
    columnsSection(columns, maxSections, plotly !== null),
    `<footer>Driftscope ${h(result.driftscopeVersion)} · aggregated data only, no rows · ${h(result.reference.file)} vs ${h(result.current.file)}</footer>`,
    `</main>${scripts.map((x) => `<script>${x.text}</script>`).join('')}</body></html>`,
  ].join('\n');
}
