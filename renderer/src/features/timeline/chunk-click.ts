/**
 * Which chunk a click on a Timeline chart hit, for the Timeline view and the monitor history alike. Every
 * chart over the chunks puts chunk i at x = i, and the heatmap its row r at y = r (timeline-charts.ts), so
 * a click's coordinates are the indices; a position that is not a whole number is no chunk.
 */
type ClickAt = { x: unknown; y: unknown };

/** The clicked chunk's index, or null. */
export function clickedChunk(at: ClickAt): number | null {
  const x = Number(at.x);
  return Number.isInteger(x) ? x : null;
}

/** The clicked heatmap cell: its chunk and its row (in the heatmap's order), or null. */
export function clickedCell(at: ClickAt): { chunk: number; row: number } | null {
  const chunk = clickedChunk(at);
  const row = Number(at.y);
  return chunk !== null && Number.isInteger(row) ? { chunk, row } : null;
}

/** A PlotlyChart onPointClick that gives `select` the clicked chunk, and ignores a click on no chunk. */
export function onChunkClick(select: (chunk: number) => void) {
  return (_curve: number, _point: number, at: ClickAt) => {
    const chunk = clickedChunk(at);
    if (chunk !== null) select(chunk);
  };
}
