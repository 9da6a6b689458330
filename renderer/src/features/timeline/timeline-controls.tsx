/**
 * The chunking controls: kind (rows per chunk, number of chunks, calendar period), N or the period, the
 * timestamp column (from the loaded columns, date/time ones first), reference chunks, and thresholds
 * from the reference with their multiplier K. "Apply" writes the settings' timeline block.
 */
import { type FormEvent, useEffect, useState } from 'react';
import type { TimelineRunOptions } from '../../../../shared/api';
import { PERIODS, type Period } from '../../../../shared/timeline/types';

type Kind = 'size' | 'count' | 'period';

interface Draft {
  kind: Kind;
  size: string;
  count: string;
  period: Period;
  timeColumn: string;
  referenceChunks: boolean;
  thresholdFromReference: boolean;
  k: string;
}

/** The form's fields for a spec (text fields as typed). */
export function draftOf(spec: TimelineRunOptions): Draft {
  const c = spec.chunking;
  return {
    kind: c.kind === 'batch' ? 'count' : c.kind,
    size: c.kind === 'size' ? String(c.size) : '1000',
    count: c.kind === 'count' ? String(c.count) : '10',
    period: c.kind === 'period' ? c.period : 'week',
    timeColumn: c.timeColumn ?? '',
    referenceChunks: spec.referenceChunks === true,
    thresholdFromReference: spec.thresholdFromReference != null,
    k: String(spec.thresholdFromReference?.k ?? 3),
  };
}

/** The spec of a draft, or a message saying what to fix. */
export function specOf(draft: Draft): TimelineRunOptions | string {
  const time = draft.timeColumn === '' ? {} : { timeColumn: draft.timeColumn };
  let chunking: TimelineRunOptions['chunking'];
  if (draft.kind === 'period') {
    if (draft.timeColumn === '') return 'A period chunking needs a timestamp column.';
    chunking = { kind: 'period', period: draft.period, timeColumn: draft.timeColumn };
  } else {
    const text = draft.kind === 'size' ? draft.size : draft.count;
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || n < 1)
      return `${draft.kind === 'size' ? 'Rows per chunk' : 'Number of chunks'} must be a whole number ≥ 1.`;
    chunking =
      draft.kind === 'size' ? { kind: 'size', size: n, ...time } : { kind: 'count', count: n, ...time };
  }
  const spec: TimelineRunOptions = { chunking };
  if (draft.referenceChunks) spec.referenceChunks = true;
  if (draft.thresholdFromReference) {
    const k = Number(draft.k);
    if (draft.k.trim() === '' || !Number.isFinite(k) || k < 0) return 'K must be a number ≥ 0.';
    spec.thresholdFromReference = { k };
  }
  return spec;
}

const KIND_LABELS: [Kind, string][] = [
  ['period', 'Calendar period'],
  ['size', 'Rows per chunk'],
  ['count', 'Number of chunks'],
];

interface Props {
  spec: TimelineRunOptions;
  /** Columns of the loaded files, date/time columns first. */
  columns: string[];
  running: boolean;
  onApply(spec: TimelineRunOptions): void;
}

export function TimelineControls({ spec, columns, running, onApply }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(spec));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(draftOf(spec)), [spec]);
  const set = (changes: Partial<Draft>) => {
    setProblem(null);
    setDraft((d) => ({ ...d, ...changes }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = specOf(draft);
    if (typeof next === 'string') setProblem(next);
    else onApply(next);
  };
  return (
    <form className="tl-controls" data-testid="timeline-controls" onSubmit={submit} aria-label="Chunking">
      <label className="field">
        <span className="muted">Chunks</span>
        <select
          className="input input-compact"
          data-testid="tl-kind"
          value={draft.kind}
          onChange={(e) => set({ kind: e.target.value as Kind })}
        >
          {KIND_LABELS.map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {draft.kind === 'period' && (
        <label className="field">
          <span className="muted">Period</span>
          <select
            className="input input-compact"
            data-testid="tl-period"
            value={draft.period}
            onChange={(e) => set({ period: e.target.value as Period })}
          >
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      )}
      {draft.kind !== 'period' && (
        <label className="field">
          <span className="muted">{draft.kind === 'size' ? 'Rows' : 'Chunks'}</span>
          <input
            className="input input-compact input-number"
            data-testid="tl-n"
            inputMode="numeric"
            value={draft.kind === 'size' ? draft.size : draft.count}
            onChange={(e) =>
              set(draft.kind === 'size' ? { size: e.target.value } : { count: e.target.value })
            }
          />
        </label>
      )}
      <label className="field">
        <span className="muted">Timestamp</span>
        <select
          className="input input-compact"
          data-testid="tl-time-column"
          value={draft.timeColumn}
          onChange={(e) => set({ timeColumn: e.target.value })}
        >
          <option value="">{draft.kind === 'period' ? 'choose a column' : 'none'}</option>
          {columns.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          data-testid="tl-reference-chunks"
          checked={draft.referenceChunks}
          onChange={(e) => set({ referenceChunks: e.target.checked })}
        />
        Reference chunks
      </label>
      <label className="check" title="Thresholds mean ± K·sd of the reference chunks' leave-one-out scores">
        <input
          type="checkbox"
          data-testid="tl-threshold-reference"
          checked={draft.thresholdFromReference}
          onChange={(e) => set({ thresholdFromReference: e.target.checked })}
        />
        Threshold from reference, K
      </label>
      <input
        className="input input-compact input-number"
        aria-label="K (standard deviations)"
        data-testid="tl-k"
        inputMode="decimal"
        value={draft.k}
        disabled={!draft.thresholdFromReference}
        onChange={(e) => set({ k: e.target.value })}
      />
      <button type="submit" className="btn btn-primary" data-testid="tl-apply" disabled={running}>
        Apply
      </button>
      {problem && (
        <span className="tl-problem" role="alert" data-testid="tl-problem">
          {problem}
        </span>
      )}
    </form>
  );
}
