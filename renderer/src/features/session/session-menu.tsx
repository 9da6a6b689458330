/**
 * Top-bar controls for sessions and preferences: Open session…, Save session…, the recent list (sessions
 * and file pairs, from main) and the theme toggle (system / light / dark, remembered by main).
 */
import { useEffect, useRef, useState } from 'react';
import type { RecentEntry, ThemePreference } from '../../../../shared/explore/types';
import { getApi } from '../../api';
import { setThemePreference, useThemePreference } from '../../lib/theme';
import type { SessionActions } from '../../state/use-session';

export function ThemeToggle() {
  const preference = useThemePreference();
  const choose = (theme: ThemePreference) => {
    setThemePreference(theme);
    getApi()
      .setPreferences({ theme })
      .catch(() => undefined);
  };
  return (
    <label className="theme-toggle">
      <span className="sr-only">Theme</span>
      <select
        className="input input-compact"
        aria-label="Theme"
        data-testid="theme"
        value={preference}
        onChange={(event) => choose(event.target.value as ThemePreference)}
      >
        <option value="system">System theme</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}

function RecentMenu({ onOpen }: { onOpen(id: string): void }) {
  const [entries, setEntries] = useState<RecentEntry[] | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const refresh = () => {
    getApi()
      .listRecent()
      .then(setEntries, () => setEntries([]));
  };
  useEffect(refresh, []);
  return (
    <details
      className="menu"
      ref={menu}
      data-testid="recent-menu"
      onToggle={(event) => {
        if (event.currentTarget.open) refresh();
      }}
    >
      <summary className="btn btn-quiet">Recent</summary>
      <div className="menu-list" role="menu" aria-label="Recent sessions and files">
        {entries === null && <div className="menu-empty muted">Loading…</div>}
        {entries?.length === 0 && <div className="menu-empty muted">Nothing opened yet</div>}
        {entries?.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="menuitem"
            className="menu-item"
            data-testid="recent-item"
            data-kind={entry.kind}
            title={entry.label}
            onClick={() => {
              if (menu.current) menu.current.open = false;
              onOpen(entry.id);
            }}
          >
            <span className="menu-kind">{entry.kind === 'session' ? 'Session' : 'Files'}</span>
            <span className="menu-label">{entry.label}</span>
          </button>
        ))}
      </div>
    </details>
  );
}

export function SessionMenu({ actions, canSave }: { actions: SessionActions; canSave: boolean }) {
  return (
    <div className="session-menu">
      <button
        type="button"
        className="btn btn-quiet"
        data-testid="session-open"
        onClick={actions.openSession}
      >
        Open session…
      </button>
      <button
        type="button"
        className="btn btn-quiet"
        data-testid="session-save"
        disabled={!canSave}
        onClick={actions.saveSession}
      >
        Save session…
      </button>
      <RecentMenu onOpen={actions.openRecent} />
      <ThemeToggle />
    </div>
  );
}
