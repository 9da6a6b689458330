/**
 * The one reading of a Timeline chart click (chunk-click.ts) that the Timeline view and the monitor history
 * share: chunk i at x = i, heatmap row r at y = r; a position that is not a whole number is no chunk. The
 * notes list renders its strings as text, never HTML.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  clickedCell,
  clickedChunk,
  onChunkClick,
} from '../../../../../renderer/src/features/timeline/chunk-click';
import { TimelineNotes } from '../../../../../renderer/src/features/timeline/timeline-notes';

describe('chunk clicks', () => {
  it('reads whole-number coordinates as indices, anything else as no chunk', () => {
    expect(clickedChunk({ x: 3, y: 0.4 })).toBe(3);
    expect(clickedChunk({ x: '2', y: null })).toBe(2);
    expect(clickedChunk({ x: 1.5, y: 0 })).toBeNull();
    expect(clickedChunk({ x: undefined, y: 0 })).toBeNull();
    expect(clickedChunk({ x: '2024-W23', y: 0 })).toBeNull();
    expect(clickedCell({ x: 7, y: 2 })).toEqual({ chunk: 7, row: 2 });
    expect(clickedCell({ x: 7, y: 2.5 })).toBeNull();
    expect(clickedCell({ x: 0.5, y: 2 })).toBeNull();
  });

  it('onChunkClick passes the clicked chunk on, and nothing for a click on no chunk', () => {
    const seen: number[] = [];
    const handler = onChunkClick((chunk) => seen.push(chunk));
    handler(0, 4, { x: 4, y: 0.13 });
    handler(1, 0, { x: 0.5, y: 0 });
    handler(0, 0, { x: 0, y: 1 });
    expect(seen).toEqual([4, 0]);
  });
});

describe('TimelineNotes', () => {
  it('lists each note as text', () => {
    const html = renderToStaticMarkup(
      createElement(TimelineNotes, { notes: ['<img src=x onerror=alert(1)>', 'a & b'] }),
    );
    expect(html).toBe(
      '<ul class="tl-notes muted" data-testid="timeline-notes"><li>&lt;img src=x onerror=alert(1)&gt;</li><li>a &amp; b</li></ul>',
    );
  });
});
