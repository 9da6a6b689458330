/**
 * Body of the drift-test micro-benchmark (bundled and run by bench-tests.mjs; not a unit test).
 *
 * Generates, in memory and seeded, 20 numeric columns × N rows (default 1,000,000) for a reference and a
 * current set, sorts every column once (as the engine does before testing), then runs every test of
 * TEST_REGISTRY on all 20 columns and times it. Then 20 categorical columns (5–50 categories) of N rows
 * each, counted once, and every test that applies to categorical columns. Prints one table per part:
 * test, total ms for the 20 columns, ms per column, slowest column, how many columns got a score and how
 * many drift at the default threshold.
 *
 * Usage (through the wrapper): node test/bench/bench-tests.mjs [--rows N] [--seed S] [--only KEY,KEY]
 */
import { isDrift } from '../../shared/drift/decision';
import { TEST_REGISTRY } from '../../shared/drift/methods/registry';
import type { CategoricalPair, NumericPair, PairedSample } from '../../shared/drift/sample';
import { SeededRng } from '../../shared/stats/seeded-rng';
import { TEST_KEYS, type TestKey } from '../../shared/types';

interface Args {
  rows: number;
  seed: number;
  only: TestKey[] | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { rows: 1_000_000, seed: 20240611, only: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--rows' || flag === '--seed') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || (flag === '--rows' && n < 10)) throw new RangeError(`${flag}: bad value`);
      if (flag === '--rows') args.rows = n;
      else args.seed = n;
    } else if (flag === '--only') {
      const keys = (argv[++i] ?? '').split(',');
      for (const k of keys)
        if (!(TEST_KEYS as readonly string[]).includes(k)) throw new RangeError(`--only: ${k}`);
      args.only = keys as TestKey[];
    } else throw new RangeError(`unknown argument: ${flag}`);
  }
  return args;
}

/** Standard normal draws by Box–Muller from the seeded generator. */
function normals(rng: SeededRng): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = rng.next();
    const v = rng.next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** A numeric column: how to draw one value given a uniform and a normal source, per set. */
interface NumericSpec {
  name: string;
  /** `drifted`: the current set is drawn from a different distribution on purpose. */
  drifted: boolean;
  draw: (u: () => number, z: () => number, current: boolean) => number;
}

const round = (x: number, step: number) => Math.round(x / step) * step;

/** 20 numeric columns: 8 drifted, 6 with heavy ties, one integer-valued (Sturges integer-width rule). */
const NUMERIC: NumericSpec[] = [
  { name: 'normal', drifted: false, draw: (_u, z) => z() },
  { name: 'normal_shift_0.05', drifted: true, draw: (_u, z, c) => z() + (c ? 0.05 : 0) },
  { name: 'normal_shift_0.5', drifted: true, draw: (_u, z, c) => z() + (c ? 0.5 : 0) },
  { name: 'normal_scale_1.2', drifted: true, draw: (_u, z, c) => z() * (c ? 1.2 : 1) },
  { name: 'uniform', drifted: false, draw: (u) => u() * 100 },
  { name: 'uniform_range', drifted: true, draw: (u, _z, c) => u() * (c ? 110 : 100) },
  { name: 'lognormal', drifted: false, draw: (_u, z) => Math.exp(z()) },
  { name: 'lognormal_tail', drifted: true, draw: (_u, z, c) => Math.exp(z() * (c ? 1.1 : 1)) },
  { name: 'exponential', drifted: false, draw: (u) => -Math.log(1 - u()) * 10 },
  {
    name: 'mixture',
    drifted: true,
    draw: (u, z, c) => (u() < (c ? 0.4 : 0.3) ? 5 + z() : z()),
  },
  { name: 'big_offset', drifted: false, draw: (_u, z) => 1e6 + z() * 1e-3 },
  { name: 'ties_0.1', drifted: false, draw: (_u, z) => round(z(), 0.1) },
  { name: 'ties_0.1_shift', drifted: true, draw: (_u, z, c) => round(z() + (c ? 0.2 : 0), 0.1) },
  { name: 'ties_1_of_30', drifted: false, draw: (u) => Math.floor(u() * 30) },
  { name: 'ties_5_values', drifted: false, draw: (u) => Math.floor(u() * 5) },
  { name: 'ties_binary', drifted: true, draw: (u, _z, c) => (u() < (c ? 0.32 : 0.3) ? 1 : 0) },
  { name: 'ties_half_zero', drifted: false, draw: (u, z) => (u() < 0.5 ? 0 : z()) },
  { name: 'integer_poisson_like', drifted: false, draw: (_u, z) => Math.max(0, Math.round(200 + 40 * z())) },
  {
    name: 'student_t3',
    drifted: false,
    draw: (_u, z) => z() / Math.sqrt((z() ** 2 + z() ** 2 + z() ** 2) / 3),
  },
  { name: 'bimodal', drifted: false, draw: (u, z) => (u() < 0.5 ? -2 : 2) + z() * 0.5 },
];

/** 20 categorical columns: 5..50 categories, Zipf-like weights; every second one drifted. */
function categoricalSpecs(): { name: string; k: number; drifted: boolean }[] {
  const out = [];
  for (let i = 0; i < 20; i++) {
    const k = 5 + Math.round((45 * i) / 19);
    out.push({ name: `cat_${String(i).padStart(2, '0')}_k${k}`, k, drifted: i % 2 === 1 });
  }
  return out;
}

function numericColumn(spec: NumericSpec, rows: number, seed: number): NumericPair {
  const rng = new SeededRng(seed);
  const u = () => rng.next();
  const z = normals(rng);
  const reference = new Float64Array(rows);
  const current = new Float64Array(rows);
  for (let i = 0; i < rows; i++) reference[i] = spec.draw(u, z, false);
  for (let i = 0; i < rows; i++) current[i] = spec.draw(u, z, spec.drifted);
  return { kind: 'numeric', reference, current };
}

/** Counts of `rows` draws over k categories with Zipf(1) weights (reversed order in a drifted current). */
function categoricalColumn(k: number, drifted: boolean, rows: number, seed: number): CategoricalPair {
  const rng = new SeededRng(seed);
  const weights = (reverse: boolean) => {
    const w = Array.from({ length: k }, (_, i) => 1 / (reverse ? k - i : i + 1));
    const total = w.reduce((s, v) => s + v, 0);
    let acc = 0;
    return w.map((v) => (acc += v / total));
  };
  const count = (cdf: number[]) => {
    const counts = new Array<number>(k).fill(0);
    for (let i = 0; i < rows; i++) {
      const r = rng.next();
      let lo = 0;
      let hi = k - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (r < cdf[mid]) hi = mid;
        else lo = mid + 1;
      }
      counts[lo]++;
    }
    return counts;
  };
  const labels = Array.from({ length: k }, (_, i) => `v${String(i).padStart(2, '0')}`);
  // A drifted column moves 10 % of its mass to the reversed weights: visible, not absurd.
  const reference = count(weights(false));
  const mixed = weights(false).map((v, i) => 0.9 * v + 0.1 * weights(true)[i]);
  const current = count(drifted ? mixed : weights(false));
  return { kind: 'categorical', labels, reference, current };
}

interface Row {
  test: string;
  totalMs: number;
  slowestMs: number;
  slowest: string;
  computed: number;
  drifted: number;
  /** Why a column got no score (numbers generalised to N), with the number of columns. */
  reasons: Map<string, number>;
}

function timeTest(key: TestKey, columns: { name: string; sample: PairedSample }[]): Row {
  const entry = TEST_REGISTRY[key];
  const row: Row = {
    test: key,
    totalMs: 0,
    slowestMs: 0,
    slowest: '',
    computed: 0,
    drifted: 0,
    reasons: new Map(),
  };
  for (const { name, sample } of columns) {
    const t0 = performance.now();
    const out = entry.run(sample);
    const ms = performance.now() - t0;
    row.totalMs += ms;
    if (ms > row.slowestMs) {
      row.slowestMs = ms;
      row.slowest = name;
    }
    if (out.score !== null) row.computed++;
    else {
      const why = (out.reason ?? 'no reason given').replace(/\d+/g, 'N');
      row.reasons.set(why, (row.reasons.get(why) ?? 0) + 1);
    }
    if (isDrift(key, out.score, entry.defaultThreshold)) row.drifted++;
  }
  return row;
}

function printTable(title: string, rows: Row[], columns: number): void {
  console.log(`\n${title}`);
  const header = [
    'test',
    `total ms (${columns} cols)`,
    'ms / column',
    'slowest column (ms)',
    'scored',
    'drift',
  ];
  const body = rows.map((r) => [
    r.test,
    r.totalMs.toFixed(0),
    (r.totalMs / columns).toFixed(1),
    `${r.slowest} (${r.slowestMs.toFixed(0)})`,
    `${r.computed}/${columns}`,
    String(r.drifted),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 || i === 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((w, i) => (i === 0 || i === 3 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const b of body) console.log(line(b));
  for (const r of rows)
    for (const [reason, n] of r.reasons) console.log(`  ${r.test}: no score on ${n} column(s): ${reason}`);
}

/** Warm-up on a small sample so the first timed column does not pay for JIT compilation. */
function warmUp(keys: readonly TestKey[], seed: number): void {
  const small = numericColumn(NUMERIC[2], 5000, seed);
  small.reference.sort();
  small.current.sort();
  const cat = categoricalColumn(10, true, 5000, seed);
  for (const key of keys) {
    TEST_REGISTRY[key].run(small);
    if (TEST_REGISTRY[key].appliesTo('categorical')) TEST_REGISTRY[key].run(cat);
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const keys = args.only ?? TEST_KEYS;
  const { rows, seed } = args;
  console.log(
    `Drift-test benchmark: ${rows.toLocaleString('en-US')} rows per set, 20 numeric + 20 categorical columns, seed ${seed}, Node ${process.version}`,
  );

  let t0 = performance.now();
  const numeric = NUMERIC.map((spec, i) => ({
    name: spec.name,
    sample: numericColumn(spec, rows, seed + i),
  }));
  const genMs = performance.now() - t0;
  t0 = performance.now();
  for (const { sample } of numeric) {
    if (sample.kind !== 'numeric') continue;
    sample.reference.sort();
    sample.current.sort();
  }
  const sortMs = performance.now() - t0;
  t0 = performance.now();
  const categorical = categoricalSpecs().map((s, i) => ({
    name: s.name,
    sample: categoricalColumn(s.k, s.drifted, rows, seed + 100 + i),
  }));
  const catMs = performance.now() - t0;
  console.log(
    `setup: generate numeric ${genMs.toFixed(0)} ms, sort 40 arrays once ${sortMs.toFixed(0)} ms, generate + count categorical ${catMs.toFixed(0)} ms`,
  );
  console.log(
    `drifted on purpose: ${NUMERIC.filter((s) => s.drifted)
      .map((s) => s.name)
      .join(', ')}; categorical: every second column`,
  );

  warmUp(keys, seed);

  const numericRows = keys.map((key) => timeTest(key, numeric));
  printTable(
    'Numeric columns (every registry test; numerical-only tests included)',
    numericRows,
    numeric.length,
  );

  const catKeys = keys.filter((k) => TEST_REGISTRY[k].appliesTo('categorical'));
  const catRows = catKeys.map((key) => timeTest(key, categorical));
  printTable(
    'Categorical columns (5–50 categories; tests that apply to categorical columns)',
    catRows,
    categorical.length,
  );

  const slow = [...numericRows, ...catRows].filter((r) => r.slowestMs > 3000);
  console.log(
    slow.length === 0
      ? '\nNo test took more than 3 s on any column.'
      : `\nSLOW (> 3 s on one column): ${slow.map((r) => `${r.test} ${r.slowest} ${r.slowestMs.toFixed(0)} ms`).join('; ')}`,
  );
}

main();
