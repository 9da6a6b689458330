/**
 * The small part of Plotly's API the renderer uses. plotly.js-strict-dist-min ships no types, and
 * @types/plotly.js is not installed; src/components/plotly-chart.tsx is the only importer.
 */
declare module 'plotly.js-strict-dist-min' {
  export type PlotData = Record<string, unknown>;
  export type PlotLayout = Record<string, unknown>;
  export type PlotConfig = Record<string, unknown>;
  export function react(
    root: HTMLElement,
    data: PlotData[],
    layout?: PlotLayout,
    config?: PlotConfig,
  ): Promise<HTMLElement>;
  export function purge(root: HTMLElement): void;
  export const Plots: { resize(root: HTMLElement): void };
  export interface PlotlyApi {
    react: typeof react;
    purge: typeof purge;
    Plots: typeof Plots;
  }
  const Plotly: PlotlyApi;
  export default Plotly;
}
