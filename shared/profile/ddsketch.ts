/**
 * A DDSketch (Masson, Rim & Lee, VLDB 2019) with the plain logarithmic mapping: a value x ≠ 0 goes to
 * bucket i = ⌈ln|x| / ln γ⌉, γ = (1 + α)/(1 − α), in the positive or the negative store; zeros are counted
 * apart. Bucket i holds (γ^(i−1), γ^i]; its representative 2γ^i/(γ + 1) is within relative α of every
 * value in it, so every quantile read from the sketch is within relative α of a value of the data at that
 * rank. Stores never collapse, so two sketches merge by adding counts, and the buckets of a column are
 * exactly those of a SQL `GROUP BY ceil(ln(abs(x)) / ln(gamma))` (integrations/duckdb/profile.sql).
 * Pure: no Node import.
 */

/** Default relative accuracy α of the profile's sketches. */
export const DEFAULT_RELATIVE_ACCURACY = 0.01;

/** A serialised sketch: buckets as [index, count] pairs sorted by index, counts > 0. */
export interface SketchData {
  relativeAccuracy: number;
  zeroCount: number;
  positive: [number, number][];
  negative: [number, number][];
}

/** γ of a relative accuracy α (the same double expression as the SQL script's). */
export function gammaOf(alpha: number): number {
  return (1 + alpha) / (1 - alpha);
}

/** The bucket of |x| for x ≠ 0: ⌈ln|x| / ln γ⌉ (the SQL script's expression). */
export function bucketIndex(x: number, lnGamma: number): number {
  return Math.ceil(Math.log(Math.abs(x)) / lnGamma);
}

/** The representative value of positive bucket i: 2γ^i/(γ + 1), within relative α of (γ^(i−1), γ^i]. */
export function bucketValue(index: number, gamma: number): number {
  return (2 * gamma ** index) / (gamma + 1);
}

/** A sketch being filled: stores as maps, serialised sorted. */
export class DDSketch {
  readonly relativeAccuracy: number;
  readonly gamma: number;
  private readonly lnGamma: number;
  zeroCount = 0;
  readonly positive = new Map<number, number>();
  readonly negative = new Map<number, number>();

  constructor(relativeAccuracy: number = DEFAULT_RELATIVE_ACCURACY) {
    if (!(relativeAccuracy > 0 && relativeAccuracy < 1))
      throw new RangeError(`relative accuracy must be in (0, 1), got ${relativeAccuracy}`);
    this.relativeAccuracy = relativeAccuracy;
    this.gamma = gammaOf(relativeAccuracy);
    this.lnGamma = Math.log(this.gamma);
  }

  /** Adds a finite value `weight` times. */
  add(x: number, weight = 1): void {
    if (x === 0) {
      this.zeroCount += weight;
      return;
    }
    const store = x > 0 ? this.positive : this.negative;
    const i = bucketIndex(x, this.lnGamma);
    store.set(i, (store.get(i) ?? 0) + weight);
  }

  static fromData(data: SketchData): DDSketch {
    const s = new DDSketch(data.relativeAccuracy);
    s.zeroCount = data.zeroCount;
    for (const [i, c] of data.positive) s.positive.set(i, c);
    for (const [i, c] of data.negative) s.negative.set(i, c);
    return s;
  }

  toData(): SketchData {
    const sorted = (m: Map<number, number>) =>
      [...m.entries()].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]) as [number, number][];
    return {
      relativeAccuracy: this.relativeAccuracy,
      zeroCount: this.zeroCount,
      positive: sorted(this.positive),
      negative: sorted(this.negative),
    };
  }
}

/**
 * Merges two serialised sketches of the same α by adding bucket counts.
 * @throws {RangeError} when the relative accuracies differ.
 */
export function mergeSketches(a: SketchData, b: SketchData): SketchData {
  if (a.relativeAccuracy !== b.relativeAccuracy)
    throw new RangeError(
      `the sketches have different relative accuracies (${a.relativeAccuracy} and ${b.relativeAccuracy}); profiles merge only with the same --relative-accuracy`,
    );
  const s = DDSketch.fromData(a);
  for (const [i, c] of b.positive) s.positive.set(i, (s.positive.get(i) ?? 0) + c);
  for (const [i, c] of b.negative) s.negative.set(i, (s.negative.get(i) ?? 0) + c);
  s.zeroCount += b.zeroCount;
  return s.toData();
}

/** The sketch as weighted points ascending: each bucket's representative (clamped to [min, max]) and count. */
export function sketchPoints(data: SketchData, min: number, max: number): { x: number[]; w: number[] } {
  const gamma = gammaOf(data.relativeAccuracy);
  const x: number[] = [];
  const w: number[] = [];
  const clamp = (v: number) => Math.min(Math.max(v, min), max);
  for (let k = data.negative.length - 1; k >= 0; k--) {
    const [i, c] = data.negative[k];
    x.push(clamp(-bucketValue(i, gamma)));
    w.push(c);
  }
  if (data.zeroCount > 0) {
    x.push(0);
    w.push(data.zeroCount);
  }
  for (const [i, c] of data.positive) {
    x.push(clamp(bucketValue(i, gamma)));
    w.push(c);
  }
  return { x, w };
}
