/**
 * Body of the champion/challenger, CBPE and serving benchmark (bundled and run by shadow.bench.mjs; not a
 * unit test). Builds an in-memory binary reference and current of N rows (features, target, both models'
 * probabilities and predictions, latency, status; seeded), then times `modelQuality` with and without the
 * challenger and the estimate, and `servingHealth`. Prints one JSON line of wall milliseconds.
 *
 * Usage: node BUNDLE.cjs N
 */
import { modelQuality } from '../../shared/performance/for-analysis';
import { servingHealth } from '../../shared/performance/serving';
import { SeededRng } from '../../shared/stats/seeded-rng';
import type { ColumnarTable, NumberColumn } from '../../shared/table/columnar';

const column = (name: string, values: Float64Array): NumberColumn => ({
  name,
  storage: 'number',
  values,
  invalidCount: 0,
  firstInvalid: null,
});

function table(n: number, seed: number, shift: number, name: string): ColumnarTable {
  const rng = new SeededRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const target = new Float64Array(n);
  const proba = new Float64Array(n);
  const pred = new Float64Array(n);
  const probaB = new Float64Array(n);
  const predB = new Float64Array(n);
  const latency = new Float64Array(n);
  const status = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x1[i] = normal() + shift;
    x2[i] = normal();
    const z = 1.5 * x1[i] - x2[i];
    target[i] = rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    proba[i] = 1 / (1 + Math.exp(-(2 * z + 0.6 * normal())));
    probaB[i] = 1 / (1 + Math.exp(-(1.2 * z + 0.5 * normal())));
    pred[i] = proba[i] >= 0.5 ? 1 : 0;
    predB[i] = probaB[i] >= 0.5 ? 1 : 0;
    latency[i] = Math.exp(Math.log(40) + 0.5 * normal());
    status[i] = rng.next() < 0.02 ? 503 : 200;
  }
  const columns = [
    column('x1', x1),
    column('x2', x2),
    column('target', target),
    column('proba', proba),
    column('prediction', pred),
    column('proba_challenger', probaB),
    column('prediction_challenger', predB),
    column('latency_ms', latency),
    column('status_code', status),
  ];
  return { fileName: name, rowCount: n, columns, delimiter: ',', byteLength: 0, warnings: [] };
}

function time<T>(f: () => T): [number, T] {
  const t0 = performance.now();
  const out = f();
  return [Math.round(performance.now() - t0), out];
}

const n = Number(process.argv[2] ?? 100_000);
const reference = table(n, 1, 0, 'reference');
const current = table(n, 2, 0.3, 'current');
const [plainMs] = time(() =>
  modelQuality(reference, current, { challengerPrediction: null, estimation: false }),
);
const [estimateMs, withEstimate] = time(() =>
  modelQuality(reference, current, { challengerPrediction: null }),
);
const [shadowMs, withShadow] = time(() => modelQuality(reference, current, { estimation: false }));
const [servingMs, serving] = time(() =>
  servingHealth(reference, current, { latency: { column: 'latency_ms', unit: 'ms' }, status: 'status_code' }),
);
process.stdout.write(
  `${JSON.stringify({
    rows: n,
    modelQualityMs: plainMs,
    cbpeMs: estimateMs - plainMs,
    shadowMs: shadowMs - plainMs,
    shadowResamples: withShadow.performance?.shadow?.bootstrap.resamples,
    servingMs,
    p95Resamples: serving.latency?.p95Difference?.resamples,
    estimatedAccuracy: withEstimate.performance?.estimated?.metrics.accuracy,
    realisedAccuracy: withEstimate.performance?.estimated?.realised.metrics.accuracy,
  })}\n`,
);
