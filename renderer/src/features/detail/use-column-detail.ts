/** Fetches a column's detail (analysis:column-detail) whenever the column, the bins or the result change. */
import { useEffect, useState } from 'react';
import type { BinChoice, ColumnDetail } from '../../../../shared/explore/types';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import { getApi } from '../../api';

export interface DetailState {
  detail: ColumnDetail | null;
  /** The request the detail answers ("column\0bins"), to tell a stale detail from a fresh one. */
  key: string | null;
  error: string | null;
}

export function useColumnDetail(column: string, bins: BinChoice, result: AnalysisResult): DetailState {
  const [state, setState] = useState<DetailState>({ detail: null, key: null, error: null });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new result (a type override) changes the detail.
  useEffect(() => {
    let live = true;
    const key = `${column}\u0000${bins}`;
    getApi()
      .getColumnDetail(column, bins)
      .then(
        (detail) => live && setState({ detail, key, error: null }),
        (error: unknown) =>
          live &&
          setState({ detail: null, key, error: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, [column, bins, result]);
  return state;
}
