/**
 * Model-quality entry points (pure; runs in the worker, the CLI and tests).
 */
export { analyzePerformance } from './analyze-performance';
export { conceptDrift } from './concept-drift';
export { DEFAULT_DECAY_THRESHOLDS, performanceDecay } from './decay';
export { choosePosLabel, detectMapping, inferTask, probaClassesOf } from './mapping';
export type * from './types';
