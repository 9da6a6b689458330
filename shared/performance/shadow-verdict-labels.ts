/** The wording of a shadow verdict (docs/shadow.md), one home for the app and the reports. */
import type { ShadowVerdict } from './shadow-types';

export const SHADOW_VERDICT_LABELS: Record<ShadowVerdict, string> = {
  challenger_better: 'Challenger better',
  challenger_worse: 'Challenger worse',
  no_significant_difference: 'No significant difference',
};
