/** Human names of the drift tests (registry keys of statistics.md §5), for the app and the reports. */
import type { TestKey } from '../../types';

export const TEST_LABELS: Readonly<Record<TestKey, string>> = {
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

/**
 * The test's human name; '—' when no test ran; an unknown key (a newer report) as itself.
 * @example testLabel('wasserstein') // 'Wasserstein'
 */
export function testLabel(test: TestKey | string | null): string {
  if (test === null) return '—';
  return Object.hasOwn(TEST_LABELS, test) ? TEST_LABELS[test as TestKey] : test;
}
