/**
 * Numbers of a short sorted sample against a long one (a timeline chunk against the whole reference) that
 * were computed before they are asked: for every chunk of a column in one walk over the column's sorted
 * values (shared/timeline/sorted-chunks.ts). Read by countDistinctUnion and wasserstein1Short; each must be
 * bit for bit what the function computes from the two arrays alone. Kept per short array (a WeakMap).
 */

export interface KnownShort {
  /** countDistinctUnion(long, short). */
  distinctUnion?: () => number;
  /** wasserstein1Short(long, short). */
  wasserstein1?: () => number;
}

const known = new WeakMap<Float64Array, { long: Float64Array; known: KnownShort }>();

export function rememberShort(long: Float64Array, short: Float64Array, numbers: KnownShort): void {
  known.set(short, { long, known: numbers });
}

/** What is known of (long, short), if anything. */
export function knownShort(long: Float64Array, short: Float64Array): KnownShort | undefined {
  const entry = known.get(short);
  return entry?.long === long ? entry.known : undefined;
}
