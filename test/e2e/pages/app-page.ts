/** Locators and small actions for the Driftscope window, all through data-testid (no CSS structure). */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { DatasetRole } from '../../../shared/api';

export type AppStateName = 'empty' | 'loading' | 'analysing' | 'ready' | 'error';

export class AppPage {
  readonly root: Locator;
  readonly demoButton: Locator;
  readonly verdict: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly detail: Locator;
  readonly histogram: Locator;
  readonly categoryBars: Locator;

  constructor(
    readonly page: Page,
    /** Folder the harness resolves dropped files from (see harness.ts). */
    readonly dropDir: string,
  ) {
    this.root = page.getByTestId('app');
    this.demoButton = page.getByTestId('demo');
    this.verdict = page.getByTestId('verdict');
    this.table = page.getByTestId('drift-table');
    this.rows = page.getByTestId('drift-row');
    this.detail = page.getByTestId('feature-detail');
    this.histogram = page.getByTestId('histogram');
    this.categoryBars = page.getByTestId('category-bars');
  }

  async expectState(state: AppStateName, timeout = 30_000): Promise<void> {
    await expect(this.root).toHaveAttribute('data-app-state', state, { timeout });
  }

  slot(role: DatasetRole): Locator {
    return this.page.getByTestId(`slot-${role}`);
  }

  openButton(role: DatasetRole): Locator {
    return this.page.getByTestId(`open-${role}`);
  }

  header(id: string): Locator {
    return this.page.getByTestId(`header-${id}`);
  }

  /** The drift table row of one column, matched on the rendered name (works for any characters). */
  row(columnName: string): Locator {
    return this.rows.filter({
      has: this.page.getByTestId('cell-name').getByText(columnName, { exact: true }),
    });
  }

  /** The drift table's column names, top to bottom. */
  async columnOrder(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-column') ?? ''));
  }

  /** Values of one table column, top to bottom, as rendered. */
  async cellTexts(columnId: string): Promise<string[]> {
    return this.page.getByTestId(`cell-${columnId}`).allInnerTexts();
  }

  /**
   * Drops a file on a role's drop zone the way a user would: a DOM drop event carrying a File. The harness
   * resolves the File's path in its drop folder (as the preload does with webUtils.getPathForFile).
   */
  async dropFile(role: DatasetRole, sourcePath: string): Promise<void> {
    const name = path.basename(sourcePath);
    copyFileSync(sourcePath, path.join(this.dropDir, name));
    const dataTransfer = await this.page.evaluateHandle((fileName) => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File(['(contents are read by the engine, not the page)'], fileName, { type: 'text/csv' }),
      );
      return transfer;
    }, name);
    const slot = this.slot(role);
    await slot.dispatchEvent('dragenter', { dataTransfer });
    await slot.dispatchEvent('dragover', { dataTransfer });
    await slot.dispatchEvent('drop', { dataTransfer });
    await dataTransfer.dispose();
  }
}
