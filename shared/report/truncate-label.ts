/**
 * Shortens a label for an axis or a tick (the full label stays in the hover text): at most `max` code
 * points, the last one an ellipsis when cut.
 * @example truncateLabel('abcdef', 4) // 'abc…'
 */
export function truncateLabel(label: string, max: number): string {
  const chars = Array.from(label);
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}
