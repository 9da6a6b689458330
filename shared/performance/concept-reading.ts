/** The concept drift reading in plain words, the same in the app, the reports and the CLI. */
import type { ConceptReading } from './types';

export const READING_TEXT: Readonly<Record<ConceptReading, string>> = {
  none: 'Neither the inputs nor the relation between inputs and target changed.',
  covariate_shift: 'Inputs changed, but the relation between inputs and target held (covariate shift).',
  concept_drift: 'The relation between inputs and target changed while the inputs did not (concept drift).',
  both: 'Inputs changed and the relation between inputs and target changed (covariate shift and concept drift).',
};
