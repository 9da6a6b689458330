/**
 * Times `sortedValues` (shared/stats/sort-order.ts) against the native Float64Array sort of the same
 * values, on 1,000,000 values of five shapes, and checks that both give the same bits. Run through
 * bench-sort.mjs. Usage: node test/bench/bench-sort.mjs [--rows N] [--repeat K]
 */
import { SeededRng } from '../../shared/stats/seeded-rng';
import { sortedValues } from '../../shared/stats/sort-order';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const rows = flag('--rows', 1_000_000);
const repeat = flag('--repeat', 5);
const rng = new SeededRng(11);
const shapes: Record<string, () => number> = {
  'decimals, 4 places': () => Math.round((rng.next() * 200 - 50) * 1e4) / 1e4,
  'money, 2 places': () => Math.round(rng.next() * 1e7) / 100 + 30_000,
  'normal-ish': () => rng.next() + rng.next() + rng.next() - 1.5,
  'integers 0..499': () => rng.int(500),
  'narrow, 1 + 1e-7 u': () => 1 + rng.next() * 1e-7,
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `sortedValues against Float64Array.prototype.sort, ${rows.toLocaleString('en')} values, median of ${repeat}`,
);
for (const [name, draw] of Object.entries(shapes)) {
  const values = Float64Array.from({ length: rows }, draw);
  const ours: number[] = [];
  const native: number[] = [];
  let same = true;
  for (let r = 0; r < repeat; r++) {
    let t = performance.now();
    const a = sortedValues(values);
    ours.push(performance.now() - t);
    t = performance.now();
    const b = values.slice().sort();
    native.push(performance.now() - t);
    const wa = new Uint32Array(a.buffer, a.byteOffset, 2 * a.length);
    const wb = new Uint32Array(b.buffer, b.byteOffset, 2 * b.length);
    if (wa.length !== wb.length || wa.some((w, i) => w !== wb[i])) same = false;
  }
  const o = median(ours);
  const n = median(native);
  console.log(
    `${name.padEnd(20)} ours ${o.toFixed(0).padStart(4)} ms  native ${n.toFixed(0).padStart(4)} ms  ratio ${(o / n).toFixed(2)}  ${same ? 'same bits' : 'DIFFERENT'}`,
  );
}
