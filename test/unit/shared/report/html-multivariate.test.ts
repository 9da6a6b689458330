// @vitest-environment node
/**
 * The report's "Multivariate drift" section on test/fixtures/multivariate/recon-*.csv (a flipped correlation
 * between x1 and x2, gen_multivariate_fixtures.py), analysed by the engine with the detectors on. Oracles:
 * recon.json "all" (scikit-learn 1.2.1 StandardScaler + SimpleImputer + PCA(0.65) fitted on the 400 reference
 * rows: 3 components, 67.37 % of the variance, the current set's mean reconstruction error 1.8102); the
 * classifier's figures are the engine's (checked against scikit-learn in test/unit/shared/multivariate), so the
 * section must carry them unchanged, in the importance order. A hostile column name stays text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../../../electron/engine/load-csv';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import { DEFAULT_MULTIVARIATE } from '../../../../shared/multivariate/analyze-multivariate';
import { multivariateSection } from '../../../../shared/report/html-multivariate';
import { renderHtmlReport } from '../../../../shared/report/html-report';
import { multivariateSentence, multivariateSummary } from '../../../../shared/report/multivariate-summary';
import { escapeHtml, formatNumber, formatPercent } from '../../../../shared/report/report-format';

const DIR = fileURLToPath(new URL('../../../fixtures/multivariate/', import.meta.url));
const CONTEXT = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };
const oracle = JSON.parse(readFileSync(path.join(DIR, 'recon.json'), 'utf8')).all;
const reference = await loadCsv(path.join(DIR, 'recon-reference.csv'));
const current = await loadCsv(path.join(DIR, 'recon-current.csv'));
const on = { ...DEFAULT_SETTINGS, multivariate: { ...DEFAULT_MULTIVARIATE, enabled: true } };
const result = analyzeTables(reference, current, on, CONTEXT);

describe('multivariate section of the report', () => {
  it('gives the verdict, the classifier, the importance bars linked to column sections and the reconstruction', () => {
    const html = renderHtmlReport(result);
    const start = html.indexOf('<section id="multivariate">');
    expect(start).toBeGreaterThan(0);
    const section = html.slice(start, html.indexOf('</section>', start));
    const mv = result.multivariate!;
    expect(section).toContain(escapeHtml(multivariateSentence(multivariateSummary(mv))));
    expect(section).toContain('data-verdict="drift"');
    const names = [...section.matchAll(/<title>([^<:]+)<\/title><\/text>/g)].map((m) => m[1]);
    expect(names).toEqual(mv.domainClassifier!.importance.map((x) => x.feature));
    // Every shown column has a section in this report, so every name links to one.
    expect(section.match(/<a href="#col-\d+">/g)?.length).toBe(names.length);
    expect(section).toContain(
      `${oracle.components} components keep ${formatPercent(oracle.varianceKept)} of the reference's variance`,
    );
    expect(section).toContain(`current <strong>${formatNumber(oracle.current.mean, 4)}</strong>`);
  });

  it('is absent when the detectors are off; a hostile column name stays text', () => {
    expect(renderHtmlReport(analyzeTables(reference, current, DEFAULT_SETTINGS, CONTEXT))).not.toContain(
      'id="multivariate"',
    );
    const mv = result.multivariate!;
    const hostile = {
      ...result,
      multivariate: {
        ...mv,
        domainClassifier: {
          ...mv.domainClassifier!,
          importance: [
            { feature: '<img src=x onerror=alert(1)>', value: 0.5 },
            ...mv.domainClassifier!.importance,
          ],
        },
      },
    };
    const section = multivariateSection(hostile, new Map());
    expect(section).not.toContain('<img');
    expect(section).toContain('&lt;img');
  });
});
