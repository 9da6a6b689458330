/**
 * The colour theme: 'system' (follow prefers-color-scheme, the default), 'light' or 'dark'. The choice is
 * remembered by main (preferences:get/set) and applied as `data-theme` on <html>, which styles.css reads.
 */
import { useSyncExternalStore } from 'react';
import type { ThemePreference } from '../../../shared/explore/types';

const QUERY = '(prefers-color-scheme: dark)';
let preference: ThemePreference = 'system';
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function apply(): void {
  const root = document.documentElement;
  if (preference === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', preference);
}

export function setThemePreference(next: ThemePreference): void {
  preference = next;
  apply();
  emit();
}

export function getThemePreference(): ThemePreference {
  return preference;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    media.removeEventListener('change', listener);
  };
}

/** The scheme in effect: the preference, or the system's when the preference is 'system'. */
function effectiveScheme(): 'light' | 'dark' {
  if (preference !== 'system') return preference;
  return window.matchMedia(QUERY).matches ? 'dark' : 'light';
}

export function useThemePreference(): ThemePreference {
  return useSyncExternalStore(subscribe, getThemePreference);
}

export function useEffectiveScheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, effectiveScheme);
}
