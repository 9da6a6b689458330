/**
 * A modal's keyboard (WAI-ARIA dialog pattern): on mount the focus moves to the element's first control, Tab on
 * its last control goes to its first and Shift+Tab on its first to its last (so the focus never leaves it), and
 * Escape calls `onEscape`. Put the returned `ref` and `onKeyDown` on the dialog's element.
 */
import { type KeyboardEvent, useEffect, useRef } from 'react';

/** The elements Tab stops at inside `root`, in document order (visible, enabled, not tabindex -1). */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return Array.from(
    root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]'),
  ).filter(
    (element) =>
      element.tabIndex >= 0 &&
      !(element as HTMLButtonElement).disabled &&
      element.checkVisibility({ visibilityProperty: true }),
  );
}

export function useFocusTrap<T extends HTMLElement>(onEscape: () => void) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (ref.current) tabbables(ref.current)[0]?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent<T>) => {
    const root = ref.current;
    if (event.key === 'Escape') {
      event.stopPropagation();
      onEscape();
    } else if (event.key === 'Tab' && root) {
      const stops = tabbables(root);
      if (stops.length === 0) return;
      const first = stops[0];
      const last = stops[stops.length - 1];
      const active = document.activeElement;
      const inside = active instanceof HTMLElement && root.contains(active);
      if (event.shiftKey && (active === first || !inside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !inside)) {
        event.preventDefault();
        first.focus();
      }
    }
  };
  return { ref, onKeyDown };
}
