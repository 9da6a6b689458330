import type { DatasetSummary } from '../../shared/api';
import type { ColumnarTable } from '../../shared/table/columnar';
import type { EngineRole } from './protocol';

/** What the renderer is told about a loaded file (a labels file reports as the current role). */
export function summarize(role: EngineRole, table: ColumnarTable): DatasetSummary {
  return {
    role: role === 'labels' ? 'current' : role,
    fileName: table.fileName,
    rows: table.rowCount,
    columns: table.columns.map((c) => c.name),
    bytes: table.byteLength,
    delimiter: table.delimiter,
    warnings: table.warnings,
    ...(table.encoding !== undefined ? { encoding: table.encoding } : {}),
    ...(table.format !== undefined ? { format: table.format } : {}),
  };
}
