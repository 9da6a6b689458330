import type { AnalysisResult } from '../../../../shared/report/analysis-result';

/** Columns present in only one of the two files: listed, not analysed. */
export function OnlyInFiles({ result }: { result: AnalysisResult }) {
  const { onlyInReference, onlyInCurrent } = result;
  if (onlyInReference.length === 0 && onlyInCurrent.length === 0) return null;
  return (
    <section className="only-in" data-testid="only-in" aria-label="Columns in one file only">
      {onlyInReference.length > 0 && (
        <div data-testid="only-in-reference">
          <span className="only-in-label">Only in reference:</span>
          {onlyInReference.map((name) => (
            <span key={name} className="chip">
              {name}
            </span>
          ))}
        </div>
      )}
      {onlyInCurrent.length > 0 && (
        <div data-testid="only-in-current">
          <span className="only-in-label">Only in current:</span>
          {onlyInCurrent.map((name) => (
            <span key={name} className="chip">
              {name}
            </span>
          ))}
        </div>
      )}
    </section>
  );
}
