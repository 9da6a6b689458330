/**
 * How each top-level column of a Parquet schema becomes a Driftscope column (docs/parquet.md), decided
 * from its physical type and its logical (or legacy converted) annotation, per the Parquet format's
 * LogicalTypes.md:
 * - number storage: INT32/INT64 (signed or not, any bit width), FLOAT, DOUBLE, FLOAT16, DECIMAL (any
 *   physical type; unscaled / 10^scale).
 * - text storage: STRING/UTF8/ENUM/JSON/UUID and un-annotated BYTE_ARRAY (UTF-8); BOOLEAN as "true" /
 *   "false"; DATE as YYYY-MM-DD; TIMESTAMP (and the legacy INT96, nanoseconds, UTC) and TIME as ISO 8601
 *   text (shared/table/parquet-time.ts), which the type inference and the timeline read like a CSV's.
 * - skipped, with the reason: nested groups (LIST, MAP, STRUCT), repeated fields, INTERVAL, BSON, VARIANT,
 *   geospatial types and un-annotated fixed-length bytes.
 */
import type { SchemaElement, TimeUnit } from 'hyparquet';

export type ParquetColumnPlan =
  | { name: string; kind: 'number'; scale: number }
  | { name: string; kind: 'text' }
  | { name: string; kind: 'boolean' }
  | { name: string; kind: 'date' }
  | { name: string; kind: 'timestamp'; unit: TimeUnit; utc: boolean }
  | { name: string; kind: 'time'; unit: TimeUnit }
  | { name: string; kind: 'skip'; reason: string };

/** The logical type's name of an element, for messages (e.g. "LIST", "INTERVAL", "FIXED_LEN_BYTE_ARRAY"). */
function typeName(element: SchemaElement): string {
  return element.logical_type?.type ?? element.converted_type ?? element.type ?? 'group';
}

/** The plan of one top-level column of the schema (a group element for nested columns). */
export function planParquetColumn(element: SchemaElement): ParquetColumnPlan {
  const name = element.name;
  const skip = (reason: string): ParquetColumnPlan => ({ name, kind: 'skip', reason });
  if ((element.num_children ?? 0) > 0 || element.type === undefined) {
    return skip(
      `nested ${typeName(element) === 'group' ? 'STRUCT' : typeName(element)} columns are not supported`,
    );
  }
  if (element.repetition_type === 'REPEATED') return skip('repeated (list) columns are not supported');
  const logical = element.logical_type;
  const converted = element.converted_type;
  if (logical?.type === 'DECIMAL' || converted === 'DECIMAL')
    return {
      name,
      kind: 'number',
      scale: logical?.type === 'DECIMAL' ? logical.scale : (element.scale ?? 0),
    };
  if (logical?.type === 'TIMESTAMP')
    return { name, kind: 'timestamp', unit: logical.unit, utc: logical.isAdjustedToUTC };
  // Legacy converted types are UTC instants (LogicalTypes.md, "TIMESTAMP_MILLIS ... isAdjustedToUTC = true").
  if (converted === 'TIMESTAMP_MILLIS') return { name, kind: 'timestamp', unit: 'MILLIS', utc: true };
  if (converted === 'TIMESTAMP_MICROS') return { name, kind: 'timestamp', unit: 'MICROS', utc: true };
  if (element.type === 'INT96') return { name, kind: 'timestamp', unit: 'NANOS', utc: true };
  if (logical?.type === 'TIME') return { name, kind: 'time', unit: logical.unit };
  if (converted === 'TIME_MILLIS') return { name, kind: 'time', unit: 'MILLIS' };
  if (converted === 'TIME_MICROS') return { name, kind: 'time', unit: 'MICROS' };
  if (logical?.type === 'DATE' || converted === 'DATE') return { name, kind: 'date' };
  if (converted === 'INTERVAL' || logical?.type === 'INTERVAL')
    return skip('INTERVAL columns are not supported');
  const unsupported = ['BSON', 'VARIANT', 'GEOMETRY', 'GEOGRAPHY', 'MAP', 'LIST'];
  const annotation = logical?.type ?? converted;
  if (annotation !== undefined && unsupported.includes(annotation))
    return skip(`${annotation} columns are not supported`);
  switch (element.type) {
    case 'BOOLEAN':
      return { name, kind: 'boolean' };
    case 'INT32':
    case 'INT64':
    case 'FLOAT':
    case 'DOUBLE':
      return { name, kind: 'number', scale: 0 };
    case 'BYTE_ARRAY':
      return { name, kind: 'text' };
    case 'FIXED_LEN_BYTE_ARRAY':
      if (logical?.type === 'FLOAT16') return { name, kind: 'number', scale: 0 };
      if (logical?.type === 'UUID' || annotation === 'UTF8' || logical?.type === 'STRING')
        return { name, kind: 'text' };
      return skip('binary (FIXED_LEN_BYTE_ARRAY) columns are not supported');
  }
  return skip(`${typeName(element)} columns are not supported`);
}
