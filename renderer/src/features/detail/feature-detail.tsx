/**
 * The selected feature: its verdict and settings, the distribution chart (numeric: share histogram on a
 * chosen binning with ECDFs and the KS distance; categorical: bars per category and a table of share
 * changes), the rows behind a clicked bar, and the summary statistics side by side with their deltas.
 */

import type { PlotData } from 'plotly.js-strict-dist-min';
import { useMemo, useRef, useState } from 'react';
import { isTested } from '../../../../shared/drift/is-tested';
import type { ColumnOverride } from '../../../../shared/drift/settings';
import { BIN_CHOICES, type BinChoice, type NumericColumnDetail } from '../../../../shared/explore/types';
import type { ColumnResult } from '../../../../shared/report/analysis-result';
import { PlotlyChart } from '../../components/plotly-chart';
import { distributionLayout, distributionTraces } from '../../lib/chart-data';
import { numericDetailLayout, numericDetailTraces } from '../../lib/detail-chart';
import { formatInteger, formatNumber, formatPercent } from '../../lib/format';
import { scoreMeaning, testLabel } from '../../lib/test-names';
import { useColorScheme } from '../../lib/use-color-scheme';
import { BinTable, binRowsRequest } from './bin-table';
import { CategoryTable } from './category-table';
import { ColumnSettings } from './column-settings';
import { RowsPanel, type RowsRequest } from './rows-panel';
import { SummaryTable } from './summary-table';
import type { DetailState } from './use-column-detail';

function CategoryChanges({
  label,
  categories,
  testId,
}: {
  label: string;
  categories: { value: string; count: number }[] | null;
  testId: string;
}) {
  if (!categories || categories.length === 0) return null;
  return (
    <div className="category-changes" data-testid={testId}>
      <span className="muted">{label}:</span>
      {categories.slice(0, 12).map((category) => (
        <span
          key={category.value}
          className="chip"
          title={`${category.value} (${formatInteger(category.count)})`}
        >
          {category.value} <span className="muted">{formatInteger(category.count)}</span>
        </span>
      ))}
      {categories.length > 12 && <span className="muted">and {categories.length - 12} more</span>}
    </div>
  );
}

interface ViewProps {
  bins: BinChoice;
  logY: boolean;
  onView(view: { bins?: BinChoice; logY?: boolean }): void;
}

function ChartControls({
  bins,
  logY,
  ecdf,
  onView,
  onEcdf,
}: ViewProps & { ecdf: boolean; onEcdf(v: boolean): void }) {
  return (
    <div className="chart-controls" data-testid="chart-controls">
      <fieldset className="segmented" aria-label="Histogram bins">
        <legend className="sr-only">Bins</legend>
        <span className="muted">Bins</span>
        {BIN_CHOICES.map((choice) => (
          <button
            key={choice}
            type="button"
            className={choice === bins ? 'seg seg-on' : 'seg'}
            aria-pressed={choice === bins}
            data-testid={`bins-${choice}`}
            onClick={() => onView({ bins: choice })}
          >
            {choice === 'auto' ? 'Auto' : choice}
          </button>
        ))}
      </fieldset>
      <fieldset className="segmented" aria-label="Y axis scale">
        <legend className="sr-only">Y axis</legend>
        <button
          type="button"
          className={logY ? 'seg' : 'seg seg-on'}
          aria-pressed={!logY}
          data-testid="scale-linear"
          onClick={() => onView({ logY: false })}
        >
          Linear
        </button>
        <button
          type="button"
          className={logY ? 'seg seg-on' : 'seg'}
          aria-pressed={logY}
          data-testid="scale-log"
          onClick={() => onView({ logY: true })}
        >
          Log
        </button>
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={ecdf}
          data-testid="toggle-ecdf"
          onChange={(e) => onEcdf(e.target.checked)}
        />
        ECDF
      </label>
    </div>
  );
}

function sameArray(a: number[], b: number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Same ECDF points and KS mark (the parts of a column's detail that do not depend on the bins). */
function sameEcdf(a: NumericColumnDetail, b: NumericColumnDetail): boolean {
  return (
    sameArray(a.ecdf.reference.x, b.ecdf.reference.x) &&
    sameArray(a.ecdf.reference.y, b.ecdf.reference.y) &&
    sameArray(a.ecdf.current.x, b.ecdf.current.x) &&
    sameArray(a.ecdf.current.y, b.ecdf.current.y) &&
    a.ks?.x === b.ks?.x &&
    a.ks?.d === b.ks?.d
  );
}

function NumericChart({
  column,
  detail,
  logY,
  ecdf,
  onRows,
  onDrawn,
}: {
  column: ColumnResult;
  detail: NumericColumnDetail;
  logY: boolean;
  ecdf: boolean;
  onRows(request: RowsRequest): void;
  onDrawn(): void;
}) {
  const scheme = useColorScheme();
  const options = useMemo(() => ({ logY, ecdf, markKs: column.test === 'ks' }), [logY, ecdf, column.test]);
  // Re-binning changes the bars only: the ECDFs and the KS mark are the column's (cached by the engine),
  // so their traces are reused as they were and Plotly.react finds them unchanged.
  const previous = useRef<{ key: string; detail: NumericColumnDetail; data: PlotData[] } | null>(null);
  const data = useMemo(() => {
    const fresh = numericDetailTraces(detail, scheme, options);
    const key = `${column.name}\u0000${scheme}\u0000${options.ecdf}\u0000${options.markKs}`;
    const last = previous.current;
    if (last && last.key === key && sameEcdf(last.detail, detail)) {
      for (let i = 2; i < fresh.length; i++) fresh[i] = last.data[i] ?? fresh[i];
    }
    previous.current = { key, detail, data: fresh };
    return fresh;
  }, [detail, scheme, options, column.name]);
  // The layout does not depend on the bins either: one object per column, scheme and options (and KS
  // mark), so a re-binning is a data-only Plotly.react (no relayout).
  const ks = detail.ks;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the layout reads only the KS mark of `detail`.
  const layout = useMemo(
    () => numericDetailLayout(detail, column.name, scheme, options),
    [column.name, scheme, options, ks?.x, ks?.reference, ks?.current, ks?.d],
  );
  const k = detail.edges.length - 1;
  return (
    <PlotlyChart
      className="chart"
      testId="histogram"
      data={data}
      layout={layout}
      label={`Histogram of ${column.name}: reference and current shares on ${k} shared bins`}
      onDrawn={onDrawn}
      onPointClick={(curve, point) => {
        if (curve > 1 || point >= k) return;
        onRows(binRowsRequest(column.name, detail, point));
      }}
    />
  );
}

interface Props extends ViewProps {
  column: ColumnResult;
  detailState: DetailState;
  override: ColumnOverride | undefined;
  recomputing: boolean;
  /** Absent: the column's settings are not offered (a timeline chunk's detail). */
  onOverride?(override: ColumnOverride | null): void;
  /** The analysis compares profiles (docs/profiles.md): no rows behind the bars. */
  fromProfiles?: boolean;
}

/** The chart foot's last words: how to reach the rows, or why there are none. */
function rowsHint(fromProfiles: boolean, what: string): string {
  return fromProfiles ? 'from profiles: no rows behind the bars' : `click ${what} for its rows`;
}

export function FeatureDetail({
  column,
  detailState,
  override,
  recomputing,
  bins,
  logY,
  onView,
  onOverride,
  fromProfiles = false,
}: Props) {
  const scheme = useColorScheme();
  const [ecdf, setEcdf] = useState(true);
  const [rows, setRows] = useState<RowsRequest | null>(null);
  const [drawnKey, setDrawnKey] = useState<string | null>(null);
  const { distribution } = column;
  const detail = detailState.detail?.column === column.name ? detailState.detail : null;
  const numericDetail = detail?.kind === 'numeric' ? detail : null;
  const categoricalDetail = detail?.kind === 'categorical' ? detail : null;
  const fresh = detailState.key === `${column.name}\u0000${bins}` || categoricalDetail !== null;
  const catData = useMemo(
    () => (distribution?.kind === 'categories' ? distributionTraces(distribution, scheme) : null),
    [distribution, scheme],
  );
  const catLayout = useMemo(
    () =>
      distribution?.kind === 'categories' ? distributionLayout(distribution, column.name, scheme) : null,
    [distribution, column.name, scheme],
  );
  const tested = isTested(column);
  const isNumeric = column.type === 'numerical';
  const key = `${column.name}\u0000${bins}\u0000${logY}`;
  // 'ready' once the chart for this column and binning is drawn (tests and the UI benchmark wait on it).
  const state = isNumeric ? (numericDetail && fresh && drawnKey === key ? 'ready' : 'loading') : 'ready';

  return (
    <section
      className="detail"
      data-testid="feature-detail"
      data-column={column.name}
      data-detail-state={state}
      data-bins={String(bins)}
      aria-label="Feature detail"
    >
      <header className="detail-head">
        <h2 className="detail-title" data-testid="detail-title" title={column.name}>
          {column.name}
        </h2>
        <span className="chip">{column.type ?? 'unknown type'}</span>
        {tested ? (
          column.driftDetected ? (
            <span className="badge badge-drift">Drift</span>
          ) : (
            <span className="badge badge-ok">No drift</span>
          )
        ) : (
          <span className="badge badge-muted">Not tested</span>
        )}
      </header>
      {tested && (
        <div className="detail-test" data-testid="detail-test">
          {testLabel(column.test)} · score {formatNumber(column.score)} · threshold{' '}
          {formatNumber(column.threshold)} <span className="muted">({scoreMeaning(column.testKind)})</span>
          {column.pValueAdjusted !== null && (
            <span className="muted"> · adjusted p {formatNumber(column.pValueAdjusted)}</span>
          )}
          {column.effectSize && (
            <span className="muted"> · effect (JS) {formatNumber(column.effectSize.value, 3)}</span>
          )}
        </div>
      )}
      {column.type !== null && onOverride && (
        <ColumnSettings column={column} override={override} busy={recomputing} onChange={onOverride} />
      )}
      {column.missingDrift?.driftDetected && (
        <div className="detail-note" data-testid="detail-missing-drift">
          Missing share changed: {formatPercent(column.missingDrift.reference)} in reference,{' '}
          {formatPercent(column.missingDrift.current)} in current (p ={' '}
          {formatNumber(column.missingDrift.pValue)})
        </div>
      )}
      <CategoryChanges label="New in current" categories={column.newCategories} testId="new-categories" />
      <CategoryChanges
        label="Gone from current"
        categories={column.vanishedCategories}
        testId="vanished-categories"
      />
      {column.note && (
        <div className="detail-note" data-testid="detail-note">
          {column.note}
        </div>
      )}
      {isNumeric && distribution && (
        <ChartControls bins={bins} logY={logY} ecdf={ecdf} onView={onView} onEcdf={setEcdf} />
      )}
      {isNumeric && numericDetail ? (
        <>
          <NumericChart
            column={column}
            detail={numericDetail}
            logY={logY}
            ecdf={ecdf}
            onRows={setRows}
            onDrawn={() => setDrawnKey(key)}
          />
          <div className="chart-foot muted" data-testid="bin-totals">
            {numericDetail.edges.length - 1} bins · PSI {formatNumber(numericDetail.psiTotal, 3)} · JS
            distance {formatNumber(numericDetail.jsDistance, 3)}
            {numericDetail.ks && <> · KS D {formatNumber(numericDetail.ks.d, 3)}</>} ·{' '}
            {rowsHint(fromProfiles, 'a bar')}
            {numericDetail.approximate && (
              <span data-testid="detail-approximate">
                {' '}
                · approximate: values at their sketch bucket (within the profile's relative accuracy)
              </span>
            )}
          </div>
          <BinTable
            column={column.name}
            detail={numericDetail}
            shown={rows && rows.column === column.name ? rows.label : null}
            onRows={setRows}
          />
        </>
      ) : catData && catLayout && distribution?.kind === 'categories' ? (
        <>
          <PlotlyChart
            className="chart"
            testId="category-bars"
            data={catData}
            layout={catLayout}
            label={`Category shares of ${column.name}: reference and current`}
            onPointClick={(_curve, point) => {
              const label = distribution.labels[point];
              if (label === undefined || label === distribution.otherLabel) return;
              setRows({ column: column.name, selector: { kind: 'category', label }, label });
            }}
          />
          <div className="chart-foot muted">{rowsHint(fromProfiles, 'a bar or a category')}</div>
        </>
      ) : isNumeric && distribution && !detailState.error ? (
        <div className="chart chart-empty muted">Drawing…</div>
      ) : (
        <div className="chart-empty muted">
          {detailState.error ?? 'No distribution to plot for this column.'}
        </div>
      )}
      {rows && rows.column === column.name && <RowsPanel request={rows} onClose={() => setRows(null)} />}
      {categoricalDetail && column.type === 'categorical' && (
        <CategoryTable
          detail={categoricalDetail}
          onPick={(label) => setRows({ column: column.name, selector: { kind: 'category', label }, label })}
        />
      )}
      <SummaryTable column={column} showTop={!(categoricalDetail && column.type === 'categorical')} />
    </section>
  );
}
