/**
 * The Plotly bundle the HTML report embeds: plotly.js-basic-dist-min (bar, scatter, pie; no eval, no
 * new Function), read from node_modules once per process, with the base64 SHA-256 the report's CSP lists.
 * Resolved from this file, so it works from the sources (tests), from dist/electron (the command line)
 * and from the packaged app's asar.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PlotlyBundle } from '../../shared/report/plotly-charts';

export const PLOTLY_BUNDLE_MODULE = 'plotly.js-basic-dist-min/plotly-basic.min.js';

/** Base64 SHA-256 of a script's UTF-8 text, as a CSP 'sha256-…' source names it. */
export function scriptHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

let cached: PlotlyBundle | null = null;

/** Reads the bundle (once) and hashes it. Line endings are normalised as the HTML parser would. */
export function loadPlotlyBundle(): PlotlyBundle {
  if (cached === null) {
    const file = createRequire(__filename).resolve(PLOTLY_BUNDLE_MODULE);
    const source = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
    cached = { source, sha256: scriptHash(source) };
  }
  return cached;
}
