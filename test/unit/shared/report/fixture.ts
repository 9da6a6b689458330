/** Real analysis results for the report tests: analyzeTables on small tables, some with hostile names. */
import { analyzeTables } from '../../../../shared/drift/analyze';
import { parseSettings } from '../../../../shared/drift/settings';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import type { ColumnarTable } from '../../../../shared/table/columnar';
import { textTable } from '../../../helpers/text-table';

export const SCRIPT = '<script>window.__xss=1</script>';
export const IMG = '"><img src=x onerror=window.__xss=2>';
export const FORMULA = '=HYPERLINK("http://evil.example","x")';

export function table(fileName: string, columns: Record<string, string[]>): ColumnarTable {
  return textTable(fileName, columns, { byteLength: 1234, sha256: 'a'.repeat(64) });
}

const n = 300;
const seq = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
const ctx = { version: '0.1.0-test', now: new Date('2026-01-02T03:04:05Z') };

/** income drifts strongly, shifted a little, color gains a category, stable does not drift. */
export function demoResult(): AnalysisResult {
  const reference = table('reference.csv', {
    stable: seq((i) => String((i * 7) % 100)),
    income: seq((i) => String(1000 + ((i * 37) % 500))),
    shifted: seq((i) => String(i / 10)),
    color: seq((i) => ['red', 'green', 'blue'][i % 3]),
    empty_cur: seq((i) => String(i)),
  });
  const current = table('current.csv', {
    stable: seq((i) => String((i * 7 + 1) % 100)),
    income: seq((i) => String(3000 + ((i * 37) % 500))),
    shifted: seq((i) => String(i / 10 + 4)),
    color: seq((i) => ['red', 'green', 'purple'][i % 3]),
    empty_cur: seq(() => ''),
  });
  return analyzeTables(reference, current, parseSettings({}), ctx);
}

/** Column names, categories and file names carrying HTML, script and spreadsheet-formula payloads. */
export function hostileResult(): AnalysisResult {
  const labels = [SCRIPT, IMG, '<b>bold</b>', FORMULA, '@SUM(A1)', '+1', '-1', 'safe'];
  const reference = table(`${IMG}.csv`, {
    [SCRIPT]: seq((i) => labels[i % labels.length]),
    [IMG]: seq((i) => String(i % 50)),
    [FORMULA]: seq((i) => labels[(i * 3) % labels.length]),
  });
  const current = table('current <svg onload=window.__xss=3>.csv', {
    [SCRIPT]: seq((i) => labels[(i * 5) % 7]),
    [IMG]: seq((i) => String((i % 50) + 20)),
    [FORMULA]: seq((i) => labels[i % 3]),
  });
  return analyzeTables(reference, current, parseSettings({}), ctx);
}
