/**
 * The columns the multivariate detectors read, brought to one representation in both sets: numerical
 * columns as numbers (NaN = missing), categorical columns as codes into one dictionary shared by both sets
 * (−1 = missing). No copy of a number column that is already stored as numbers.
 */
import { canonicalLabel } from '../drift/column-pair';
import type { Column, ColumnarTable } from '../table/columnar';
import { LabelDictionary } from '../table/label-dictionary';
import { parseNumberCell } from '../table/parse-number';

export type FeatureColumn =
  | { name: string; kind: 'numerical'; reference: Float64Array; current: Float64Array }
  | { name: string; kind: 'categorical'; labels: string[]; reference: Int32Array; current: Int32Array };

/** A column's cells as numbers; text that is not a number is NaN (the per-column table reports it). */
export function numericValues(column: Column): Float64Array {
  if (column.storage === 'number') return column.values;
  const byCode = column.dictionary.map((label) => parseNumberCell(label) ?? Number.NaN);
  const out = new Float64Array(column.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = column.codes[i] < 0 ? Number.NaN : byCode[column.codes[i]];
  return out;
}

/** A column's cells as codes into `dictionary` (extended in place); numbers are labelled by `String(x)`. */
function categoryCodes(column: Column, dictionary: LabelDictionary): Int32Array {
  const codeOf = (label: string): number => dictionary.code(label);
  if (column.storage === 'number') {
    const out = new Int32Array(column.values.length);
    const byValue = new Map<number, number>();
    for (let i = 0; i < out.length; i++) {
      const x = column.values[i];
      if (Number.isNaN(x)) {
        out[i] = -1;
        continue;
      }
      let code = byValue.get(x);
      if (code === undefined) {
        code = codeOf(String(x));
        byValue.set(x, code);
      }
      out[i] = code;
    }
    return out;
  }
  const byCode = column.dictionary.map((label) => codeOf(canonicalLabel(label)));
  const out = new Int32Array(column.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = column.codes[i] < 0 ? -1 : byCode[column.codes[i]];
  return out;
}

/**
 * The named columns of both tables, numerical or categorical as given (the analysis' types). Columns
 * missing from either table are left out.
 *
 * @example featureColumns(ref, cur, [{ name: 'age', type: 'numerical' }])[0].kind // 'numerical'
 */
export function featureColumns(
  reference: ColumnarTable,
  current: ColumnarTable,
  columns: readonly { name: string; type: 'numerical' | 'categorical' }[],
): FeatureColumn[] {
  const out: FeatureColumn[] = [];
  for (const { name, type } of columns) {
    const ref = reference.columns.find((c) => c.name === name);
    const cur = current.columns.find((c) => c.name === name);
    if (!ref || !cur) continue;
    if (type === 'numerical') {
      out.push({ name, kind: 'numerical', reference: numericValues(ref), current: numericValues(cur) });
    } else {
      const dictionary = new LabelDictionary();
      const r = categoryCodes(ref, dictionary);
      const c = categoryCodes(cur, dictionary);
      out.push({ name, kind: 'categorical', labels: dictionary.labels, reference: r, current: c });
    }
  }
  return out;
}

/** The rows 0..n−1 (all rows of a set). */
export function allRows(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}
