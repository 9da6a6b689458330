#!/usr/bin/env node
/**
 * Report benchmark: size and time of the HTML and PDF reports for 30 and 300 columns (and, to show that
 * size follows columns and not rows, 30 columns with 10x the rows). Generates seeded CSVs under
 * test/bench/data/reports/ (gitignored), runs the built command line (`npm run build:node` first) and
 * prints a table:
 *   analyse  `driftscope analyze --json` (load + analysis only, the baseline)
 *   +html    `--html` end to end, and the extra time over the baseline
 *   +pdf     `--pdf` end to end (Chromium start, layout, print), and the extra time over the baseline
 *
 * Usage: node test/bench/bench-reports.mjs [--rows N] [--page-size A4|Letter]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../helpers/mulberry32.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const DATA = join(HERE, 'data', 'reports');
const CLI = join(ROOT, 'bin', 'driftscope.cjs');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const ROWS = Number(option('rows', '10000'));
const PAGE_SIZE = option('page-size', 'A4');

/** Two thirds numeric (normal, every fifth shifted in current), one third categorical (12 levels). */
function writeCsv(file, columns, rows, drifted, seed) {
  if (existsSync(file)) return;
  const random = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const names = Array.from({ length: columns }, (_, j) => (j % 3 === 2 ? `cat_${j}` : `num_${j}`));
  const lines = [names.join(',')];
  for (let i = 0; i < rows; i++) {
    const row = names.map((name, j) => {
      const shift = drifted && j % 5 === 0 ? 0.6 : 0;
      if (name.startsWith('cat_')) {
        const u = Math.min(random() + shift / 3, 0.999);
        return `level_${Math.floor(u * u * 12)}`;
      }
      return (normal() * (1 + j / 50) + j + shift).toFixed(4);
    });
    lines.push(row.join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function run(cliArgs) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [CLI, ...cliArgs], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`driftscope ${cliArgs.join(' ')} failed:\n${child.stderr}`);
  return seconds;
}

function pages(pdf) {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return info.status === 0 ? (/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? '?') : '?';
}

const kb = (file) => `${(statSync(file).size / 1024).toFixed(0)} KB`;

if (!existsSync(join(ROOT, 'dist', 'electron', 'cli.cjs'))) {
  console.error('Build first: npm run build:node');
  process.exit(2);
}
mkdirSync(DATA, { recursive: true });
const cases = [
  [30, ROWS],
  [300, ROWS],
  [30, ROWS * 10],
];
const table = [];
for (const [columns, rows] of cases) {
  const tag = `${columns}c-${rows}r`;
  const reference = join(DATA, `reference-${tag}.csv`);
  const current = join(DATA, `current-${tag}.csv`);
  writeCsv(reference, columns, rows, false, 1);
  writeCsv(current, columns, rows, true, 2);
  const base = ['analyze', '--reference', reference, '--current', current];
  const html = join(DATA, `report-${tag}.html`);
  const pdf = join(DATA, `report-${tag}.pdf`);
  const json = join(DATA, `report-${tag}.json`);
  run([...base, '--json', json]); // warm-up (file cache)
  const analyse = run([...base, '--json', json]);
  const withHtml = run([...base, '--html', html]);
  const withPdf = run([...base, '--pdf', pdf, '--page-size', PAGE_SIZE]);
  table.push({
    columns,
    rows,
    'csv MB (each)': (statSync(reference).size / 1e6).toFixed(1),
    'analyse s': analyse.toFixed(2),
    'html s (+extra)': `${withHtml.toFixed(2)} (+${(withHtml - analyse).toFixed(2)})`,
    'html size': kb(html),
    'pdf s (+extra)': `${withPdf.toFixed(2)} (+${(withPdf - analyse).toFixed(2)})`,
    'pdf size': kb(pdf),
    'pdf pages': pages(pdf),
  });
}
console.table(table);
