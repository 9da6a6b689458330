/**
 * Draws the report's timeline charts (html-timeline.ts) with the embedded Plotly bundle: the heatmap as
 * square markers coloured per cell (the basic bundle has no heatmap trace) with the alerts as white ✕,
 * hover with each cell's numbers; each drifted feature's score per chunk with its threshold, the
 * reference-derived bound, alerts, gaps and the reference period shaded. Strings in the data blocks are
 * already Plotly-safe; hover templates hold constants only. A drawn box gets the class `drawn` (CSS then
 * hides its SVG on screen; print keeps the SVG). The CSP allows exactly this text by its SHA-256.
 */
export const TIMELINE_SCRIPT =
  '(function(){var P=window.Plotly;if(!P||!P.newPlot)return;' +
  "var M='#5b6475',G='#e3e6ec',FONT='system-ui, -apple-system, \"Segoe UI\", Roboto, \"DejaVu Sans\", sans-serif';" +
  "var CONFIG={displaylogo:false,responsive:true,modeBarButtonsToRemove:['select2d','lasso2d','autoScale2d','toImage']};" +
  "function shade(r,x0,x1,c){return{type:'rect',xref:'x',yref:'paper',x0:x0,x1:x1,y0:0,y1:1,fillcolor:c,line:{width:0},layer:'below'};}" +
  "function refShapes(r){return r?[shade(r,r[0]-0.5,r[1]+0.5,'rgba(76,120,168,0.12)')]:[];}" +
  'function ticks(labels,max){var n=labels.length,step=Math.max(1,Math.ceil(n/max)),v=[],t=[];' +
  'for(var i=0;i<n;i+=step){v.push(i);t.push(labels[i]);}return{v:v,t:t};}' +
  "function base(m){return{margin:m,paper_bgcolor:'rgba(0,0,0,0)',plot_bgcolor:'rgba(0,0,0,0)',font:{family:FONT,size:11,color:'#1f2430'},hoverlabel:{font:{size:12}}};}" +
  'function heat(d,div){var w=div.clientWidth||760,hh=div.clientHeight||300,m={l:150,r:10,t:22,b:70};' +
  'var cw=(w-m.l-m.r)/Math.max(d.labels.length,1),ch=(hh-m.t-m.b)/Math.max(d.features.length,1),s=Math.max(3,Math.min(cw,ch)-1);' +
  "var tr=[{type:'scatter',mode:'markers',x:d.x,y:d.y,text:d.text,hovertemplate:'%{text}<extra></extra>',marker:{symbol:'square',size:s,color:d.color,line:{width:0}},showlegend:false}," +
  "{type:'scatter',mode:'markers',x:d.alerts.x,y:d.alerts.y,hoverinfo:'skip',marker:{symbol:'x-thin-open',size:Math.max(3,s*0.55),color:'#fff',line:{width:1.6,color:'#fff'}},showlegend:false}];" +
  'var tk=ticks(d.labels,26),l=base(m);' +
  "l.xaxis={range:[-0.5,d.labels.length-0.5],tickmode:'array',tickvals:tk.v,ticktext:tk.t,tickangle:-45,showgrid:false,zeroline:false,color:M,fixedrange:false};" +
  "l.yaxis={range:[d.features.length-0.5,-0.5],tickmode:'array',tickvals:d.features.map(function(_,i){return i;}),ticktext:d.features,showgrid:false,zeroline:false,color:M};" +
  'l.shapes=refShapes(d.reference);return P.newPlot(div,tr,l,CONFIG);}' +
  'function line(d,div){var n=d.labels.length;' +
  "var tr=[{type:'scatter',mode:'lines+markers',name:'Score',x:d.x,y:d.score,connectgaps:false,customdata:d.labels,line:{color:'#f58518',width:2},marker:{size:5,color:'#f58518'},hovertemplate:'%{customdata}<br>score %{y:.4g}<extra></extra>'}," +
  "{type:'scatter',mode:'markers',name:'Drift',x:d.alerts,y:d.alerts.map(function(i){return d.score[i];}),customdata:d.alerts.map(function(i){return d.labels[i];}),marker:{size:9,color:'#b42318'},hovertemplate:'%{customdata}<br>drift, score %{y:.4g}<extra></extra>'}];" +
  "function hl(v,name,color){if(v===null)return;tr.push({type:'scatter',mode:'lines',name:name,x:[-0.5,n-0.5],y:[v,v],line:{color:color,dash:'dash',width:1.2},hovertemplate:name+' %{y:.4g}<extra></extra>'});}" +
  "hl(d.threshold,'Threshold','#b42318');hl(d.upper,'Reference bound','#6c4ab6');hl(d.lower,'Reference bound (lower)','#6c4ab6');" +
  "var sh=refShapes(d.reference);d.gaps.forEach(function(g){sh.push(shade(null,g-0.5,g+0.5,'rgba(150,155,165,0.25)'));});" +
  'var tk=ticks(d.labels,13),l=base({l:52,r:10,t:24,b:46});' +
  "l.xaxis={range:[-0.5,n-0.5],tickmode:'array',tickvals:tk.v,ticktext:tk.t,tickangle:-35,showgrid:false,zeroline:false,color:M};" +
  "l.yaxis={title:{text:'Score',font:{size:11,color:M}},rangemode:'tozero',gridcolor:G,zerolinecolor:G,color:M};" +
  "l.legend={orientation:'h',x:1,xanchor:'right',y:1.02,yanchor:'bottom'};l.shapes=sh;return P.newPlot(div,tr,l,CONFIG);}" +
  "function draw(box){if(box.getAttribute('data-state'))return;box.setAttribute('data-state','drawing');" +
  "var s=box.querySelector('script.timeline-data'),div=box.querySelector('.plotly-chart'),d;" +
  "if(!s||!div){box.setAttribute('data-state','static');return;}" +
  "try{d=JSON.parse(s.textContent);}catch(e){box.setAttribute('data-state','failed');return;}" +
  "(d.kind==='timeline-heatmap'?heat(d,div):line(d,div)).then(function(){box.classList.add('drawn');box.setAttribute('data-state','drawn');}," +
  "function(){box.setAttribute('data-state','failed');});}" +
  "var boxes=Array.prototype.slice.call(document.querySelectorAll('.timeline-box'));" +
  "if(typeof IntersectionObserver!=='function'){boxes.forEach(draw);return;}" +
  'var io=new IntersectionObserver(function(entries){entries.forEach(function(e){' +
  "if(e.isIntersecting){io.unobserve(e.target);draw(e.target);}});},{rootMargin:'400px 0px'});" +
  'boxes.forEach(function(b){io.observe(b);});})();';

/** Base64 SHA-256 of TIMELINE_SCRIPT, as the CSP's script-src names it (checked by a unit test). */
export const TIMELINE_SCRIPT_SHA256 = 'ADSBmTwIMuXiM2HVIF7Iveyq10oP5kVd3RbfEdgNe8U=';
