/**
 * The column mapping of model quality, shown and editable: task, target, prediction (a column, or "None":
 * derived from the probability at the threshold), probabilities, positive label, row ID and (binary,
 * prediction derived from the probability) the threshold; the challenger (shadow) model's prediction and
 * probability columns, the latency column with its unit and the status column (docs/shadow.md,
 * docs/serving.md). A field left on "Auto" stays out of the settings so the engine detects it
 * (shared/performance/shadow-serving-mapping.ts); Apply re-runs the analysis.
 */
import { type FormEvent, useId, useMemo, useState } from 'react';
import type { PerformanceSettings } from '../../../../shared/drift/settings';
import type { Task } from '../../../../shared/performance/types';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import { TASK_LABELS } from './quality-format';

interface Props {
  /** The result on show (its mapping is what "Auto" resolved to). */
  result: AnalysisResult;
  /** The settings the result on show was made with. */
  settings: PerformanceSettings;
  running: boolean;
  onApply(performance: PerformanceSettings): void;
  onReset: (() => void) | null;
}

/** Columns of the reference file, in the analysis' order (the mapping is detected on the reference). */
export function referenceColumns(result: AnalysisResult): string[] {
  const onlyCurrent = new Set(result.onlyInCurrent);
  const names = result.columns.map((c) => c.name).filter((name) => !onlyCurrent.has(name));
  for (const name of result.ignored) if (!names.includes(name)) names.push(name);
  return names;
}

type Draft = Pick<
  PerformanceSettings,
  | 'task'
  | 'target'
  | 'prediction'
  | 'proba'
  | 'posLabel'
  | 'id'
  | 'threshold'
  | 'challengerPrediction'
  | 'challengerProba'
  | 'latency'
  | 'latencyUnit'
  | 'status'
>;

function pick(settings: PerformanceSettings): Draft {
  const { task, target, prediction, proba, posLabel, id, threshold } = settings;
  const { challengerPrediction, challengerProba, latency, latencyUnit, status } = settings;
  return {
    task,
    target,
    prediction,
    proba,
    posLabel,
    id,
    threshold,
    challengerPrediction,
    challengerProba,
    latency,
    latencyUnit,
    status,
  };
}

function same(a: Draft, b: Draft): boolean {
  return JSON.stringify(pick(a)) === JSON.stringify(pick(b));
}

const AUTO = '';
/** The Prediction select's "no prediction column" choice (performance.prediction = null). */
const NONE = '\u0000none';

export function MappingEditor({ result, settings, running, onApply, onReset }: Props) {
  const id = useId();
  const initial = useMemo(() => pick(settings), [settings]);
  const [draft, setDraft] = useState<Draft>(initial);
  const p = result.performance;
  const shadow = p?.shadow ?? null;
  const columns = useMemo(() => referenceColumns(result), [result]);
  const update = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));

  const task: Task | null = draft.task ?? p?.task ?? null;
  const proba = draft.proba ?? p?.proba ?? null;
  // null (None chosen) is a choice of its own, not "unset".
  const prediction = draft.prediction !== undefined ? draft.prediction : (p?.prediction ?? null);
  const classes = useMemo(() => {
    if (p?.reference.kind !== 'classification' || p.current.kind !== 'classification') return [];
    const all = [...p.reference.classes];
    for (const c of p.current.classes) if (!all.includes(c)) all.push(c);
    return all;
  }, [p]);
  const thresholdUsable = task === 'binary' && proba !== null && proba.length > 0;
  const thresholdActive = thresholdUsable && prediction === null;
  const threshold = draft.threshold ?? 0.5;
  const dirty = !same(draft, initial);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const out: PerformanceSettings = {};
    for (const [key, value] of Object.entries(draft) as [keyof Draft, unknown][]) {
      if (value !== undefined) (out as Record<string, unknown>)[key] = value;
    }
    onApply(out);
  };

  // Without a performance block the result does not say what "Auto" resolved to.
  const autoLabel = (value: string | null | undefined) =>
    p === null ? 'Auto-detect' : `Auto (${value ?? 'none'})`;
  const columnOptions = columns.map((name) => (
    <option key={name} value={name}>
      {name}
    </option>
  ));

  return (
    <form className="pq-mapping" onSubmit={submit} aria-label="Column mapping" data-testid="mapping-editor">
      <div className="pq-field">
        <label htmlFor={`${id}-task`}>Task</label>
        <select
          id={`${id}-task`}
          data-testid="mapping-task"
          value={draft.task ?? AUTO}
          onChange={(e) => update({ task: e.target.value === AUTO ? undefined : (e.target.value as Task) })}
        >
          <option value={AUTO}>{autoLabel(p ? TASK_LABELS[p.task] : null)}</option>
          {(Object.keys(TASK_LABELS) as Task[]).map((t) => (
            <option key={t} value={t}>
              {TASK_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      <div className="pq-field">
        <label htmlFor={`${id}-target`}>Target</label>
        <select
          id={`${id}-target`}
          data-testid="mapping-target"
          value={draft.target ?? AUTO}
          onChange={(e) => update({ target: e.target.value === AUTO ? undefined : e.target.value })}
        >
          <option value={AUTO}>{autoLabel(p?.target)}</option>
          {columnOptions}
        </select>
      </div>
      <div className="pq-field">
        <label htmlFor={`${id}-prediction`}>Prediction</label>
        <select
          id={`${id}-prediction`}
          data-testid="mapping-prediction"
          value={draft.prediction === null ? NONE : (draft.prediction ?? AUTO)}
          onChange={(e) => {
            const value = e.target.value;
            update({ prediction: value === AUTO ? undefined : value === NONE ? null : value });
          }}
        >
          <option value={AUTO}>{autoLabel(p ? (p.prediction ?? 'from probability') : null)}</option>
          {task !== 'regression' && (
            <option value={NONE}>None — derive from probability at the threshold</option>
          )}
          {columnOptions}
        </select>
      </div>
      {task === 'multiclass' ? (
        <div className="pq-field">
          <label htmlFor={`${id}-proba`}>Probabilities (one per class)</label>
          <select
            id={`${id}-proba`}
            data-testid="mapping-proba"
            multiple
            size={3}
            value={draft.proba ?? p?.proba ?? []}
            onChange={(e) => {
              const chosen = Array.from(e.target.selectedOptions, (o) => o.value);
              update({ proba: chosen.length > 0 ? chosen : undefined });
            }}
          >
            {columnOptions}
          </select>
        </div>
      ) : task !== 'regression' ? (
        <div className="pq-field">
          <label htmlFor={`${id}-proba`}>Probability</label>
          <select
            id={`${id}-proba`}
            data-testid="mapping-proba"
            value={draft.proba?.[0] ?? AUTO}
            onChange={(e) => update({ proba: e.target.value === AUTO ? undefined : [e.target.value] })}
          >
            <option value={AUTO}>{autoLabel(p?.proba?.join(', '))}</option>
            {columnOptions}
          </select>
        </div>
      ) : null}
      {task === 'binary' && (
        <div className="pq-field">
          <label htmlFor={`${id}-pos`}>Positive label</label>
          {classes.length > 0 ? (
            <select
              id={`${id}-pos`}
              data-testid="mapping-pos-label"
              value={draft.posLabel ?? AUTO}
              onChange={(e) => update({ posLabel: e.target.value === AUTO ? undefined : e.target.value })}
            >
              <option value={AUTO}>{autoLabel(p?.posLabel)}</option>
              {classes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={`${id}-pos`}
              data-testid="mapping-pos-label"
              type="text"
              placeholder="Auto"
              value={draft.posLabel ?? ''}
              onChange={(e) => update({ posLabel: e.target.value === '' ? undefined : e.target.value })}
            />
          )}
        </div>
      )}
      <div className="pq-field">
        <label htmlFor={`${id}-id`}>Row ID</label>
        <select
          id={`${id}-id`}
          data-testid="mapping-id"
          value={draft.id ?? AUTO}
          onChange={(e) => update({ id: e.target.value === AUTO ? undefined : e.target.value })}
        >
          <option value={AUTO}>{p === null ? 'Auto-detect' : 'Auto (from the name)'}</option>
          {columnOptions}
        </select>
      </div>
      <div className="pq-field">
        <label htmlFor={`${id}-challenger`}>Challenger prediction</label>
        <select
          id={`${id}-challenger`}
          data-testid="mapping-challenger-prediction"
          value={draft.challengerPrediction === null ? NONE : (draft.challengerPrediction ?? AUTO)}
          onChange={(e) => {
            const value = e.target.value;
            update({ challengerPrediction: value === AUTO ? undefined : value === NONE ? null : value });
          }}
        >
          <option value={AUTO}>
            {autoLabel(p === null ? null : (shadow?.challengerPrediction ?? null))}
          </option>
          <option value={NONE}>None — no challenger</option>
          {columnOptions}
        </select>
      </div>
      {task !== 'regression' && (
        <div className="pq-field">
          <label htmlFor={`${id}-challenger-proba`}>
            Challenger {task === 'multiclass' ? 'probabilities' : 'probability'}
          </label>
          <select
            id={`${id}-challenger-proba`}
            data-testid="mapping-challenger-proba"
            multiple={task === 'multiclass'}
            size={task === 'multiclass' ? 3 : undefined}
            value={
              task === 'multiclass'
                ? (draft.challengerProba ?? shadow?.challengerProba ?? [])
                : (draft.challengerProba?.[0] ?? AUTO)
            }
            onChange={(e) => {
              const chosen = Array.from(e.target.selectedOptions, (o) => o.value).filter((v) => v !== AUTO);
              update({ challengerProba: chosen.length > 0 ? chosen : undefined });
            }}
          >
            {task !== 'multiclass' && (
              <option value={AUTO}>{autoLabel(shadow?.challengerProba?.join(', ') ?? null)}</option>
            )}
            {columnOptions}
          </select>
        </div>
      )}
      <div className="pq-field">
        <label htmlFor={`${id}-latency`}>Latency</label>
        <div className="pq-threshold">
          <select
            id={`${id}-latency`}
            data-testid="mapping-latency"
            value={draft.latency ?? AUTO}
            onChange={(e) => update({ latency: e.target.value === AUTO ? undefined : e.target.value })}
          >
            <option value={AUTO}>{autoLabel(result.serving?.latency?.column ?? null)}</option>
            {columnOptions}
          </select>
          <select
            aria-label="Latency unit"
            data-testid="mapping-latency-unit"
            value={draft.latencyUnit ?? AUTO}
            onChange={(e) =>
              update({ latencyUnit: e.target.value === AUTO ? undefined : (e.target.value as 'ms' | 's') })
            }
          >
            <option value={AUTO}>{`Auto (${result.serving?.latency?.unit ?? 'from the name'})`}</option>
            <option value="ms">ms</option>
            <option value="s">s</option>
          </select>
        </div>
      </div>
      <div className="pq-field">
        <label htmlFor={`${id}-status`}>Status or error</label>
        <select
          id={`${id}-status`}
          data-testid="mapping-status"
          value={draft.status ?? AUTO}
          onChange={(e) => update({ status: e.target.value === AUTO ? undefined : e.target.value })}
        >
          <option value={AUTO}>{autoLabel(result.serving?.errorRate?.column ?? null)}</option>
          {columnOptions}
        </select>
      </div>
      {thresholdUsable && (
        <div className="pq-field pq-field-threshold">
          <label htmlFor={`${id}-threshold`}>Threshold</label>
          <div className="pq-threshold">
            <input
              type="range"
              min={0}
              max={1}
              step={0.01}
              value={threshold}
              aria-label="Probability threshold (slider)"
              data-testid="mapping-threshold-slider"
              onChange={(e) => update({ threshold: Number(e.target.value) })}
            />
            <input
              id={`${id}-threshold`}
              className="pq-threshold-number"
              type="number"
              min={0}
              max={1}
              step={0.01}
              value={threshold}
              data-testid="mapping-threshold"
              aria-describedby={`${id}-threshold-hint`}
              onChange={(e) => {
                const value = Number(e.target.value);
                if (e.target.value !== '' && value >= 0 && value <= 1) update({ threshold: value });
              }}
            />
          </div>
          <span id={`${id}-threshold-hint`} className="pq-hint muted">
            {thresholdActive
              ? `Predicts ${p?.posLabel ?? 'the positive label'} when P ≥ threshold`
              : 'Used only when no prediction column is mapped'}
          </span>
        </div>
      )}
      <div className="pq-mapping-actions">
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="mapping-apply"
          disabled={running || !dirty}
        >
          {running ? 'Analysing…' : 'Apply'}
        </button>
        {onReset && (
          <button
            type="button"
            className="btn"
            data-testid="mapping-reset"
            disabled={running}
            onClick={onReset}
          >
            Reset to auto
          </button>
        )}
      </div>
    </form>
  );
}
