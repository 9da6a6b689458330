/**
 * A Prometheus summary for one label set whose quantiles are over the latest `window` observations, kept in
 * a fixed ring (a Float64Array allocated once), with `_sum` and `_count` over all of them. Its memory does
 * not grow with the observations: prom-client's Summary keeps a quantile digest of every observation (a few
 * hundred centroids of ~180 B each over the first thousand batches, still growing logarithmically), and
 * compresses it anew on every scrape. Quantiles are NumPy's linear ones (quantileSorted). Registered in a
 * prom-client Registry as a metric (name, help, type, get).
 */
import { quantileSorted } from '../../shared/stats/quantile-sorted';

interface SummaryValue {
  labels: Record<string, string | number>;
  value: number;
  metricName?: string;
}

export class WindowSummary {
  readonly type = 'summary';
  readonly aggregator = 'sum';
  private readonly ring: Float64Array;
  private filled = 0;
  private next = 0;
  private sum = 0;
  private count = 0;

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly labels: Record<string, string>,
    private readonly percentiles: readonly number[],
    window: number,
  ) {
    this.ring = new Float64Array(window);
  }

  observe(value: number): void {
    this.ring[this.next] = value;
    this.next = (this.next + 1) % this.ring.length;
    this.filled = Math.min(this.filled + 1, this.ring.length);
    this.sum += value;
    this.count++;
  }

  /** The series, as prom-client's Registry reads them: none before the first observation, as its Summary. */
  async get(): Promise<{
    name: string;
    help: string;
    type: string;
    aggregator: string;
    values: SummaryValue[];
  }> {
    const values: SummaryValue[] = [];
    if (this.count > 0) {
      const sorted = this.ring.slice(0, this.filled).sort();
      for (const p of this.percentiles)
        values.push({ labels: { quantile: p, ...this.labels }, value: quantileSorted(sorted, p) });
      values.push({ metricName: `${this.name}_sum`, labels: { ...this.labels }, value: this.sum });
      values.push({ metricName: `${this.name}_count`, labels: { ...this.labels }, value: this.count });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}
