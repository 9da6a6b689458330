export { testLabel } from '../../../shared/drift/methods/registry';

/** What the score means, for tooltips: p-value tests drift below the threshold, distances at or above. */
export function scoreMeaning(kind: 'p_value' | 'distance' | null): string {
  if (kind === 'p_value') return 'p-value: drift when below the threshold';
  if (kind === 'distance') return 'distance: drift when at or above the threshold';
  return 'not tested';
}
