/**
 * The two datasets' names and colours, the same in the app, the reports (SVG, Plotly, CSS) and the
 * charts of both: reference blue, current orange (Tableau 10's first two, distinguishable in the common
 * colour-vision deficiencies). renderer/src/styles.css repeats them as --ref and --cur (CSS cannot import).
 */
export type Role = 'reference' | 'current';

export const ROLE_COLORS: Readonly<Record<Role, string>> = { reference: '#4c78a8', current: '#f58518' };

export const ROLE_NAMES = { reference: 'Reference', current: 'Current' } as const satisfies Record<
  Role,
  string
>;
