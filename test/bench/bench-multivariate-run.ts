/**
 * Body of the multivariate benchmark (bundled and run by bench-multivariate.mjs in a child process; not a
 * unit test). Loads the reference and current CSVs with the app's loader, then alternates, --repeat times,
 * the plain analysis (shared/drift/analyze.ts analyzeTables, default settings) and the multivariate detectors
 * on the same loaded tables and the plain result's column types (shared/multivariate: the domain classifier
 * and the PCA reconstruction error, each timed, wall and process CPU time). Prints one JSON line per run and one with the verdicts.
 *
 * Usage: node BUNDLE.cjs REFERENCE CURRENT REPEAT
 */
import { loadCsv } from '../../electron/engine/load-csv';
import { analyzeTables } from '../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../shared/drift/settings';
import { analyzeMultivariate, DEFAULT_MULTIVARIATE } from '../../shared/multivariate/analyze-multivariate';

async function main() {
  const [referencePath, currentPath, repeatArg] = process.argv.slice(2);
  const repeat = Number(repeatArg ?? 2);
  const context = { version: 'bench', now: new Date() };
  const t0 = performance.now();
  const [reference, current] = await Promise.all([loadCsv(referencePath), loadCsv(currentPath)]);
  console.log(JSON.stringify({ kind: 'load', ms: performance.now() - t0, rows: current.rowCount }));
  for (let r = 0; r < repeat; r++) {
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const ca = cpu();
    const a = performance.now();
    const plain = analyzeTables(reference, current, DEFAULT_SETTINGS, context);
    const b = performance.now();
    const cb = cpu();
    const columns = plain.columns.flatMap((c) =>
      c.type === 'numerical' || c.type === 'categorical' ? [{ name: c.name, type: c.type }] : [],
    );
    const on = { ...DEFAULT_MULTIVARIATE, enabled: true };
    const classifier = analyzeMultivariate(reference, current, columns, {
      ...on,
      reconstruction: { ...on.reconstruction, enabled: false },
    });
    const c = performance.now();
    const cc = cpu();
    const reconstruction = analyzeMultivariate(reference, current, columns, {
      ...on,
      domainClassifier: { ...on.domainClassifier, enabled: false },
    });
    const d = performance.now();
    const cd = cpu();
    console.log(
      JSON.stringify({
        kind: 'run',
        plainMs: b - a,
        classifierMs: c - b,
        reconstructionMs: d - c,
        // CPU time of the process (every thread: GC helpers too), less sensitive than wall time to a shared CPU.
        plainCpuMs: cb - ca,
        classifierCpuMs: cc - cb,
        reconstructionCpuMs: cd - cc,
        columns: columns.length,
        drifted: plain.columns.filter((x) => x.driftDetected).map((x) => x.name),
        domainClassifier: classifier.domainClassifier && {
          auc: classifier.domainClassifier.auc,
          aucLow: classifier.domainClassifier.aucLow,
          aucHigh: classifier.domainClassifier.aucHigh,
          driftDetected: classifier.domainClassifier.driftDetected,
          rows: classifier.domainClassifier.rows,
          top: classifier.domainClassifier.importance.slice(0, 8),
        },
        reconstruction: reconstruction.reconstruction && {
          components: reconstruction.reconstruction.components,
          varianceKept: reconstruction.reconstruction.varianceKept,
          reference: reconstruction.reconstruction.reference,
          current: reconstruction.reconstruction.current,
          threshold: reconstruction.reconstruction.threshold,
          driftDetected: reconstruction.reconstruction.driftDetected,
        },
      }),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
