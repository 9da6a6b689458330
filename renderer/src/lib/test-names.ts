import type { TestKey } from '../../../shared/types';

/** Human names of the drift tests (registry keys of statistics.md §5). */
export const TEST_LABELS: Record<TestKey, string> = {
  ks: 'K–S',
  chisquare: 'Chi-square',
  z: 'Z-test',
  wasserstein: 'Wasserstein',
  jensenshannon: 'Jensen–Shannon',
  psi: 'PSI',
  kl_div: 'K–L divergence',
  hellinger: 'Hellinger',
  jensenshannon_base2: 'Jensen–Shannon (base 2)',
  anderson: 'Anderson–Darling',
  cramer_von_mises: 'Cramér–von Mises',
  ed: 'Energy distance',
  es: 'Epps–Singleton',
  t_test: 't-test',
  mannw: 'Mann–Whitney U',
  fisher_exact: 'Fisher exact',
  g_test: 'G-test',
  tvd: 'Total variation',
  empirical_mmd: 'MMD',
};

/** A test's human name; keys added to the registry later show as their key until named here. */
export function testLabel(test: TestKey | null): string {
  return test ? (TEST_LABELS[test] ?? test) : '—';
}

/** What the score means, for tooltips: p-value tests drift below the threshold, distances at or above. */
export function scoreMeaning(kind: 'p_value' | 'distance' | null): string {
  if (kind === 'p_value') return 'p-value: drift when below the threshold';
  if (kind === 'distance') return 'distance: drift when at or above the threshold';
  return 'not tested';
}
