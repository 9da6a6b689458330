/**
 * Escapes a string that came from a data file (a column name, a category label) before it reaches
 * Plotly, in the app's charts and in the exported HTML report (the one copy). Plotly renders a subset of HTML-like tags in tick labels, legends
 * and hover text (<b>, <a href>, <br>, ...), so a label such as `<a href="javascript:...">` would otherwise
 * become markup. The five characters Plotly's pseudo-HTML parser cares about become entities that Plotly
 * decodes back to the literal characters: &lt; &gt; &amp; and numeric ones for quotes (Plotly does not
 * know &quot;).
 *
 * @example plotlySafeText('<b>&"\'') // '&lt;b&gt;&amp;&#34;&#39;'
 */
export function plotlySafeText(value: string): string {
  return value.replace(/[<>&"']/g, (ch) => ESCAPES[ch] ?? ch);
}

const ESCAPES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&#34;',
  "'": '&#39;',
};
