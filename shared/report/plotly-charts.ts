/**
 * Interactive charts for the exported HTML report. Each column's chart is its static SVG (what prints and
 * what shows without JavaScript) plus a `<script type="application/json">` block with the same aggregated
 * data (bin centres and widths, or category labels, and both shares; never rows) and an empty div.
 * CHARTS_SCRIPT draws the data with the embedded Plotly bundle when a chart comes near the viewport and
 * then shows the Plotly chart in place of the SVG. Labels from the data are escaped for Plotly here (in
 * TypeScript, before they reach the page) and the JSON is escaped for the HTML parser (json-script.ts).
 */
import type { Distribution } from './analysis-result';
import { histogramBars } from './histogram-bars';
import { jsonForScript } from './json-script';
import { plotlySafeText } from './plotly-safe-text';
import { ROLE_COLORS } from './roles';
import type { XYAxes, XYChart } from './svg-xy-chart';
import { truncateLabel } from './truncate-label';

/** The Plotly bundle to embed (plotly.js-basic-dist-min) and the base64 SHA-256 of its UTF-8 text. */
export interface PlotlyBundle {
  source: string;
  sha256: string;
}

/** What CHARTS_SCRIPT reads from a chart's JSON block. Every string is already Plotly-safe. */
export type ChartData =
  | {
      kind: 'histogram';
      /** Axis title (the column name). */
      title: string;
      /** Bin centres and widths on the bins shared by reference and current (the app's bins). */
      x: number[];
      width: number[];
      /** "lo – hi" of each bin, for the hover text. */
      ranges: string[];
      reference: number[];
      current: number[];
    }
  | {
      kind: 'categories';
      title: string;
      labels: string[];
      /** Shortened labels for the axis (the full one is in the hover text). */
      ticks: string[];
      reference: number[];
      current: number[];
    }
  | (XYAxes & {
      /** A model-quality chart (curves, point clouds, shared-bin histograms): see svg-xy-chart.ts. */
      kind: 'plot';
      /** A log x axis (the latency overlay). */
      xLog: boolean;
      series: PlotSeries[];
    });

/** One trace of a 'plot' chart; bars carry centres, widths and "lo – hi" ranges like the histograms. */
export type PlotSeries =
  | { name: 'Reference' | 'Current'; mode: 'line' | 'linepoints' | 'points'; x: number[]; y: number[] }
  | {
      name: 'Reference' | 'Current';
      mode: 'bars';
      x: number[];
      y: number[];
      width: number[];
      ranges: string[];
    };

const TICK_CHARS = 18;
const TITLE_CHARS = 60;

/** Keeps the JSON small: 10 significant digits for positions, 6 for shares; non-finite becomes null. */
const round = (digits: number) => (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : null);
const pos = round(10);
const share = round(6);

/** The aggregated data of one chart (pure; the tests read it back from the page). */
export function chartData(distribution: Distribution, columnName: string): ChartData {
  const title = plotlySafeText(truncateLabel(columnName, TITLE_CHARS));
  if (distribution.kind === 'histogram') {
    const bars = histogramBars(distribution.edges);
    const bins = bars.x.length;
    return {
      kind: 'histogram',
      title,
      x: bars.x.map(pos) as number[],
      width: bars.width.map(pos) as number[],
      ranges: bars.ranges.map(plotlySafeText),
      reference: distribution.reference.slice(0, bins).map(share) as number[],
      current: distribution.current.slice(0, bins).map(share) as number[],
    };
  }
  return {
    kind: 'categories',
    title,
    labels: distribution.labels.map(plotlySafeText),
    ticks: distribution.labels.map((label) => plotlySafeText(truncateLabel(label, TICK_CHARS))),
    reference: distribution.reference.map(share) as number[],
    current: distribution.current.map(share) as number[],
  };
}

/** The Plotly data of a model-quality chart, from the same spec as its SVG (pure). */
export function xyChartData(chart: XYChart): ChartData {
  const series = chart.series.map((s): PlotSeries => {
    if (s.mode !== 'bars') {
      return { name: s.role, mode: s.mode, x: s.x.map(pos) as number[], y: s.y.map(pos) as number[] };
    }
    const bins = Math.max(Math.min(s.edges.length - 1, s.shares.length), 0);
    const bars = histogramBars(s.edges, bins);
    return {
      name: s.role,
      mode: 'bars',
      x: bars.x.map(pos) as number[],
      width: bars.width.map(pos) as number[],
      ranges: bars.ranges.map(plotlySafeText),
      y: s.shares.slice(0, bins).map(share) as number[],
    };
  });
  return {
    kind: 'plot',
    xTitle: plotlySafeText(truncateLabel(chart.xTitle, TITLE_CHARS)),
    yTitle: plotlySafeText(truncateLabel(chart.yTitle, TITLE_CHARS)),
    xHover: plotlySafeText(chart.xHover),
    yHover: plotlySafeText(chart.yHover),
    xRange: chart.xRange.map(pos) as [number, number],
    yRange: chart.yRange.map(pos) as [number, number],
    xPercent: chart.xPercent,
    yPercent: chart.yPercent,
    diagonal: chart.diagonal,
    xLog: chart.xLog === true,
    series,
  };
}

/**
 * One column's chart: the SVG (fallback and print), the data block and the div Plotly draws into.
 * `index` names the data block (`chart-data-<index>`) and the div (`chart-<index>`); columns use their
 * position, model-quality charts a name (`perf-roc`).
 */
export function chartBox(svg: string, data: ChartData, index: number | string): string {
  return (
    `<div class="chart-box">${svg}` +
    `<script type="application/json" class="chart-data" id="chart-data-${index}">${jsonForScript(data)}</script>` +
    `<div class="plotly-chart" id="chart-${index}"></div></div>`
  );
}

/**
 * Draws every `.chart-box` with Plotly (when the bundle loaded), lazily as boxes come within 400 px of the
 * viewport; a drawn box gets the class `drawn` (CSS then hides its SVG on screen; print keeps the SVG).
 * Overlaid histogram bars at bin centres with explicit widths, grouped category bars, hover with the
 * bin range or the full category label (the axis shows shortened ones) and the share, as the app draws them. The CSP allows exactly this text by its SHA-256.
 */
export const CHARTS_SCRIPT =
  '(function(){var P=window.Plotly;if(!P||!P.newPlot)return;' +
  `var C={r:'${ROLE_COLORS.reference}',c:'${ROLE_COLORS.current}'},M='#5b6475',G='#e3e6ec';` +
  'var FONT=\'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif\';' +
  "function traces(d){var h=d.kind==='histogram';function t(name,y,color){var o={type:'bar',name:name,y:y,marker:{color:color}};" +
  'if(h){o.x=d.x;o.width=d.width;o.customdata=d.ranges;o.opacity=0.55;o.marker.line={color:color,width:1};}' +
  'else{o.x=d.labels;o.customdata=d.labels;o.opacity=0.9;}' +
  "o.hovertemplate=name+'<br>%{customdata}<br>share %{y:.2%}<extra></extra>';return o;}" +
  "return[t('Reference',d.reference,C.r),t('Current',d.current,C.c)];}" +
  "function layout(d){var h=d.kind==='histogram';var ax={color:M,gridcolor:G,zerolinecolor:G,linecolor:G,automargin:true};" +
  "var x={title:{text:d.title,font:{size:11,color:M}},type:h?'linear':'category',tickangle:'auto'};" +
  "if(!h){x.tickmode='array';x.tickvals=d.labels;x.ticktext=d.ticks;}" +
  'for(var k in ax)x[k]=ax[k];' +
  "var y={title:{text:'Share of non-missing values',font:{size:11,color:M}},tickformat:'.0%',rangemode:'tozero'};" +
  'for(var j in ax)y[j]=ax[j];' +
  "return{barmode:h?'overlay':'group',bargap:h?0:0.2,autosize:true,paper_bgcolor:'rgba(0,0,0,0)',plot_bgcolor:'rgba(0,0,0,0)'," +
  "font:{family:FONT,size:11,color:'#1f2430'},margin:{l:52,r:12,t:26,b:36}," +
  "legend:{orientation:'h',x:1,xanchor:'right',y:1.02,yanchor:'bottom'},hoverlabel:{font:{size:12}},xaxis:x,yaxis:y};}" +
  // Model-quality charts ('plot'): curves, clouds and shared-bin bars, the dashed y = x diagonal, fixed
  // ranges; hover templates hold constants only (the series role and the short axis names, stripped of
  // the template characters % { }).
  "function hv(t){return String(t).replace(/[%{}]/g,'');}" +
  "function ptraces(d){var out=[],f=function(p){return p?'.1%':'.4g';};" +
  'if(d.diagonal){var lo=Math.max(d.xRange[0],d.yRange[0]),hi=Math.min(d.xRange[1],d.yRange[1]);' +
  "out.push({type:'scatter',mode:'lines',x:[lo,hi],y:[lo,hi],line:{color:'#9aa3b2',dash:'dash',width:1},hoverinfo:'skip',showlegend:false});}" +
  "d.series.forEach(function(s){var cur=s.name==='Current',nm=cur?'Current':'Reference',color=cur?C.c:C.r,o={name:nm,x:s.x,y:s.y};" +
  "if(s.mode==='bars'){o.type='bar';o.width=s.width;o.customdata=s.ranges;o.opacity=0.55;o.marker={color:color,line:{color:color,width:1}};" +
  "o.hovertemplate=nm+'<br>%{customdata}<br>share %{y:.2%}<extra></extra>';}" +
  "else{o.type='scatter';o.mode=s.mode==='points'?'markers':s.mode==='linepoints'?'lines+markers':'lines';" +
  "o.line={color:color,width:2};o.marker={color:color,size:s.mode==='points'?5:7,opacity:s.mode==='points'?0.55:1};" +
  "o.hovertemplate=nm+'<br>'+hv(d.xHover)+' %{x:'+f(d.xPercent)+'}<br>'+hv(d.yHover)+' %{y:'+f(d.yPercent)+'}<extra></extra>';}" +
  'out.push(o);});return out;}' +
  "function playout(d){var l=layout({kind:'histogram',title:d.xTitle});l.barmode='overlay';l.bargap=0;" +
  "l.xaxis.range=d.xRange;l.xaxis.tickformat=d.xPercent?'.0%':'';l.yaxis.title.text=d.yTitle;l.yaxis.range=d.yRange;" +
  "l.yaxis.tickformat=d.yPercent?'.0%':'';l.yaxis.rangemode='normal';l.margin.b=40;" +
  "if(d.xLog){l.xaxis.type='log';l.xaxis.range=[Math.log10(d.xRange[0]),Math.log10(d.xRange[1])];}return l;}" +
  "var CONFIG={displaylogo:false,responsive:true,modeBarButtonsToRemove:['select2d','lasso2d','autoScale2d','toImage']};" +
  "function draw(box){if(box.getAttribute('data-state'))return;box.setAttribute('data-state','drawing');" +
  "var s=box.querySelector('script.chart-data'),div=box.querySelector('.plotly-chart'),d;" +
  "try{d=JSON.parse(s.textContent);}catch(e){box.setAttribute('data-state','failed');return;}" +
  "var pl=d.kind==='plot';P.newPlot(div,pl?ptraces(d):traces(d),pl?playout(d):layout(d),CONFIG).then(function(){box.classList.add('drawn');box.setAttribute('data-state','drawn');}," +
  "function(){box.setAttribute('data-state','failed');});}" +
  "var boxes=Array.prototype.slice.call(document.querySelectorAll('.chart-box'));" +
  "if(typeof IntersectionObserver!=='function'){boxes.forEach(draw);return;}" +
  'var io=new IntersectionObserver(function(entries){entries.forEach(function(e){' +
  "if(e.isIntersecting){io.unobserve(e.target);draw(e.target);}});},{rootMargin:'400px 0px'});" +
  'boxes.forEach(function(b){io.observe(b);});})();';

/** Base64 SHA-256 of CHARTS_SCRIPT, as the CSP's script-src names it (checked by test/unit/shared/report). */
export const CHARTS_SCRIPT_SHA256 = 'FQ85gxdD07UDwVEE2aJCxC//L5QzlJhQQOcInUZZrkI=';
