/**
 * The analysis settings as a file: the JSON of `driftscope analyze --config FILE`, saved by a download and read
 * back through `parseSettings` (which names the file in its messages).
 */
import { type AnalysisSettings, parseSettings } from '../../../../shared/drift/settings';

export const SETTINGS_FILE_NAME = 'driftscope-settings.json';

/** Offers `settings` as a download named driftscope-settings.json (2-space JSON, final newline). */
export function downloadSettings(settings: AnalysisSettings): void {
  const json = `${JSON.stringify(settings, null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = SETTINGS_FILE_NAME;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The settings in a file the user picked; rejects with the parser's message. */
export async function readSettingsFile(file: File): Promise<AnalysisSettings> {
  const body = await file.text();
  return parseSettings(JSON.parse(body), file.name);
}
