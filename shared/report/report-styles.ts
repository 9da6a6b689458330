/**
 * The exported report's stylesheet (inline, allowed by the CSP's style-src 'unsafe-inline'). Print rules:
 * no chart, table row or column section is split across pages; the drift table's header repeats. A chart
 * box holds the SVG and the Plotly div on top of it: the screen shows the Plotly chart once it is drawn
 * (class `drawn`), print always shows the SVG (vector) and never the Plotly div.
 */
import { ROLE_COLORS } from './roles';

export const REPORT_CSS = `
:root { --text: #1f2430; --muted: #5b6475; --line: #dfe3ea; --soft: #f5f7fa; --drift: #b42318; --ok: #067647;
  --ref: ${ROLE_COLORS.reference}; --cur: ${ROLE_COLORS.current}; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); background: #fff;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 28px 40px; }
h1 { font-size: 22px; margin: 0 0 2px; overflow-wrap: anywhere; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line);
  break-after: avoid; }
h3 { font-size: 14px; margin: 0 0 6px; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.meta { color: var(--muted); margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead { display: table-header-group; }
tr, .column, .verdict, .files, .chart, .perf-block { break-inside: avoid; page-break-inside: avoid; }
.files td.hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 11px; overflow-wrap: anywhere; }
.name { overflow-wrap: anywhere; }
.verdict { border: 1px solid var(--line); border-left: 6px solid var(--ok); border-radius: 6px; padding: 12px 16px;
  margin: 8px 0 16px; background: var(--soft); }
.verdict.drift { border-left-color: var(--drift); }
.verdict-title { font-size: 18px; font-weight: 700; margin: 0; }
.verdict.drift .verdict-title { color: var(--drift); }
.verdict:not(.drift) .verdict-title { color: var(--ok); }
.summary { margin: 4px 0 0; font-size: 14px; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 11px; font-weight: 600;
  white-space: nowrap; border: 1px solid transparent; }
.badge.drift { color: var(--drift); border-color: var(--drift); }
.badge.ok { color: var(--ok); border-color: var(--ok); }
.badge.none { color: var(--muted); border-color: var(--line); }
dl.settings { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.settings dt { color: var(--muted); }
dl.settings dd { margin: 0; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); padding: 8px; border-radius: 4px;
  font-size: 11px; }
#drift-table th [role="button"] { cursor: pointer; }
#drift-table th[aria-sort="ascending"] [role="button"]::after { content: " ▲"; }
#drift-table th[aria-sort="descending"] [role="button"]::after { content: " ▼"; }
#drift-table td { white-space: nowrap; }
#drift-table td.name { white-space: normal; min-width: 10em; max-width: 22em; }
.files td.name { min-width: 9em; }
#drift-table a { color: inherit; }
.column { border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; margin: 0 0 14px; }
.column-head { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.column-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; align-items: start; }
.column .stats td, .column .stats th { padding: 2px 6px; font-size: 12px; }
.note { color: var(--muted); margin: 4px 0; overflow-wrap: anywhere; }
.chart { width: 100%; height: auto; display: block; }
.chart text { font: 10px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; fill: var(--muted); }
.chart .legend text { fill: var(--text); }
.chart .grid { stroke: var(--line); stroke-width: 0.6; }
.chart .axis { stroke: #9aa3b2; stroke-width: 0.8; }
.chart rect:hover { fill-opacity: 0.9; }
.chart-box { position: relative; }
.chart-box .plotly-chart { position: absolute; inset: 0; visibility: hidden; }
.chart-box.drawn .plotly-chart { visibility: visible; }
.chart-box.drawn svg.chart { visibility: hidden; }
.nochart { color: var(--muted); padding: 24px 0; text-align: center; border: 1px dashed var(--line); border-radius: 4px; }
.perf-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.cm td { text-align: right; font-variant-numeric: tabular-nums; }
.cm th { font-size: 11px; overflow-wrap: anywhere; }
.perf-charts { margin-top: 12px; }
.perf-chart h3 { margin-bottom: 2px; }
.chart-caption { margin: 2px 0 0; font-size: 12px; }
.chart .axis-title { fill: var(--text); font-size: 11px; }
.chart a .link { fill: #315fe2; text-decoration: underline; }
.multivariate-box { max-width: 640px; }
.concept { margin-top: 16px; }
.concept-head { break-inside: avoid; page-break-inside: avoid; }
.concept-reading { border: 1px solid var(--line); border-left: 4px solid var(--ok); border-radius: 4px;
  padding: 6px 12px; margin: 0 0 10px; background: var(--soft); }
.concept-reading.changed { border-left-color: var(--drift); }
.concept-reading p { margin: 3px 0; overflow-wrap: anywhere; }
.concept-table td { font-size: 12px; }
.timeline-box { position: relative; margin: 8px 0; break-inside: avoid; page-break-inside: avoid; }
.timeline-box .plotly-chart { position: absolute; inset: 0; visibility: hidden; }
.timeline-box.drawn .plotly-chart { visibility: visible; }
.timeline-box.drawn svg.chart { visibility: hidden; }
.timeline-feature { break-inside: avoid; page-break-inside: avoid; margin-top: 10px; }
.timeline-chunks td { font-size: 12px; }
.timeline-chunks .note-cell { color: var(--muted); overflow-wrap: anywhere; }
.timeline-estimated-table td.name { white-space: nowrap; }
footer { margin-top: 32px; color: var(--muted); font-size: 11px; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { margin-top: 18px; }
  .column { margin-bottom: 10px; }
  a { text-decoration: none; }
  .chart-box .plotly-chart { display: none; }
  .chart-box.drawn svg.chart { visibility: visible; }
  .timeline-box .plotly-chart { display: none; }
  .timeline-box.drawn svg.chart { visibility: visible; }
}
`;
