/**
 * The dataset-level analysis settings, edited in a panel opened from the drift table's toolbar: the
 * multiple-testing correction, the dataset drift share threshold, a global test and threshold, a test and
 * threshold per type (numerical, categorical), ignored columns and the missing-share drift test. Apply
 * replaces those keys of the session's one settings object (column overrides and the model quality
 * mapping stay as they are) and re-runs the analysis. The object is the JSON of `driftscope analyze
 * --config FILE`; it can be exported to and imported from such a file.
 */
import { type ChangeEvent, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { TEST_REGISTRY } from '../../../../shared/drift/methods/registry';
import {
  type AnalysisSettings,
  CORRECTIONS,
  type Correction,
  DEFAULT_SETTINGS,
} from '../../../../shared/drift/settings';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import type { TestKey } from '../../../../shared/types';
import { testLabel } from '../../lib/test-names';
import { useFocusTrap } from '../../lib/use-focus-trap';
import { testsFor } from '../detail/column-settings';
import {
  allColumns,
  applyDraft,
  CORRECTION_LABELS,
  changedCount,
  type Draft,
  EDITED_TYPES,
  toDraft,
  validate,
} from './settings-draft';
import { downloadSettings, readSettingsFile } from './settings-file';

/** Re-exported for the verdict card (its home is settings-draft.ts). */
export { CORRECTION_LABELS };

function TestSelect({
  value,
  tests,
  testId,
  id,
  label,
  onChange,
}: {
  value: TestKey | '';
  tests: TestKey[];
  testId: string;
  id: string;
  /** The accessible name (the row's visible label is a plain span). */
  label: string;
  onChange(value: TestKey | ''): void;
}) {
  return (
    <select
      id={id}
      className="input"
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(event) => onChange(event.target.value as TestKey | '')}
    >
      <option value="">Automatic</option>
      {tests.map((key) => (
        <option key={key} value={key}>
          {testLabel(key)} · {TEST_REGISTRY[key].kind === 'p_value' ? 'p-value' : 'distance'}
        </option>
      ))}
    </select>
  );
}

interface Props {
  settings: AnalysisSettings;
  result: AnalysisResult;
  onApply(settings: AnalysisSettings): void;
  onClose(): void;
}

export function AnalysisSettingsPanel({ settings, result, onApply, onClose }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [columnFilter, setColumnFilter] = useState('');
  const [importError, setImportError] = useState<string | null>(null);
  const [imported, setImported] = useState<AnalysisSettings | null>(null);
  const { ref: panel, onKeyDown } = useFocusTrap<HTMLDivElement>(onClose);
  const fileInput = useRef<HTMLInputElement>(null);
  const update = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  const columns = useMemo(() => allColumns(result), [result]);
  const shownColumns = useMemo(
    () => columns.filter((name) => name.toLowerCase().includes(columnFilter.toLowerCase())),
    [columns, columnFilter],
  );
  const allTests = Object.keys(TEST_REGISTRY) as TestKey[];
  const problems = validate(draft);
  const valid = Object.keys(problems).length === 0;
  // An imported file replaces the whole object (column overrides and mapping included) on Apply.
  const base = imported ?? settings;
  const next = valid ? applyDraft(base, draft) : null;
  const dirty = next !== null && JSON.stringify(next) !== JSON.stringify(settings);

  // The panel ends above the window's bottom edge (its actions stay in view; the form scrolls inside).
  useLayoutEffect(() => {
    const fitHeight = () => {
      const element = panel.current;
      if (!element) return;
      const top = element.getBoundingClientRect().top;
      element.style.maxHeight = `${Math.max(240, Math.min(620, window.innerHeight - top - 12))}px`;
    };
    fitHeight();
    window.addEventListener('resize', fitHeight);
    return () => window.removeEventListener('resize', fitHeight);
  }, [panel]);

  const toggleIgnore = (name: string, on: boolean) =>
    update({ ignore: on ? [...draft.ignore, name] : draft.ignore.filter((n) => n !== name) });

  const importJson = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    readSettingsFile(file).then(
      (value) => {
        setImported(value);
        setDraft(toDraft(value));
        setImportError(null);
      },
      (error: unknown) => setImportError(error instanceof Error ? error.message : String(error)),
    );
  };

  return (
    <div
      ref={panel}
      className="settings-panel"
      role="dialog"
      aria-modal="true"
      aria-label="Analysis settings"
      data-testid="analysis-settings"
      onKeyDown={onKeyDown}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (next && dirty) onApply(next);
        }}
      >
        <div className="settings-grid">
          <label className="field" htmlFor={`${id}-correction`}>
            <span>Multiple-testing correction</span>
            <select
              id={`${id}-correction`}
              className="input"
              data-testid="as-correction"
              value={draft.correction}
              onChange={(event) => update({ correction: event.target.value as Correction })}
            >
              {CORRECTIONS.map((c) => (
                <option key={c} value={c}>
                  {CORRECTION_LABELS[c]}
                </option>
              ))}
            </select>
            <small className="muted">Across the p-value tests of all columns; the adjusted p decides.</small>
          </label>
          <label className="field" htmlFor={`${id}-share`}>
            <span>Dataset drift share threshold</span>
            <input
              id={`${id}-share`}
              className="input input-number"
              inputMode="decimal"
              data-testid="as-share-threshold"
              aria-invalid={problems.shareThreshold !== undefined}
              value={draft.shareThreshold}
              onChange={(event) => update({ shareThreshold: event.target.value.trim() })}
            />
            <small className="muted">
              {problems.shareThreshold ?? 'Dataset drift when drifted ÷ tested columns ≥ this (0.5)'}
            </small>
          </label>
        </div>

        <fieldset className="settings-tests">
          <legend>Tests and thresholds</legend>
          <div className="settings-test-row">
            <span className="settings-row-label">All columns</span>
            <TestSelect
              id={`${id}-test`}
              value={draft.test}
              tests={allTests}
              testId="as-test"
              label="Test for all columns"
              onChange={(test) => update({ test })}
            />
            <input
              className="input input-number"
              inputMode="decimal"
              placeholder="default"
              aria-label="Threshold for all columns"
              data-testid="as-threshold"
              aria-invalid={problems.threshold !== undefined}
              value={draft.threshold}
              onChange={(event) => update({ threshold: event.target.value.trim() })}
            />
          </div>
          {EDITED_TYPES.map((type) => (
            <div className="settings-test-row" key={type}>
              <span className="settings-row-label">{type === 'numerical' ? 'Numerical' : 'Categorical'}</span>
              <TestSelect
                id={`${id}-test-${type}`}
                value={draft.types[type].test}
                tests={testsFor(type)}
                testId={`as-type-${type}-test`}
                label={`Test for ${type} columns`}
                onChange={(test) =>
                  update({ types: { ...draft.types, [type]: { ...draft.types[type], test } } })
                }
              />
              <input
                className="input input-number"
                inputMode="decimal"
                placeholder="default"
                aria-label={`Threshold for ${type} columns`}
                data-testid={`as-type-${type}-threshold`}
                aria-invalid={problems[`type-${type}`] !== undefined}
                value={draft.types[type].threshold}
                onChange={(event) =>
                  update({
                    types: {
                      ...draft.types,
                      [type]: { ...draft.types[type], threshold: event.target.value.trim() },
                    },
                  })
                }
              />
            </div>
          ))}
          <small className="muted">
            A column's own settings (feature detail) win over its type's, which win over "All columns". A test
            that does not apply to a column's type falls back to the automatic one.
          </small>
        </fieldset>

        <fieldset className="settings-missing">
          <legend>Missing-share drift</legend>
          <label className="field">
            <span>p-value below</span>
            <input
              className="input input-number"
              inputMode="decimal"
              data-testid="as-missing-pvalue"
              aria-invalid={problems.missing !== undefined}
              value={draft.missingPValue}
              onChange={(event) => update({ missingPValue: event.target.value.trim() })}
            />
          </label>
          <label className="field">
            <span>and the share moved by at least</span>
            <input
              className="input input-number"
              inputMode="decimal"
              data-testid="as-missing-min-change"
              aria-invalid={problems.missing !== undefined}
              value={draft.missingMinChange}
              onChange={(event) => update({ missingMinChange: event.target.value.trim() })}
            />
          </label>
        </fieldset>

        <fieldset className="settings-ignore">
          <legend>
            Ignored columns <span className="muted">({draft.ignore.length})</span>
          </legend>
          {columns.length > 8 && (
            <input
              type="search"
              className="input"
              placeholder="Find a column"
              aria-label="Find a column to ignore"
              data-testid="as-ignore-search"
              value={columnFilter}
              onChange={(event) => setColumnFilter(event.target.value)}
            />
          )}
          <div className="settings-ignore-list" data-testid="as-ignore">
            {shownColumns.map((name) => (
              <label key={name} className="check" title={name}>
                <input
                  type="checkbox"
                  data-testid="as-ignore-item"
                  data-column={name}
                  checked={draft.ignore.includes(name)}
                  onChange={(event) => toggleIgnore(name, event.target.checked)}
                />
                <span className="col-name">{name}</span>
              </label>
            ))}
          </div>
        </fieldset>

        {importError && (
          <div className="load-error" role="alert" data-testid="as-import-error">
            <div className="load-error-message">{importError}</div>
          </div>
        )}
        <div className="settings-actions">
          <button type="submit" className="btn btn-primary" data-testid="as-apply" disabled={!dirty}>
            Apply
          </button>
          <button type="button" className="btn" data-testid="as-cancel" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-quiet"
            data-testid="as-defaults"
            onClick={() => setDraft(toDraft(DEFAULT_SETTINGS))}
          >
            Defaults
          </button>
          <span className="settings-spacer" />
          <button
            type="button"
            className="btn btn-quiet"
            data-testid="as-import"
            title="Read a settings file (driftscope analyze --config FILE)"
            onClick={() => fileInput.current?.click()}
          >
            Import JSON…
          </button>
          <button
            type="button"
            className="btn btn-quiet"
            data-testid="as-export"
            title="Save these settings for driftscope analyze --config FILE"
            disabled={!valid}
            onClick={() => downloadSettings(next ?? settings)}
          >
            Export JSON
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="as-import-file"
            onChange={importJson}
          />
        </div>
      </form>
    </div>
  );
}

/** The toolbar button that opens the panel; the count says how many settings differ from the defaults. */
export function AnalysisSettingsButton({
  settings,
  result,
  onApply,
}: {
  settings: AnalysisSettings;
  result: AnalysisResult;
  onApply(settings: AnalysisSettings): void;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const changed = changedCount(settings);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="settings-anchor">
      <button
        ref={button}
        type="button"
        className="btn btn-quiet"
        aria-expanded={open}
        aria-haspopup="dialog"
        data-testid="analysis-settings-button"
        onClick={() => setOpen((o) => !o)}
      >
        Analysis settings
        {changed > 0 && (
          <span className="chip settings-button-count" data-testid="analysis-settings-count">
            {changed} changed
          </span>
        )}
      </button>
      {open && (
        // The modal's backdrop (hidden from assistive tech): the page behind it takes no clicks, and a
        // click on it cancels, as Escape does (the keyboard's way out, handled by the dialog).
        <div
          className="settings-backdrop"
          aria-hidden="true"
          data-testid="analysis-settings-backdrop"
          onClick={close}
        />
      )}
      {open && (
        <AnalysisSettingsPanel
          settings={settings}
          result={result}
          onClose={close}
          onApply={(next) => {
            onApply(next);
            close();
          }}
        />
      )}
    </div>
  );
}
