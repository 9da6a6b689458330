import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvField, driftTableCsv, neutraliseFormula } from '../../../../shared/report/csv-report';
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
