/**
 * A function of one typed array's contents remembered per array object (a WeakMap, so the entry goes with
 * the array). The timeline compares one reference with many chunks: the reference-side numbers (distinct
 * count, mean and standard deviation) are then computed once instead of once per chunk, bit for bit the
 * same. Only for arrays that are never written after they are first passed (sorted copies, loaded columns).
 *
 * @example const count = memoByArray((a: Float64Array) => a.length); count(x) === count(x) // computed once
 */
export function memoByArray<R>(fn: (values: Float64Array) => R): (values: Float64Array) => R {
  const cache = new WeakMap<Float64Array, R>();
  return (values) => {
    if (cache.has(values)) return cache.get(values) as R;
    const result = fn(values);
    cache.set(values, result);
    return result;
  };
}
