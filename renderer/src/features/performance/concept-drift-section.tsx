/**
 * Concept drift: the reading in plain words, the features ranked by effect (relation changed, p-value,
 * effect, input drift) and, for the selected feature, its relation to the target per bin in reference
 * and current (docs/concept-drift.md).
 */

import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { isTested } from '../../../../shared/drift/is-tested';
import { READING_TEXT } from '../../../../shared/performance/concept-reading';
import type { ConceptDriftResult, ConceptFeature } from '../../../../shared/performance/types';
import { PlotlyChart } from '../../components/plotly-chart';
import { NumHead } from '../../components/table-cells';
import { formatInteger, formatNumber, formatPercent } from '../../lib/format';
import { testLabel } from '../../lib/test-names';
import { relationChart, type Scheme } from './quality-charts';
import { changedByEffect, formatPValue, RELATION_LABELS } from './quality-format';

function byEffect(a: ConceptFeature, b: ConceptFeature): number {
  return (b.effect ?? -1) - (a.effect ?? -1);
}

function listText(names: string[], limit = 6): string {
  if (names.length <= limit) return names.join(', ');
  return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
}

export function ConceptDriftSection({
  concept,
  note,
  scheme,
}: {
  concept: ConceptDriftResult | null;
  note: string | null;
  scheme: Scheme;
}) {
  const id = useId();
  const features = useMemo(() => (concept ? [...concept.features].sort(byEffect) : []), [concept]);
  const [selectedName, setSelected] = useState<string | null>(null);
  const [classIndex, setClassIndex] = useState(0);
  const selected =
    features.find((f) => f.feature === selectedName) ??
    features.find((f) => f.relationChanged) ??
    features[0] ??
    null;
  const yTitle = selected
    ? selected.relation === 'class_distribution'
      ? `Share of class ${concept?.classes?.[classIndex] ?? ''}`
      : RELATION_LABELS[selected.relation]
    : '';
  const chart = useMemo(
    () => (selected ? relationChart(selected, classIndex, yTitle, scheme) : null),
    [selected, classIndex, yTitle, scheme],
  );

  if (!concept) {
    return (
      <section className="pq-card" aria-labelledby={`${id}-title`} data-testid="concept-drift">
        <h3 id={`${id}-title`} className="pq-card-title">
          Concept drift
        </h3>
        <p className="muted">{note ?? 'Concept drift needs target values in both files.'}</p>
      </section>
    );
  }

  const changed = changedByEffect(concept);
  const onKey = (event: KeyboardEvent<HTMLTableRowElement>, name: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setSelected(name);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const sibling =
        event.key === 'ArrowDown'
          ? event.currentTarget.nextElementSibling
          : event.currentTarget.previousElementSibling;
      if (sibling instanceof HTMLElement) sibling.focus();
    }
  };

  return (
    <section className="pq-card" aria-labelledby={`${id}-title`} data-testid="concept-drift">
      <h3 id={`${id}-title`} className="pq-card-title">
        Concept drift
      </h3>
      <div className={`pq-reading pq-reading-${concept.reading}`} data-testid="concept-reading">
        <strong>{READING_TEXT[concept.reading]}</strong>
        {changed.length > 0 && (
          <div>Relation to the target changed (strongest first): {listText(changed)}.</div>
        )}
        {concept.drifted.length > 0 && <div>Inputs that drifted: {listText(concept.drifted)}.</div>}
        <div className="muted pq-small">
          Per feature: χ² over its bins, significant at p &lt; {formatNumber(concept.alpha)} (Bonferroni) with
          an effect ≥ {formatNumber(concept.minEffect)}. Features correlated with a changed one can be flagged
          too; read them by effect.
        </div>
      </div>
      {concept.notes.length > 0 && (
        <ul className="pq-notes">
          {concept.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <div className="pq-concept">
        <div className="pq-concept-table">
          <table className="summary-table pq-table pq-select-table" data-testid="concept-table">
            <caption className="sr-only">
              Features by effect on the target relation; select one to plot it
            </caption>
            <thead>
              <tr>
                <th scope="col">Feature</th>
                <th scope="col">Relation</th>
                <NumHead>p-value</NumHead>
                <NumHead>Effect</NumHead>
                <th scope="col">Input drift</th>
              </tr>
            </thead>
            <tbody>
              {features.map((f) => {
                const isSelected = f === selected;
                return (
                  <tr
                    key={f.feature}
                    className={isSelected ? 'pq-row pq-row-selected' : 'pq-row'}
                    data-testid="concept-row"
                    data-feature={f.feature}
                    data-selected={isSelected ? 'true' : 'false'}
                    aria-current={isSelected ? 'true' : undefined}
                    tabIndex={0}
                    onClick={() => setSelected(f.feature)}
                    onKeyDown={(e) => onKey(e, f.feature)}
                  >
                    <th scope="row" className="pq-name-cell" title={f.note ?? f.feature}>
                      {f.feature}
                    </th>
                    <td>
                      {f.pValue === null ? (
                        <span className="badge badge-muted" title={f.note ?? undefined}>
                          Not tested
                        </span>
                      ) : f.relationChanged ? (
                        <span className="badge badge-drift">Changed</span>
                      ) : (
                        <span className="badge badge-ok">Held</span>
                      )}
                    </td>
                    <td className="td-num">{formatPValue(f.pValue)}</td>
                    <td className="td-num">{f.effect === null ? '—' : f.effect.toFixed(3)}</td>
                    <td
                      title={`${testLabel(f.inputDrift.test)} · score ${formatNumber(f.inputDrift.score)} · threshold ${formatNumber(f.inputDrift.threshold)}`}
                    >
                      {!isTested(f.inputDrift) ? (
                        <span className="muted">—</span>
                      ) : f.inputDrift.driftDetected ? (
                        <span className="badge badge-drift">Drift</span>
                      ) : (
                        <span className="badge badge-ok">No drift</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="pq-concept-chart">
          {selected && chart && (
            <>
              <div className="pq-chart-head">
                <h4 className="pq-chart-title" data-testid="relation-title" title={selected.feature}>
                  {yTitle} per bin of {selected.feature}
                </h4>
                {selected.relation === 'class_distribution' && concept.classes && (
                  <label className="pq-inline-field">
                    Class{' '}
                    <select
                      value={classIndex}
                      onChange={(e) => setClassIndex(Number(e.target.value))}
                      data-testid="relation-class"
                    >
                      {concept.classes.map((c, i) => (
                        <option key={c} value={i}>
                          {c}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </div>
              <PlotlyChart
                className="pq-chart"
                testId="relation-chart"
                data={chart.data}
                layout={chart.layout}
                label={`${yTitle} per bin of ${selected.feature}, reference and current`}
              />
              <div className="muted pq-small" data-testid="relation-facts">
                {selected.testedBins} of {selected.bins.length} bins tested
                {selected.statistic !== null &&
                  ` · χ² ${formatNumber(selected.statistic)} (df ${formatInteger(selected.df)}), p ${formatPValue(selected.pValue)}`}
                {selected.cmh && ` · CMH p ${formatPValue(selected.cmh.pValue)}`}
                {selected.effect !== null &&
                  ` · effect ${selected.relation === 'target_mean' ? formatNumber(selected.effect) : formatPercent(selected.effect)}`}
                {selected.note && ` · ${selected.note}`}
              </div>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
