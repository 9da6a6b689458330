#!/usr/bin/env node
/**
 * Measures how far the analysis of two profiles is from the exact analysis (docs/profiles.md, "Error"):
 * for each test of `--tests`, runs `driftscope analyze` once on the data files and once on their profiles
 * with `--test KEY` and prints, per test, the largest and the median |score − exact score| (and for the
 * p-value tests the statistic's) over the numerical columns, whether any verdict differs, the columns whose
 * difference exceeds the result's `scoreBound` or `statisticBound` ("outside bound"), the largest and the
 * median `scoreBound`, and the columns whose verdict the profile reports undetermined.
 * Build first (`npm run build:node`); data from `node test/bench/generate-bench-data.mjs --out DIR`.
 *
 * Usage: node test/bench/profile-error.mjs --dir DIR [--tests wasserstein,ks,psi,jensenshannon,kl_div,hellinger,jensenshannon_base2,g_test]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    tests: {
      type: 'string',
      default: 'wasserstein,ks,psi,jensenshannon,kl_div,hellinger,jensenshannon_base2,g_test',
    },
  },
});
if (!values.dir) throw new Error('--dir DIR is required (the folder of reference.csv and current.csv)');
const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'dist', 'electron', 'cli.cjs');
const dir = path.resolve(values.dir);
const at = (f) => path.join(dir, f);
const run = (args) => execFileSync(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
for (const role of ['reference', 'current'])
  if (!existsSync(at(`${role}.profile.json`)))
    run(['profile', '--input', at(`${role}.csv`), '--out', at(`${role}.profile.json`)]);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor((s.length - 1) / 2)];
};
const fmt = (x) => (Number.isFinite(x) ? x.toExponential(2) : String(x));
console.log(
  'test                 columns  max |Δscore|  median |Δscore|  max |Δstatistic|  verdicts differ  outside bound  max scoreBound  median scoreBound  undetermined',
);
for (const test of values.tests.split(',')) {
  run([
    'analyze',
    '--reference',
    at('reference.csv'),
    '--current',
    at('current.csv'),
    '--test',
    test,
    '--json',
    at(`exact.${test}.json`),
  ]);
  run([
    'analyze',
    '--reference',
    at('reference.profile.json'),
    '--current',
    at('current.profile.json'),
    '--test',
    test,
    '--json',
    at(`approx.${test}.json`),
  ]);
  const exact = JSON.parse(readFileSync(at(`exact.${test}.json`), 'utf8'));
  const approx = JSON.parse(readFileSync(at(`approx.${test}.json`), 'utf8'));
  const dScore = [];
  const dStat = [];
  const differ = [];
  const outside = [];
  const bounds = [];
  const undetermined = [];
  for (const e of exact.columns) {
    if (e.type !== 'numerical' || e.test !== test || e.score === null) continue;
    const a = approx.columns.find((c) => c.name === e.name);
    dScore.push(Math.abs(a.score - e.score));
    dStat.push(Math.abs(a.statistic - e.statistic));
    if (a.driftDetected !== e.driftDetected) differ.push(e.name);
    const b = a.approximation;
    if (b?.scoreBound != null) bounds.push(b.scoreBound);
    if (b?.verdictDetermined === false) undetermined.push(e.name);
    if (b?.scoreBound != null && Math.abs(a.score - e.score) > b.scoreBound) outside.push(e.name);
    if (b?.statisticBound != null && Math.abs(a.statistic - e.statistic) > b.statisticBound)
      outside.push(e.name);
  }
  console.log(
    `${test.padEnd(20)} ${String(dScore.length).padStart(7)}  ${fmt(Math.max(...dScore)).padStart(12)}  ${fmt(median(dScore)).padStart(15)}  ${fmt(Math.max(...dStat)).padStart(16)}  ${(differ.length ? differ.join(', ') : 'none').padEnd(15)}  ${(outside.length ? [...new Set(outside)].join(', ') : 'none').padEnd(13)}  ${(bounds.length ? fmt(Math.max(...bounds)) : '-').padStart(14)}  ${(bounds.length ? fmt(median(bounds)) : '-').padStart(17)}  ${undetermined.length ? undetermined.join(', ') : 'none'}`,
  );
}
