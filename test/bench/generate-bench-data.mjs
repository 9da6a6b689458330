#!/usr/bin/env node
/**
 * Writes the benchmark's input: test/bench/data/reference.csv and current.csv (the folder is gitignored),
 * N rows (default 1,000,000) × 20 columns each:
 *   f01..f14  float, various distributions; current is shifted or rescaled on f01, f03, f05, f08, f10, f14
 *   c1..c4    categorical with 5, 10, 20, 50 categories (Zipf-like); current has new frequencies on c2, c4
 *   i1        integer, ~1000 distinct values (0..999); current shifted on i1
 *   i2        integer, ~200 distinct values (0..198)
 * f14 has empty cells (missing): 1 % in reference, 3 % in current.
 *
 * Plain Node ESM, no dependencies. Seeded (xoshiro128** via splitmix32, Box-Muller normals), so the same
 * --seed and --rows give byte-identical files. Rows are formatted in chunks and streamed to disk with
 * back-pressure, so memory stays small whatever N is. Each file is written to a temporary name and renamed
 * when complete; data/meta.json records rows and seed so lib/bench-util.mjs's ensureBenchData can tell
 * whether to regenerate.
 *
 * Usage: node test/bench/generate-bench-data.mjs [--rows N] [--seed S] [--out DIR]
 */
import { closeSync, mkdirSync, openSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_DATA_DIR = join(HERE, 'data');
export const DEFAULT_ROWS = 1_000_000;
export const DEFAULT_SEED = 20240601;
const CHUNK_ROWS = 2000; // about 270 kB per write: faster and leaner than large chunks (measured)

// ---------------------------------------------------------------- PRNG

function splitmix32(state) {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** xoshiro128** (https://prng.di.unimi.it/xoshiro128starstar.c), uniform in [0, 1), Box-Muller normals. */
export function createRng(seed) {
  const st = { s: seed | 0 };
  let a = splitmix32(st);
  let b = splitmix32(st);
  let c = splitmix32(st);
  let d = splitmix32(st);
  let spare = 0;
  let hasSpare = false;
  const uniform = () => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return r / 4294967296;
  };
  const normal = () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    const r = Math.sqrt(-2 * Math.log(1 - uniform()));
    const theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    hasSpare = true;
    return r * Math.cos(theta);
  };
  const exponential = () => -Math.log(1 - uniform());
  return { uniform, normal, exponential };
}

function rotl(x, k) {
  return (x << k) | (x >>> (32 - k));
}

// ---------------------------------------------------------------- columns

/** Zipf-like weights 1/(i+1)^s, as a cumulative table for inverse-CDF sampling. */
function cumulative(weights) {
  const total = weights.reduce((s, w) => s + w, 0);
  let acc = 0;
  return Float64Array.from(weights, (w) => {
    acc += w / total;
    return acc;
  });
}
const zipf = (k, s) => Array.from({ length: k }, (_, i) => 1 / (i + 1) ** s);

function sampler(rng, labels, weights) {
  const cdf = cumulative(weights);
  const last = labels.length - 1;
  return () => {
    const u = rng.uniform();
    let i = 0;
    while (i < last && u >= cdf[i]) i++;
    return labels[i];
  };
}

const labels = (prefix, k) => Array.from({ length: k }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);
const C1 = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
const C2 = labels('k', 10);
const C3 = labels('r', 20);
const C4 = labels('p', 50);

export const HEADER = [
  ...Array.from({ length: 14 }, (_, i) => `f${String(i + 1).padStart(2, '0')}`),
  'c1',
  'c2',
  'c3',
  'c4',
  'i1',
  'i2',
];

/**
 * The drift knobs: reference uses the neutral values, current the shifted ones. Each comment says what a
 * drift test should see.
 */
const SCENARIOS = {
  reference: {
    f01Shift: 0, // normal(0, 1)
    f03Scale: 1, // lognormal
    f05Scale: 1, // exponential, mean 5
    f08Weight: 0.6, // share of the left mode of a bimodal mixture
    f10Shift: 0, // normal(1000, 200)
    f14Sd: 2, // normal(5, sd) with missing cells
    f14Missing: 0.01,
    c2Weights: zipf(10, 1),
    c4Weights: zipf(50, 1),
    i1Shift: 0,
  },
  current: {
    f01Shift: 0.3, // location shift of 0.3 sd: normed Wasserstein ≈ 0.3, drift
    f03Scale: 1.3, // rescaled ×1.3: drift
    f05Scale: 1.25, // rescaled ×1.25: drift
    f08Weight: 0.4, // mixture weights swapped: drift
    f10Shift: 4, // 0.02 sd: significant at 1M rows but below the Wasserstein threshold: no drift
    f14Sd: 3, // wider: drift; and more missing cells
    f14Missing: 0.03,
    c2Weights: zipf(10, 1).reverse(), // most frequent becomes least frequent: drift
    c4Weights: zipf(50, 0.5), // flatter: drift
    i1Shift: 40, // 0.25 sd: drift
  },
};

function makeRow(rng, sc) {
  const c2 = sampler(rng, C2, sc.c2Weights);
  const c4 = sampler(rng, C4, sc.c4Weights);
  const c1 = sampler(rng, C1, [5, 4, 3, 2, 1]);
  const c3 = sampler(rng, C3, zipf(20, 0.8));
  const { uniform, normal, exponential } = rng;
  return () => {
    const f01 = normal() + sc.f01Shift;
    const f02 = 50 + 10 * normal();
    const f03 = Math.exp(3 + 0.5 * normal()) * sc.f03Scale;
    const f04 = 100 * uniform();
    const f05 = 5 * exponential() * sc.f05Scale;
    const f06 = 2 * (exponential() + exponential() + exponential()); // Erlang(3), mean 6
    const u = uniform();
    const f07 = u * u; // Beta(0.5, 1)
    const f08 = uniform() < sc.f08Weight ? -2 + normal() : 3 + 1.5 * normal();
    const f09 = normal() / Math.sqrt((normal() ** 2 + normal() ** 2 + normal() ** 2) / 3); // Student t(3)
    const f10 = 1000 + 200 * normal() + sc.f10Shift;
    const f11 = Math.exp(10 + normal()); // income-like lognormal
    const f12 = (uniform() < 0.5 ? -1 : 1) * exponential(); // Laplace(0, 1)
    const f13 = 0.7 * (f01 - sc.f01Shift) + 0.714 * normal(); // correlated with f01, not shifted
    const f14 = 5 + sc.f14Sd * normal();
    const f14Cell = uniform() < sc.f14Missing ? '' : f14.toFixed(4);
    const i1 = Math.min(999, Math.max(0, Math.round(500 + 160 * normal() + sc.i1Shift)));
    const i2 = Math.floor(uniform() * 100) + Math.floor(uniform() * 100); // triangular 0..198
    return (
      `${f01.toFixed(5)},${f02.toFixed(4)},${f03.toFixed(4)},${f04.toFixed(4)},${f05.toFixed(4)},` +
      `${f06.toFixed(4)},${f07.toFixed(6)},${f08.toFixed(4)},${f09.toFixed(4)},${f10.toFixed(3)},` +
      `${f11.toFixed(2)},${f12.toFixed(5)},${f13.toFixed(5)},${f14Cell},` +
      `${c1()},${c2()},${c3()},${c4()},${i1},${i2}\n`
    );
  };
}

// ---------------------------------------------------------------- writing

/** Writes one file synchronously, one chunk of rows at a time: memory holds a single chunk. */
function writeFile(path, rows, seed, scenario) {
  const tmp = `${path}.partial`;
  const fd = openSync(tmp, 'w');
  try {
    const row = makeRow(createRng(seed), scenario);
    writeSync(fd, `${HEADER.join(',')}\n`);
    for (let start = 0; start < rows; start += CHUNK_ROWS) {
      const end = Math.min(rows, start + CHUNK_ROWS);
      let chunk = '';
      for (let r = start; r < end; r++) chunk += row();
      writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return statSync(path).size;
}

/** Writes only the reference file of `rows` rows to `path` (for one large input); returns its size. */
export function writeReferenceFile(path, rows = DEFAULT_ROWS, seed = DEFAULT_SEED) {
  mkdirSync(dirname(path), { recursive: true });
  return writeFile(path, rows, seed, SCENARIOS.reference);
}

/** Generates both files; returns their paths and sizes. */
export async function generateBenchData({
  rows = DEFAULT_ROWS,
  seed = DEFAULT_SEED,
  dir = DEFAULT_DATA_DIR,
} = {}) {
  mkdirSync(dir, { recursive: true });
  const reference = join(dir, 'reference.csv');
  const current = join(dir, 'current.csv');
  const t0 = performance.now();
  // Two independent random streams derived from the seed.
  const referenceBytes = writeFile(reference, rows, seed, SCENARIOS.reference);
  const currentBytes = writeFile(current, rows, seed ^ 0x5bd1e995, SCENARIOS.current);
  const seconds = (performance.now() - t0) / 1000;
  writeFileSync(
    join(dir, 'meta.json'),
    `${JSON.stringify({ rows, seed, columns: HEADER.length }, null, 2)}\n`,
  );
  return { reference, current, referenceBytes, currentBytes, seconds };
}

function parseArgs(argv) {
  const args = { rows: DEFAULT_ROWS, seed: DEFAULT_SEED, dir: DEFAULT_DATA_DIR };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--rows' || flag === '--seed') {
      const n = Number(value);
      if (!Number.isInteger(n) || (flag === '--rows' && n < 1))
        throw new RangeError(`${flag}: bad value ${value}`);
      args[flag.slice(2)] = n;
      i++;
    } else if (flag === '--out') {
      args.dir = resolve(value);
      i++;
    } else if (flag === '--help' || flag === '-h') {
      console.log('Usage: node test/bench/generate-bench-data.mjs [--rows N] [--seed S] [--out DIR]');
      process.exit(0);
    } else {
      throw new RangeError(`unknown argument: ${flag}`);
    }
  }
  return args;
}

const mb = (bytes) => (bytes / 1e6).toFixed(1);

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const r = await generateBenchData(args);
  console.log(
    `rows per file: ${args.rows.toLocaleString('en-US')} x ${HEADER.length} columns (seed ${args.seed})`,
  );
  console.log(`${r.reference}: ${mb(r.referenceBytes)} MB`);
  console.log(`${r.current}: ${mb(r.currentBytes)} MB`);
  console.log(
    `generated in ${r.seconds.toFixed(1)} s (${mb((r.referenceBytes + r.currentBytes) / r.seconds)} MB/s)`,
  );
}
