import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { startServer } from '../support/tailor-serve';

export const SCREENSHOTS = path.resolve('test/output/screenshots');

interface Studio {
  /** The URL the CLI printed, with its session token. */
  url: string;
  /** Scratch folder for this test: workspace home, export targets. */
  dir: string;
  shot(page: Page, name: string): Promise<void>;
}

export const test = base.extend<{ studio: Studio }>({
  studio: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-e2e-'));
    const { url, child } = await startServer(path.join(dir, 'home'));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await use({
      url,
      dir,
      shot: async (page, name) => {
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
      },
    });
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
