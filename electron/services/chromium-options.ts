/*
 * How the project starts headless Chromium: the proofs' screenshots
 * (proofs/chromium-capture.ts) and the end-to-end tests (playwright.config.ts)
 * read these, so both run the browser the same way.
 */

/** The system Chromium (Playwright cannot download browsers here, and the app ships none). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** No sandbox (containers), no GPU, and nothing that reaches the network on its own. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
