/**
 * The drift table's keyboard: Enter or Space selects the focused row; ArrowUp/ArrowDown move the selection one
 * row, PageUp/PageDown ten, Home/End to the ends, and the detail follows. The focus moves with the selection
 * (one row is in the Tab order: the selected one, else the first).
 */
import { type KeyboardEvent, type RefObject, useEffect, useRef } from 'react';

/** Rows each navigation key moves by; Home and End by the whole table (clamped to its ends). */
export function rowStep(key: string, count: number): number | null {
  const step: Record<string, number> = {
    ArrowDown: 1,
    ArrowUp: -1,
    PageDown: 10,
    PageUp: -10,
    Home: -count,
    End: count,
  };
  return Object.hasOwn(step, key) ? step[key] : null;
}

/** The row a navigation key moves to from `index` in a table of `count` rows, or null for other keys. */
export function nextRowIndex(key: string, index: number, count: number): number | null {
  const step = rowStep(key, count);
  return step === null ? null : Math.min(count - 1, Math.max(0, index + step));
}

export function useRowKeys({
  names,
  selected,
  onSelect,
  reveal,
  scroller,
}: {
  /** The shown rows' names in their order. */
  names: string[];
  selected: string | null;
  onSelect(name: string): void;
  reveal(index: number): void;
  scroller: RefObject<HTMLElement | null>;
}) {
  const focusSelected = useRef(false);

  // After a keyboard move the new row may only now be rendered: focus it once it is.
  useEffect(() => {
    if (!focusSelected.current || selected === null) return;
    const element = scroller.current?.querySelector<HTMLElement>(`tr[data-row-index]`);
    if (!element) return;
    const index = names.indexOf(selected);
    const target = scroller.current?.querySelector<HTMLElement>(`tr[data-row-index="${index}"]`);
    if (target) {
      target.focus({ preventScroll: true });
      focusSelected.current = false;
    }
  });

  return (event: KeyboardEvent<HTMLTableRowElement>, index: number, name: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(name);
      return;
    }
    const next = nextRowIndex(event.key, index, names.length);
    if (next === null) return;
    event.preventDefault();
    if (next === index && selected === name) return;
    focusSelected.current = true;
    reveal(next);
    onSelect(names[next]);
  };
}
