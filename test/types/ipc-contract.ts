/**
 * Type-level tests of the typed contract, checked by `tsc -b` (tsconfig.test.json), never run. Each
 * `@ts-expect-error` marks a mistake the types must refuse: if they stop refusing it, the build fails with
 * "Unused '@ts-expect-error' directive". The rest must compile.
 */
import type { EngineResult } from '../../electron/engine/protocol';
import type { createHandlers } from '../../electron/main/handlers';
import type { InvokeHandler, InvokeHandlers } from '../../electron/main/ipc';
import type { DatasetSummary, DriftscopeApi, InvokeChannels } from '../../shared/api';
import type { AnalysisSettings } from '../../shared/drift/settings';
import type { RecentEntry } from '../../shared/explore/types';
import type { AnalysisResult } from '../../shared/report/analysis-result';

/** True when A and B are the same type (not merely assignable). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Main: a handler is typed by its channel's result; its arguments arrive unchecked, as many as declared.
export const listsRecent: InvokeHandler<'recent:list'> = async () => [] as RecentEntry[];
// @ts-expect-error 'recent:list' resolves with RecentEntry[], not a number
export const wrongResult: InvokeHandler<'recent:list'> = async () => 42;
// @ts-expect-error 'analysis:run' resolves with an AnalysisResult, not a dataset summary
export const wrongRun: InvokeHandler<'analysis:run'> = async () => ({}) as DatasetSummary;
export const argsUnchecked: Equal<
  Parameters<InvokeHandler<'dataset:rows'>>,
  [unknown, unknown, unknown]
> = true;
// @ts-expect-error a handler table must cover every channel
export const missingChannel: InvokeHandlers = { 'recent:list': listsRecent };
export const createsTheTable: Equal<ReturnType<typeof createHandlers>, InvokeHandlers> = true;

// Renderer: window.driftscope is the channel map under the method names.
declare const api: DriftscopeApi;
export async function rendererCalls(settings: AnalysisSettings): Promise<void> {
  const result: AnalysisResult = await api.runAnalysis(settings);
  void result;
  // @ts-expect-error a dataset role is 'reference' or 'current'
  await api.pickDataset('everything');
  // @ts-expect-error listRecent resolves with RecentEntry[]
  const count: number = await api.listRecent();
  void count;
  // @ts-expect-error there is no generic invoke
  api.invoke('fs:read');
}
export const sameSignature: Equal<DriftscopeApi['getRows'], InvokeChannels['dataset:rows']> = true;

// Engine worker: the request's type fixes the result's type.
type Analyze = { type: 'analyze'; settings: AnalysisSettings };
export const analyzeAnswers: Equal<EngineResult<Analyze>, AnalysisResult> = true;
export const loadAnswers: Equal<
  EngineResult<{ type: 'load'; role: 'current'; path: string }>,
  DatasetSummary
> = true;
// @ts-expect-error an analysis does not answer with a dataset summary
export const wrongEngineResult: DatasetSummary = {} as EngineResult<Analyze>;
// @ts-expect-error a request type the worker does not know has no result
export type Unknown = EngineResult<{ type: 'delete-everything' }>;
