/** The drift table's toolbar: search by name, filter by type and verdict, extra controls, the row count. */
import type { ReactNode } from 'react';
import { COLUMN_TYPES } from '../../../../shared/types';
import type { TableFilters, VerdictFilter } from './drift-table-rows';

export function TableToolbar({
  filters,
  onChange,
  shown,
  total,
  extra,
}: {
  filters: TableFilters;
  onChange(filters: TableFilters): void;
  shown: number;
  total: number;
  extra?: ReactNode;
}) {
  return (
    <div className="table-toolbar" data-testid="table-toolbar">
      <input
        type="search"
        className="input table-search"
        placeholder="Search columns"
        aria-label="Search columns by name"
        data-testid="filter-search"
        value={filters.search}
        onChange={(event) => onChange({ ...filters, search: event.target.value })}
      />
      <select
        className="input"
        aria-label="Filter by type"
        data-testid="filter-type"
        value={filters.type}
        onChange={(event) => onChange({ ...filters, type: event.target.value })}
      >
        <option value="all">All types</option>
        {COLUMN_TYPES.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label="Filter by verdict"
        data-testid="filter-verdict"
        value={filters.verdict}
        onChange={(event) => onChange({ ...filters, verdict: event.target.value as VerdictFilter })}
      >
        <option value="all">All verdicts</option>
        <option value="drift">Drift</option>
        <option value="no-drift">No drift</option>
        <option value="untested">Not tested</option>
        <option value="missing-drift">Missing share changed</option>
      </select>
      {extra}
      <span className="muted table-count" data-testid="table-count" aria-live="polite">
        {shown === total ? `${total} columns` : `${shown} of ${total} columns`}
      </span>
    </div>
  );
}
