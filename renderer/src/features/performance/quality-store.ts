/**
 * Which workspace view is shown ("Drift", "Timeline" or "Model quality"), outliving the views' components. The model
 * quality mapping itself is not kept here: it lives in the session's one settings object
 * (state.settings.performance, see state/session.ts), so it is saved with a session and a re-run from
 * the Model quality tab is the shell's analysis.
 */
import { useSyncExternalStore } from 'react';

export type WorkspaceView = 'drift' | 'timeline' | 'quality';

let view: WorkspaceView = 'drift';
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useWorkspaceView(): WorkspaceView {
  return useSyncExternalStore(
    subscribe,
    () => view,
    () => view,
  );
}

export function setWorkspaceView(next: WorkspaceView): void {
  if (view === next) return;
  view = next;
  for (const listener of listeners) listener();
}
