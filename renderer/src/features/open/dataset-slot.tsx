/**
 * One dataset role (reference or current): a drop zone with an Open button, the loaded file's summary,
 * a progress bar with Cancel while loading, and the load error inline.
 */
import { type DragEvent, useState } from 'react';
import type { DatasetRole } from '../../../../shared/api';
import { getDroppedPath } from '../../api';
import { formatBytes, formatInteger } from '../../lib/format';
import type { RoleState } from '../../state/session';
import type { SessionActions } from '../../state/use-session';
import { LoadError } from './load-error';
import { ProgressBar } from './progress-bar';

const ROLE_TITLE: Record<DatasetRole, string> = { reference: 'Reference', current: 'Current' };
const ROLE_HINT: Record<DatasetRole, string> = {
  reference: 'The data the model was trained or validated on',
  current: 'The data seen in production',
};

interface Props {
  role: DatasetRole;
  state: RoleState;
  actions: SessionActions;
  compact: boolean;
}

/** Problems that did not stop the load (ragged rows, renamed headers, ...), behind a disclosure. */
function LoadWarnings({ warnings }: { warnings: string[] }) {
  return (
    <details className="slot-warnings" data-testid="load-warnings">
      <summary>
        {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}
      </summary>
      <ul>
        {warnings.map((warning, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: warnings are static text and may repeat.
          <li key={index}>{warning}</li>
        ))}
      </ul>
    </details>
  );
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

export function DatasetSlot({ role, state, actions, compact }: Props) {
  const [dragOver, setDragOver] = useState(false);
  const loading = state.status === 'loading';
  const title = ROLE_TITLE[role];

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragOver(false);
    if (loading) return;
    const file = event.dataTransfer.files[0];
    if (!file) return;
    const path = getDroppedPath(file);
    if (path === null) {
      actions.dropRejected(
        role,
        `“${file.name}” cannot be opened by dropping here; use Open ${role}… instead.`,
      );
      return;
    }
    actions.openDropped(role, path);
  };

  const classes = ['slot', `slot-${role}`, compact ? 'slot-compact' : '', dragOver ? 'slot-dragover' : ''];
  return (
    <section
      className={classes.filter(Boolean).join(' ')}
      data-testid={`slot-${role}`}
      data-slot-state={state.status}
      aria-label={`${title} dataset`}
      onDragEnter={(event) => {
        if (hasFiles(event)) setDragOver(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = loading ? 'none' : 'copy';
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragOver(false);
      }}
      onDrop={onDrop}
    >
      <div className="slot-head">
        <span className={`role-dot role-dot-${role}`} aria-hidden="true" />
        <span className="slot-role">{title}</span>
        {state.dataset && !loading && (
          <span className="slot-file" data-testid={`slot-${role}-file`} title={state.dataset.fileName}>
            {state.dataset.fileName}
          </span>
        )}
        <span className="slot-spacer" />
        {loading ? (
          <button
            type="button"
            className="btn btn-quiet"
            data-testid={`cancel-${role}`}
            onClick={() => actions.cancel(role)}
          >
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className={state.dataset ? 'btn btn-quiet' : 'btn btn-primary'}
            data-testid={`open-${role}`}
            onClick={() => actions.pick(role)}
          >
            {state.dataset ? 'Replace…' : `Open ${role}…`}
          </button>
        )}
      </div>
      {state.dataset && !loading && (
        <div className="slot-meta" data-testid={`slot-${role}-meta`}>
          {state.dataset.format === 'profile' && (
            <span
              className="slot-format"
              data-testid={`slot-${role}-profile`}
              title="A profile: counts and sketches of the data, no rows (docs/profiles.md)"
            >
              profile ·{' '}
            </span>
          )}
          {formatInteger(state.dataset.rows)} rows · {formatInteger(state.dataset.columns.length)} columns ·{' '}
          {formatBytes(state.dataset.bytes)}
          {state.dataset.warnings.length > 0 && <LoadWarnings warnings={state.dataset.warnings} />}
        </div>
      )}
      {!state.dataset && !loading && !compact && (
        <div className="slot-drop" data-testid={`drop-${role}`}>
          <div className="slot-drop-main">Drop a CSV, Parquet or profile file here</div>
          <div className="slot-drop-hint">{ROLE_HINT[role]}</div>
        </div>
      )}
      {loading && <ProgressBar progress={state.progress} label={`Loading ${role} file`} />}
      {state.error && <LoadError error={state.error} />}
    </section>
  );
}
