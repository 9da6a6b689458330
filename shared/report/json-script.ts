/**
 * JSON for a `<script type="application/json">` data block in the exported HTML report. The HTML parser
 * ends a script element at the first `</script` whatever the JSON means, and `<!--` changes how it scans,
 * so <, > and & are written as \u003c, \u003e and \u0026 (JSON.parse reads them back unchanged); U+2028
 * and U+2029 are escaped too, so the text is also valid JavaScript. A category named
 * `</script><script>alert(1)</script>` stays inside its block.
 *
 * @example jsonForScript({ a: '</script>' }) // '{"a":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
