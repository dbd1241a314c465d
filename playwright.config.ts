import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real studio in browser mode: each test starts
 * `tailor serve` on a fresh demo workspace (see test/e2e/fixtures.ts) and uses
 * the system Chromium, since browser downloads are not possible here.
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
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
});
