/** Native Open dialog used by the 'dataset:pick' handler; the chosen path stays in main. */
import { type BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import type { DatasetRole } from '../../shared/api';

export const DATASET_FILTERS: OpenDialogOptions['filters'] = [
  { name: 'CSV and TSV files', extensions: ['csv', 'tsv', 'tab', 'txt'] },
  { name: 'CSV', extensions: ['csv'] },
  { name: 'TSV', extensions: ['tsv', 'tab'] },
  { name: 'All files', extensions: ['*'] },
];

/** Options for the Open dialog of one role (pure, unit-tested). */
export function openDialogOptions(role: DatasetRole): OpenDialogOptions {
  return {
    title: role === 'reference' ? 'Open reference dataset' : 'Open current dataset',
    buttonLabel: 'Open',
    properties: ['openFile'],
    filters: DATASET_FILTERS,
  };
}

/** Shows the Open dialog (modal to `getWindow()` when there is one); resolves to a path or null on cancel. */
export function createFileChooser(getWindow: () => BrowserWindow | null) {
  return async function chooseFile(role: DatasetRole): Promise<string | null> {
    const win = getWindow();
    const options = openDialogOptions(role);
    const result =
      win && !win.isDestroyed()
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
    if (result.canceled || result.filePaths.length === 0) return null;
    return result.filePaths[0];
  };
}
