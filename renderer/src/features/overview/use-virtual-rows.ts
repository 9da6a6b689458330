/**
 * The drift table's virtualiser: rows have one fixed height, so the rows in view are a slice computed from
 * the scroll offset, with spacer rows above and below standing in for the others (2,000 columns scroll
 * smoothly). `OVERSCAN` rows are rendered beyond each edge so fast scrolling shows no gap.
 */
import { useLayoutEffect, useRef, useState } from 'react';

export const ROW_HEIGHT = 44;
export const OVERSCAN = 8;

export interface RowWindow {
  /** Index of the first rendered row. */
  first: number;
  /** One past the last rendered row. */
  last: number;
  /** Heights of the spacer rows above and below the rendered ones. */
  padTop: number;
  padBottom: number;
}

/**
 * The rows to render when the scroll box shows `viewport` px from `scrollTop`:
 * first = max(0, ⌊scrollTop / h⌋ − overscan), last = min(count, ⌈(scrollTop + viewport) / h⌉ + overscan).
 */
export function rowWindow(scrollTop: number, viewport: number, count: number): RowWindow {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  return { first, last, padTop: first * ROW_HEIGHT, padBottom: (count - last) * ROW_HEIGHT };
}

/**
 * The scroll offset that shows row `index` fully below a sticky header of `headHeight` px, or null when it is
 * already in view (the least scroll: a row above aligns with the top, a row below with the bottom).
 */
export function revealScrollTop(
  index: number,
  scrollTop: number,
  clientHeight: number,
  headHeight: number,
): number | null {
  const top = index * ROW_HEIGHT;
  const bottom = top + ROW_HEIGHT;
  const viewBottom = scrollTop + clientHeight - headHeight;
  if (top < scrollTop) return top;
  if (bottom > viewBottom) return bottom - (clientHeight - headHeight);
  return null;
}

/** The scroll box's and header's refs, its scroll handler, the rows to render and `reveal(index)`. */
export function useVirtualRows(count: number) {
  const scroller = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setViewport(element.clientHeight);
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const headHeight = headRef.current?.offsetHeight ?? 34;

  /** Scrolls so that row `index` is fully visible below the sticky header. */
  const reveal = (index: number) => {
    const element = scroller.current;
    if (!element) return;
    const next = revealScrollTop(index, element.scrollTop, element.clientHeight, headHeight);
    if (next !== null) element.scrollTop = next;
  };

  return {
    scroller,
    headRef,
    onScroll: (event: { currentTarget: HTMLElement }) => setScrollTop(event.currentTarget.scrollTop),
    window: rowWindow(scrollTop, viewport, count),
    reveal,
  };
}
