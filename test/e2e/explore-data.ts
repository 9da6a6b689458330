/** Small generated data sets for the exploration tests (deterministic, written into a test's output folder). */
import { writeFileSync } from 'node:fs';
import { mulberry32 } from '../helpers/mulberry32.mjs';

/**
 * reference/current pair: `x` numeric (current shifted by +0.5), `y` numeric without drift, `plan`
 * categorical with "legacy" only in reference and "trial" only in current, `note` free text.
 */
export function writeExplorePair(dir: string, rows = 600): { reference: string; current: string } {
  const rand = mulberry32(7);
  const normal = () => {
    let s = 0;
    for (let i = 0; i < 6; i++) s += rand();
    return s - 3;
  };
  const make = (shift: number, plans: string[]) => {
    const lines = ['id,x,y,plan'];
    for (let i = 0; i < rows; i++) {
      const plan = plans[Math.floor(rand() * plans.length)];
      lines.push(`${i},${(normal() + shift).toFixed(3)},${(normal() * 2).toFixed(3)},${plan}`);
    }
    return `${lines.join('\n')}\n`;
  };
  const reference = `${dir}/explore-reference.csv`;
  const current = `${dir}/explore-current.csv`;
  writeFileSync(reference, make(0, ['basic', 'basic', 'plus', 'pro', 'legacy']));
  writeFileSync(current, make(0.5, ['basic', 'plus', 'plus', 'pro', 'trial']));
  return { reference, current };
}

/** A wide pair: `columns` numeric columns × `rows` rows (every 10th column drifts). */
export function writeWidePair(
  dir: string,
  columns = 2000,
  rows = 60,
): { reference: string; current: string } {
  const rand = mulberry32(11);
  const header = Array.from({ length: columns }, (_, i) => `feature_${String(i).padStart(4, '0')}`).join(',');
  const make = (drift: boolean) => {
    const lines = [header];
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < columns; c++)
        cells.push((rand() * 10 + (drift && c % 10 === 0 ? 8 : 0)).toFixed(2));
      lines.push(cells.join(','));
    }
    return `${lines.join('\n')}\n`;
  };
  const reference = `${dir}/wide-reference.csv`;
  const current = `${dir}/wide-current.csv`;
  writeFileSync(reference, make(false));
  writeFileSync(current, make(true));
  return { reference, current };
}
