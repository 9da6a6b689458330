/**
 * The built-in demo's numbers as the Python oracle computed them from the CSVs of `driftscope demo --out`
 * (test/fixtures/gen_demo_expected.py → test/fixtures/demo/expected.json: scikit-learn 1.2.1, SciPy 1.10.1,
 * statsmodels 0.13.5, NumPy 1.24). `sha256` holds the hashes of the two files it read: a unit test
 * (test/unit/shared/demo/generate-demo.test.ts) checks that the generator still writes those bytes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface DemoQuality {
  n: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  rocAuc: number;
  prAuc: number;
  logLoss: number;
  brier: number;
  /** sklearn confusion_matrix(y, prediction, labels=[0, 1]): rows true 0, 1; columns predicted 0, 1. */
  confusion: [[number, number], [number, number]];
  /** precision_score(y, prediction, pos_label=0). */
  precisionAtLabel0: number;
  /** accuracy_score(y, probability >= 0.3). */
  accuracyAtThreshold03: number;
}

export interface DemoDatasetDrift {
  tested: number;
  drifted: number;
  driftedColumns: string[];
  driftDetected: boolean;
}

interface Interval {
  value: number;
  ciLow: number;
  ciHigh: number;
}

interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

type CbpeMetrics = Record<'accuracy' | 'precision' | 'recall' | 'f1' | 'rocAuc', number>;

export interface DemoExpected {
  meta: Record<string, string>;
  sha256: { reference: string; current: string };
  rows: { reference: number; current: number };
  columns: string[];
  currentLabelled: number;
  /** The twelve ISO weeks of application_date (2024-W23 ... 2024-W34), each against the whole reference. */
  weeks: {
    week: number;
    label: string;
    rows: number;
    labelled: number;
    dataset: DemoDatasetDrift;
    accuracy: number | null;
    /** CBPE of the week; degraded: estimate more than 3 sampling errors below the reference. */
    cbpe: { metrics: CbpeMetrics; samplingError: CbpeMetrics; degraded: (keyof CbpeMetrics)[] };
  }[];
  quality: { reference: DemoQuality; current: DemoQuality };
  /** max(p, 1 − p) on the labelled rows: wasserstein_distance / np.std(reference), drift at ≥ 0.1. */
  confidenceDrift: { test: string; score: number; threshold: number; driftDetected: boolean };
  challengerQuality: { reference: DemoQuality; current: DemoQuality };
  drift: DemoDatasetDrift & { columns: Record<string, { score: number; drift: boolean } | null> };
  shadow: {
    seed: number;
    resamples: number;
    n: number;
    labelled: number;
    agreement: number;
    champion: CbpeMetrics;
    challenger: CbpeMetrics;
    difference: Record<keyof CbpeMetrics, Interval>;
    mcnemar: { statistic: number; pValue: number; b: number; c: number };
  };
  serving: {
    reference: LatencySummary;
    current: LatencySummary;
    ks: { statistic: number; pValue: number };
    p95Difference: Interval;
    errorRate: {
      reference: number;
      current: number;
      referenceErrors: number;
      currentErrors: number;
      statistic: number;
      pValue: number;
    };
    clientErrors: { reference: number; current: number };
  };
  cbpe: {
    calibrated: boolean;
    metrics: CbpeMetrics;
    samplingError: CbpeMetrics;
    n: number;
    labelledShare: number;
    reference: CbpeMetrics;
    realised: { n: number; metrics: CbpeMetrics; samplingError: CbpeMetrics };
  };
}

export const demoExpected: DemoExpected = JSON.parse(
  readFileSync(path.join(__dirname, '..', 'fixtures', 'demo', 'expected.json'), 'utf8'),
);

/** A number as the app and the CLI print metrics: 4 decimals. */
export const fixed4 = (x: number) => x.toFixed(4);
