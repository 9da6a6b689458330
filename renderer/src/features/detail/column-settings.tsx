/**
 * One column's settings: type, test and threshold overrides (AnalysisSettings.columns[name]). Every
 * change re-tests the column at once (analysis:recompute-column). Tests are listed from the registry,
 * only those that apply to the column's type.
 */
import { useEffect, useState } from 'react';
import { methodsFor, TEST_REGISTRY } from '../../../../shared/drift/methods/registry';
import type { ColumnOverride } from '../../../../shared/drift/settings';
import type { ColumnResult } from '../../../../shared/report/analysis-result';
import { COLUMN_TYPES, type ColumnType, type TestKey } from '../../../../shared/types';
import { testLabel } from '../../lib/test-names';

interface Props {
  column: ColumnResult;
  override: ColumnOverride | undefined;
  busy: boolean;
  onChange(override: ColumnOverride | null): void;
}

export function testsFor(type: ColumnType | null): TestKey[] {
  if (type === null) return [];
  return methodsFor(type);
}

function clean(override: ColumnOverride): ColumnOverride | null {
  const out: ColumnOverride = {};
  if (override.type) out.type = override.type;
  if (override.test) out.test = override.test;
  if (override.threshold !== undefined && override.threshold !== null) out.threshold = override.threshold;
  return Object.keys(out).length > 0 ? out : null;
}

export function ColumnSettings({ column, override, busy, onChange }: Props) {
  const current = override ?? {};
  const type = current.type ?? column.type;
  const tests = testsFor(type);
  const defaultThreshold = column.test ? TEST_REGISTRY[column.test].defaultThreshold : null;
  const [threshold, setThreshold] = useState(current.threshold?.toString() ?? '');
  useEffect(() => setThreshold(override?.threshold?.toString() ?? ''), [override?.threshold]);
  const thresholdValid = threshold === '' || (Number.isFinite(Number(threshold)) && Number(threshold) >= 0);

  const change = (patch: ColumnOverride) => onChange(clean({ ...current, ...patch }));
  const applyThreshold = () => {
    if (!thresholdValid) return;
    const value = threshold === '' ? null : Number(threshold);
    if (value === (current.threshold ?? null)) return;
    change({ threshold: value });
  };

  const summary = [
    current.type ? `type ${current.type}` : null,
    current.test ? testLabel(current.test) : null,
    current.threshold !== undefined && current.threshold !== null ? `threshold ${current.threshold}` : null,
  ].filter(Boolean);
  return (
    <details className="column-settings-box" data-testid="column-settings-box">
      <summary data-testid="column-settings-toggle">
        <span>Column settings</span>
        <span className="muted">{summary.length > 0 ? summary.join(' · ') : 'automatic'}</span>
        {override && <span className="flag flag-new">changed</span>}
        {busy && (
          <span className="muted settings-busy" data-testid="settings-busy">
            <span className="spinner" aria-hidden="true" /> Re-testing…
          </span>
        )}
      </summary>
      <fieldset className="column-settings" data-testid="column-settings" data-busy={busy ? 'true' : 'false'}>
        <legend className="sr-only">Column settings</legend>
        <label className="field">
          <span>Type</span>
          <select
            className="input"
            data-testid="setting-type"
            value={current.type ?? ''}
            onChange={(event) => {
              const next = (event.target.value || null) as ColumnType | null;
              // A test that does not apply to the new type would be ignored: drop it.
              const test =
                current.test && next && !TEST_REGISTRY[current.test].appliesTo(next) ? null : current.test;
              change({ type: next, test });
            }}
          >
            <option value="">Auto ({column.typeSource === 'inferred' ? column.type : 'inferred'})</option>
            {COLUMN_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Test</span>
          <select
            className="input"
            data-testid="setting-test"
            value={current.test ?? ''}
            disabled={tests.length === 0}
            onChange={(event) => change({ test: (event.target.value || null) as TestKey | null })}
          >
            <option value="">Auto{!current.test && column.test ? ` (${testLabel(column.test)})` : ''}</option>
            {tests.map((key) => (
              <option key={key} value={key}>
                {testLabel(key)} · {TEST_REGISTRY[key].kind === 'p_value' ? 'p-value' : 'distance'}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Threshold</span>
          <input
            className="input input-number"
            data-testid="setting-threshold"
            inputMode="decimal"
            placeholder={defaultThreshold !== null ? String(column.threshold ?? defaultThreshold) : '—'}
            aria-invalid={!thresholdValid}
            value={threshold}
            onChange={(event) => setThreshold(event.target.value.trim())}
            onBlur={applyThreshold}
            onKeyDown={(event) => {
              if (event.key === 'Enter') applyThreshold();
            }}
          />
        </label>
        <button
          type="button"
          className="btn btn-quiet"
          data-testid="setting-reset"
          disabled={!override}
          onClick={() => onChange(null)}
        >
          Reset
        </button>
      </fieldset>
    </details>
  );
}
