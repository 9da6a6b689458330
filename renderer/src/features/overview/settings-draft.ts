/**
 * The analysis settings panel's draft: its fields as text, checked field by field, and written back into the
 * session's settings object. Pure (no DOM, no React), so the panel's rules are unit-tested on their own.
 */
import {
  type AnalysisSettings,
  type Correction,
  DEFAULT_MISSING_DRIFT,
  DEFAULT_SETTINGS,
} from '../../../../shared/drift/settings';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import type { ColumnType, TestKey } from '../../../../shared/types';

/** How each multiple-testing correction is named in the app. */
export const CORRECTION_LABELS: Record<Correction, string> = {
  none: 'None',
  bonferroni: 'Bonferroni',
  benjamini_hochberg: 'Benjamini–Hochberg',
};

export const EDITED_TYPES: ColumnType[] = ['numerical', 'categorical'];

/** The panel's fields as text (inputs), so a half-typed number is never lost. */
export interface Draft {
  correction: Correction;
  shareThreshold: string;
  test: TestKey | '';
  threshold: string;
  types: Record<string, { test: TestKey | ''; threshold: string }>;
  ignore: string[];
  missingPValue: string;
  missingMinChange: string;
}

const text = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

export function toDraft(settings: AnalysisSettings): Draft {
  const types: Draft['types'] = {};
  for (const type of EDITED_TYPES) {
    const t = settings.types?.[type];
    types[type] = { test: t?.test ?? '', threshold: text(t?.threshold) };
  }
  const missing = settings.missingDrift ?? DEFAULT_MISSING_DRIFT;
  return {
    correction: settings.correction ?? 'none',
    shareThreshold: text(settings.shareThreshold),
    test: settings.test ?? '',
    threshold: text(settings.threshold),
    types,
    ignore: [...(settings.ignore ?? [])],
    missingPValue: text(missing.pValue),
    missingMinChange: text(missing.minChange),
  };
}

/** A number typed in a field: null when blank, NaN when not a number. */
export function parsed(value: string): number | null {
  return value.trim() === '' ? null : Number(value);
}

export type Problems = Partial<Record<'shareThreshold' | 'threshold' | 'missing' | `type-${string}`, string>>;

export function validate(draft: Draft): Problems {
  const problems: Problems = {};
  const share = parsed(draft.shareThreshold);
  if (share === null || !(share > 0 && share <= 1)) problems.shareThreshold = 'Between 0 (excluded) and 1';
  const nonNegative = (value: string) => {
    const n = parsed(value);
    return n === null || (Number.isFinite(n) && n >= 0);
  };
  if (!nonNegative(draft.threshold)) problems.threshold = 'A number ≥ 0, or blank';
  for (const type of EDITED_TYPES) {
    if (!nonNegative(draft.types[type].threshold)) problems[`type-${type}`] = 'A number ≥ 0, or blank';
  }
  const p = parsed(draft.missingPValue);
  const m = parsed(draft.missingMinChange);
  if (p === null || m === null || !nonNegative(draft.missingPValue) || !nonNegative(draft.missingMinChange)) {
    problems.missing = 'Both numbers ≥ 0';
  }
  return problems;
}

/**
 * The settings with the panel's keys replaced by the draft's: keys at their default are left out (so
 * the JSON stays short), column overrides and performance settings are kept.
 */
export function applyDraft(settings: AnalysisSettings, draft: Draft): AnalysisSettings {
  const {
    types: _types,
    ignore: _ignore,
    correction: _correction,
    missingDrift: _missing,
    ...rest
  } = settings;
  const next: AnalysisSettings = {
    ...rest,
    test: draft.test || null,
    threshold: parsed(draft.threshold),
    shareThreshold: parsed(draft.shareThreshold) ?? DEFAULT_SETTINGS.shareThreshold,
  };
  // Types the panel does not edit (text, datetime, id) keep what they had (from a config file).
  const types: NonNullable<AnalysisSettings['types']> = { ...settings.types };
  for (const type of EDITED_TYPES) {
    const { test, threshold } = draft.types[type];
    const t = parsed(threshold);
    if (test || t !== null)
      types[type] = { ...(test ? { test } : {}), ...(t !== null ? { threshold: t } : {}) };
    else delete types[type];
  }
  if (Object.keys(types).length > 0) next.types = types;
  if (draft.ignore.length > 0) next.ignore = [...draft.ignore];
  if (draft.correction !== 'none') next.correction = draft.correction;
  const missing = { pValue: Number(draft.missingPValue), minChange: Number(draft.missingMinChange) };
  if (
    missing.pValue !== DEFAULT_MISSING_DRIFT.pValue ||
    missing.minChange !== DEFAULT_MISSING_DRIFT.minChange
  ) {
    next.missingDrift = missing;
  }
  return next;
}

/** How many of the panel's settings differ from the defaults (shown on the toolbar button). */
export function changedCount(settings: AnalysisSettings): number {
  let n = 0;
  if ((settings.correction ?? 'none') !== 'none') n++;
  if (settings.shareThreshold !== DEFAULT_SETTINGS.shareThreshold) n++;
  if (settings.test) n++;
  if (settings.threshold !== null && settings.threshold !== undefined) n++;
  for (const t of Object.values(settings.types ?? {})) {
    if (t?.test) n++;
    if (t?.threshold !== null && t?.threshold !== undefined) n++;
  }
  if (settings.ignore && settings.ignore.length > 0) n++;
  if (settings.missingDrift) n++;
  return n;
}

/** Every column of the analysis, ignored ones included, in the files' order. */
export function allColumns(result: AnalysisResult): string[] {
  const names = result.columns.map((c) => c.name);
  for (const name of result.ignored) if (!names.includes(name)) names.push(name);
  return names;
}
