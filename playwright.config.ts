import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './electron/services/chromium-options';

/**
 * End-to-end tests drive the real studio in browser mode: each test starts
 * `tailor serve` on a fresh demo workspace (see test/e2e/fixtures.ts) and uses
 * the system Chromium, since browser downloads are not possible here, with the
 * flags the proofs' screenshots use (electron/services/chromium-options.ts).
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test/output/e2e-results',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
    trace: 'retain-on-failure',
  },
});
