import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import { analyzeProfiles } from '../../../../shared/profile/analyze-profiles';
import { profileTable } from '../../../../shared/profile/build-profile';
import { CSV_HEADER, csvField, driftTableCsv, neutraliseFormula } from '../../../../shared/report/csv-report';
import { mulberry32 } from '../../../helpers/mulberry32.mjs';
import { textTable } from '../../../helpers/text-table';
import { demoResult, FORMULA, hostileResult, IMG, SCRIPT } from './fixture';

/** A minimal RFC 4180 reader (the oracle for the round trip). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('neutraliseFormula and csvField', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['income', 'income'],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it('quotes commas, quotes, CR and LF (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('driftTableCsv', () => {
  it('has the header, one row per column, CRLF line ends, drifted first', () => {
    const result = demoResult();
    const text = driftTableCsv(result);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(result.columns.length + 1);
    expect(rows[1][0]).toBe('income');
    expect(rows[1][9]).toBe('true');
    const income = result.columns.find((c) => c.name === 'income')!;
    expect(Number(rows[1][4])).toBe(income.score); // full precision round trip
  });

  it('follows the given order', () => {
    const rows = parseCsv(driftTableCsv(demoResult(), ['color', 'stable']));
    expect(rows.slice(1, 3).map((r) => r[0])).toEqual(['color', 'stable']);
  });

  it('neutralises hostile names and keeps them readable', () => {
    const rows = parseCsv(driftTableCsv(hostileResult()));
    const names = rows.slice(1).map((r) => r[0]);
    expect(names).toContain(`'${FORMULA}`);
    expect(names).toContain(SCRIPT);
    expect(names).toContain(IMG);
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]/);
  });
});

describe('driftTableCsv on a profile analysis', () => {
  it('gives the approximation of each sketch-based result: bound, interval and whether the verdict holds', () => {
    const r = mulberry32(5);
    const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    const cells = (shift: number) =>
      Array.from({ length: 3000 }, () => (50 + 10 * normal() + shift).toFixed(4));
    const ref = textTable('ref.csv', { x: cells(0), c: cells(0).map((v) => (Number(v) > 50 ? 'a' : 'b')) });
    const cur = textTable('cur.csv', { x: cells(3), c: cells(3).map((v) => (Number(v) > 50 ? 'a' : 'b')) });
    const settings = { ...DEFAULT_SETTINGS, test: 'psi' as const };
    const context = { version: 'test', now: new Date(0) };
    const result = analyzeProfiles(profileTable(ref), profileTable(cur), settings, context);
    const rows = parseCsv(driftTableCsv(result));
    const at = (row: string[], name: (typeof CSV_HEADER)[number]) => row[CSV_HEADER.indexOf(name)];
    const x = rows.find((row) => row[0] === 'x')!;
    const c = rows.find((row) => row[0] === 'c')!;
    // The oracle is the result object itself (the JSON report): the CSV repeats its numbers in full.
    const approximation = result.columns.find((col) => col.name === 'x')!.approximation!;
    expect(at(x, 'approximate')).toBe('true');
    expect(Number(at(x, 'score_low'))).toBe(approximation.scoreInterval![0]);
    expect(Number(at(x, 'score_high'))).toBe(approximation.scoreInterval![1]);
    expect(Number(at(x, 'score_bound'))).toBe(approximation.scoreBound);
    expect(at(x, 'verdict_determined')).toBe(String(approximation.verdictDetermined));
    expect(Number(at(x, 'score_low'))).toBeLessThanOrEqual(Number(at(x, 'score')));
    expect(Number(at(x, 'score'))).toBeLessThanOrEqual(Number(at(x, 'score_high')));
    // A categorical column is exact from a profile: no approximation.
    expect([
      at(c, 'approximate'),
      at(c, 'score_bound'),
      at(c, 'score_low'),
      at(c, 'verdict_determined'),
    ]).toEqual(['false', '', '', '']);
  });
});
