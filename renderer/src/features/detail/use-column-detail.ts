/**
 * Fetches a column's detail (analysis:column-detail) whenever the column, the bins or the result change.
 * Details are cached per analysis result, and once a column's detail is shown the other bin choices are
 * fetched in the background, so that switching Auto/10/30/100 is a redraw without a round trip.
 */
import { useEffect, useState } from 'react';
import type { BinChoice, ColumnDetail } from '../../../../shared/explore/types';
import { BIN_CHOICES } from '../../../../shared/explore/types';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import { getApi } from '../../api';

export interface DetailState {
  detail: ColumnDetail | null;
  /** The request the detail answers ("column\0bins"), to tell a stale detail from a fresh one. */
  key: string | null;
  error: string | null;
}

/** One cache per analysis result: a new result (a type override, new settings) starts empty. */
const caches = new WeakMap<AnalysisResult, Map<string, Promise<ColumnDetail>>>();

function fetchDetail(result: AnalysisResult, column: string, bins: BinChoice): Promise<ColumnDetail> {
  let cache = caches.get(result);
  if (!cache) {
    cache = new Map();
    caches.set(result, cache);
  }
  const key = `${column}\u0000${bins}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = getApi().getColumnDetail(column, bins);
    // A failed request is not cached, so that it can be retried.
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

export function useColumnDetail(column: string, bins: BinChoice, result: AnalysisResult): DetailState {
  const [state, setState] = useState<DetailState>({ detail: null, key: null, error: null });
  useEffect(() => {
    let live = true;
    const key = `${column}\u0000${bins}`;
    fetchDetail(result, column, bins).then(
      (detail) => {
        if (!live) return;
        setState({ detail, key, error: null });
        for (const other of BIN_CHOICES)
          if (other !== bins) void fetchDetail(result, column, other).catch(() => {});
      },
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
