/** The Save dialog of 'report:export': one filter per format; the OS dialog confirms an overwrite. */
import { type BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import type { ReportFormat } from '../report/write-reports';

const FILTERS: Record<ReportFormat, { name: string; extensions: string[] }> = {
  html: { name: 'HTML report', extensions: ['html', 'htm'] },
  pdf: { name: 'PDF report', extensions: ['pdf'] },
  json: { name: 'JSON report', extensions: ['json'] },
  csv: { name: 'CSV drift table', extensions: ['csv'] },
};

/** Options of the Save dialog for one format (pure, unit-tested). */
export function reportSaveDialogOptions(format: ReportFormat, defaultName: string): SaveDialogOptions {
  return {
    title: `Export ${FILTERS[format].name}`,
    defaultPath: defaultName,
    buttonLabel: 'Export',
    filters: [FILTERS[format], { name: 'All files', extensions: ['*'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

export function createReportFileChooser(getWindow: () => BrowserWindow | null) {
  return async function chooseReportFile(format: ReportFormat, defaultName: string): Promise<string | null> {
    const win = getWindow();
    const options = reportSaveDialogOptions(format, defaultName);
    const result =
      win && !win.isDestroyed()
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
